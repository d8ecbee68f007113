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
export const offerCurrencyMismatch = (currency: string, expected: string) =>
  conflict('concession_currency_mismatch', `This cinema sells food in ${expected}, not ${currency}`, {
    currency,
    expected,
  });
export const notTracked = (variantIds: string[]) =>
  unprocessable('stock_not_tracked', 'Some of these variants do not track stock', { variantIds });
export const invalidProduct = (path: string, message: string) =>
  unprocessable('validation_failed', message, { errors: [{ path, message }] });
