// The concessions module's error codes (README "API additions (issue 17)").
import { conflict, notFound, unprocessable } from '../../platform/errors.ts';

export const productNotFound = () => notFound('The concession product', 'concession_product_not_found');
export const variantNotFound = (variantIds: string[]) =>
  unprocessable('concession_variant_not_found', 'Some of these variants do not exist', { variantIds });
export const cinemaNotFound = () => notFound('The cinema', 'cinema_not_found');
/** Not sold at this cinema: no offer, off sale, or its product or variant inactive. */
export const foodNotOnSale = (variantIds: string[]) =>
  unprocessable('food_not_on_sale', 'Some of these items are not on sale at this cinema', { variantIds });
export const comboChoiceInvalid = (detail: string, extra: Record<string, unknown> = {}) =>
  unprocessable('combo_choice_invalid', detail, extra);
/** Taking stock would leave less than nothing: the last ones went to someone else. */
export const foodOutOfStock = (variantIds: string[]) =>
  conflict('food_out_of_stock', 'Some of these items are sold out at this cinema', { variantIds });
export const countBelowReserved = (variantIds: string[]) =>
  conflict(
    'count_below_reserved',
    'Fewer were counted than orders not yet collected still hold: count again, or hand those orders over first',
    { variantIds },
  );
export const offerCurrencyMismatch = (currency: string, expected: string) =>
  conflict('concession_currency_mismatch', `This cinema sells food in ${expected}, not ${currency}`, {
    currency,
    expected,
  });
export const notTracked = (variantIds: string[]) =>
  unprocessable('stock_not_tracked', 'Some of these variants do not track stock', { variantIds });
export const invalidProduct = (path: string, message: string) =>
  unprocessable('validation_failed', message, { errors: [{ path, message }] });

// Orders and pickup (issue 17, part B).
export const orderNotFound = () => notFound('The food order', 'concession_order_not_found');
export const pickupNotFound = () => notFound('The food order of this pickup code', 'pickup_not_found');
/** The food's prices are in another currency than the booking's seats. */
export const foodCurrencyMismatch = (currency: string, expected: string) =>
  conflict('concession_currency_mismatch', `This cinema sells food in ${currency}, the booking is in ${expected}`, {
    currency,
    expected,
  });
/** Everything (or the asked lines) was handed over already: the second scan of a code. */
export const alreadyCollected = (collectedAt: string | null, lineIds?: string[]) =>
  conflict('already_collected', 'This order (or these lines) was already handed over', {
    collectedAt,
    ...(lineIds ? { lineIds } : {}),
  });
export const orderNotPaid = (status: string) =>
  conflict('order_not_paid', 'This order is not paid: nothing to hand over', { orderStatus: status });
export const orderRefunded = () => conflict('order_refunded', 'This order was refunded: nothing to hand over');
export const pickupWrongCinema = (cinemaId: string) =>
  conflict('pickup_wrong_cinema', 'This order is for another cinema', { cinemaId });
export const pickupLineInvalid = (lineIds: string[]) =>
  unprocessable('pickup_line_invalid', 'Some of these lines are not this order’s', { lineIds });
