// The giftcards module's error codes (README "Gift cards").
import { AppError, conflict, notFound, unprocessable } from '../../platform/errors.ts';

/** Unknown, mistyped, void or expired codes all answer alike, so a guess learns nothing. */
export const giftCardNotFound = () => notFound('The gift card', 'gift_card_not_found');
export const giftOrderNotFound = () => notFound('The gift card order', 'gift_card_order_not_found');
export const giftCardEmpty = () => conflict('gift_card_empty', 'This gift card has no balance left');
export const giftCardCurrencyMismatch = (card: string, booking: string) =>
  conflict('gift_card_currency_mismatch', `This gift card is in ${card}; the booking is in ${booking}`, {
    card,
    booking,
  });
export const nothingDue = () => conflict('gift_card_nothing_due', 'Nothing is left to pay on this booking');
export const payoutNotFound = () => notFound('The gift card payout', 'gift_card_payout_not_found');
export const payoutAlreadyPaid = () => conflict('gift_card_payout_paid', 'This payout is marked paid already');
export const giftCardAlreadyVoid = () => conflict('gift_card_void', 'This gift card is void');
export const orderNotPayable = (status: string) =>
  conflict('gift_card_order_not_payable', 'This gift card order is paid already', { orderStatus: status });
export const buyerEmailRequired = () =>
  unprocessable('validation_failed', 'A guest gives an email address for the receipt', {
    errors: [{ path: '/buyerEmail', message: 'required without an account' }],
  });
export const guessesLimited = (retryAfter: number) =>
  new AppError('rate_limited', 'rate_limited', 'Too many gift card codes tried; try again later', {}, retryAfter);
export const currencyNotSold = (currency: string) =>
  unprocessable('validation_failed', `Gift cards are not sold in ${currency}`, {
    errors: [{ path: '/amount/currency', message: 'is not a currency gift cards are sold in' }],
  });
export const amountOutOfRange = (min: number, max: number) =>
  unprocessable('validation_failed', `A gift card is ${min} to ${max} minor units`, {
    errors: [{ path: '/amount/amount', message: `must be ${min} to ${max}` }],
    min,
    max,
  });
