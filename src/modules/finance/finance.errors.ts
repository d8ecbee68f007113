// The finance module's error codes.
import { AppError, notFound } from '../../platform/errors.ts';

export const cinemaNotFound = () => notFound('The cinema', 'cinema_not_found');
export const receiptNotFound = () => notFound('The receipt', 'receipt_not_found');
export const creditNoteNotFound = () => notFound('The credit note', 'credit_note_not_found');

/** A rate with more than two decimals (the schema checks the range). */
export const badRate = (kind: string) =>
  new AppError('unprocessable', 'validation_failed', 'A tax rate has at most two decimals', {
    errors: [{ path: `/taxRates/${kind}`, message: 'has more than two decimals' }],
  });

/** An export period runs forwards and spans at most 366 days. */
export const badPeriod = (detail: string) =>
  new AppError('unprocessable', 'validation_failed', detail, { errors: [{ path: '/to', message: detail }] });

/** A booking that was never paid has no receipt (yet). */
export const bookingNotSold = () =>
  new AppError('conflict', 'booking_not_sold', 'The booking is not paid, so it has no receipt');

/** The cinema exists but has no tax settings yet. */
export const taxSettingsNotFound = () => notFound('The tax settings of this cinema', 'tax_settings_not_found');

/** Neither the cinema nor the chain (SELLER_*) has a seller and tax rates: no receipt can be issued yet. */
export const taxSettingsMissing = () =>
  new AppError(
    'conflict',
    'tax_settings_missing',
    'The receipt cannot be issued yet: the cinema has no tax settings and the chain no seller (SELLER_*)',
  );

/** A gift card order not paid yet, or paid but its card not issued yet (a moment), has no receipt yet. */
export const giftOrderNotPaid = (paid = false) =>
  new AppError(
    'conflict',
    'gift_card_order_not_paid',
    paid
      ? 'The gift card order is paid but its gift card is not issued yet, so it has no receipt yet: try again in a moment'
      : 'The gift card order is not paid, so it has no receipt',
  );

/** As the gift cards module answers for an order the caller may not read (or with no gift cards module). */
export const giftOrderNotFound = () => notFound('The gift card order', 'gift_card_order_not_found');
