// The promotions module's error codes (api-16.md section 2), mapped to HTTP by the platform.
import { conflict, notFound, unprocessable } from '../../platform/errors.ts';

export const promoNotFound = () => notFound('The promo code', 'promo_code_not_found');
/** A campaign by id (admin routes). */
export const campaignNotFound = () => notFound('The promo code', 'not_found');
export const promoCodeTaken = (codes: string[]) =>
  conflict('promo_code_taken', 'This code is taken by another promotion', { codes });
export const promoExpired = (validUntil: Date) =>
  conflict('promo_code_expired', 'This promo code is no longer valid', { validUntil: validUntil.toISOString() });
export const promoExhausted = () => conflict('promo_code_exhausted', 'This promo code has been used up');
export const promoCustomerLimit = (limit: number) =>
  conflict('promo_code_customer_limit', `This promo code can be used ${limit} time(s) per customer`, { limit });

/** Why a code does not fit a booking. */
export type NotApplicableReason =
  'not_yet_valid' | 'movie' | 'cinema' | 'showtime' | 'date' | 'ticket_types' | 'currency' | 'nothing_to_discount';

const reasons: Record<NotApplicableReason, string> = {
  not_yet_valid: 'This promo code is not valid yet',
  movie: 'This promo code is not valid for this film',
  cinema: 'This promo code is not valid at this cinema',
  showtime: 'This promo code is not valid for this showtime',
  date: 'This promo code is not valid on the date of this showtime',
  ticket_types: 'This promo code is not valid for the ticket types of this booking',
  currency: "This promo code's amount is in another currency than the booking",
  nothing_to_discount: 'Gift cards already pay for this booking: there is nothing left to discount',
};

export const promoNotApplicable = (reason: NotApplicableReason) =>
  unprocessable('promo_code_not_applicable', reasons[reason], { reason });
export const limitBelowUses = (uses: number) =>
  conflict('promo_code_limit_below_uses', `The code is in use ${uses} time(s): the limit cannot be lower`, { uses });
