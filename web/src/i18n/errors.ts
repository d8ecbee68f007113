// Errors as sentences: each problem `code` the app can meet has its own message; anything else
// falls back to the server's own sentence (English) or a general one.
import { ApiError } from '../api/http.ts';
import type { CustomerKey, Translate } from './catalog.ts';

const byCode: Record<string, CustomerKey> = {
  network_error: 'error.network',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  csrf_rejected: 'error.csrf',
  not_found: 'error.notFound',
  rate_limited: 'error.rateLimited',
  internal_error: 'error.internal',
  email_taken: 'error.emailTaken',
  invalid_credentials: 'error.invalidCredentials',
  weak_password: 'error.weakPassword',
  password_too_weak: 'error.weakPassword',
  invalid_token: 'error.invalidToken',
  token_invalid: 'error.invalidToken',
  token_expired: 'error.invalidToken',
  wrong_password: 'error.wrongPassword',
  invalid_second_factor: 'error.invalidSecondFactor',
  challenge_expired: 'error.challengeExpired',
  invalid_code: 'error.invalidCode',
  totp_enabled: 'error.totpEnabled',
  passkey_rejected: 'error.passkeyRejected',
  second_factor_enrolment_required: 'error.secondFactorEnrolment',
  invalid_password: 'error.wrongPassword',
  seats_unavailable: 'error.seatsUnavailable',
  showtime_not_bookable: 'error.showtimeNotBookable',
  seat_limit_reached: 'error.seatLimit',
  companion_requires_accessible: 'error.companion',
  booking_expired: 'error.bookingExpired',
  hold_already_extended: 'checkout.extendedAlready',
  booking_not_payable: 'error.bookingNotPayable',
  payment_declined: 'error.paymentDeclined',
  card_declined: 'error.cardDeclined',
  insufficient_funds: 'error.insufficientFunds',
  cancellation_window_closed: 'error.cancellationClosed',
  refund_at_till: 'booking.refundAtTill',
  ticket_type_unknown: 'error.ticketTypeUnknown',
  ticket_type_not_priced: 'error.ticketTypeNotPriced',
  ticket_type_not_allowed: 'error.ticketTypeNotAllowed',
  idempotency_key_reused: 'error.internal',
  email_not_verified: 'error.emailNotVerified',
  validation_failed: 'error.validation',
  payload_too_large: 'error.validation',
  promo_code_not_found: 'error.promoNotFound',
  promo_code_not_applicable: 'error.promoNotApplicable',
  promo_code_expired: 'error.promoExpired',
  promo_code_exhausted: 'error.promoExhausted',
  promo_code_customer_limit: 'error.promoCustomerLimit',
  gift_card_not_found: 'error.giftCardNotFound',
  gift_card_empty: 'error.giftCardEmpty',
  gift_card_currency_mismatch: 'error.giftCardCurrency',
  card_data_not_accepted: 'error.cardDataNotAccepted',
  payment_amount_changed: 'error.paymentAmountChanged',
  order_already_paid: 'error.orderAlreadyPaid',
  gift_card_void: 'error.giftCardVoid',
  gift_card_nothing_due: 'error.giftCardNothingDue',
  gift_card_order_not_payable: 'error.giftOrderNotPayable',
  gift_card_order_not_found: 'error.giftOrderNotFound',
  gift_card_order_not_paid: 'error.giftOrderNotPaid',
  booking_not_sold: 'error.bookingNotSold',
  payment_in_progress: 'error.paymentInProgress',
  payment_method_required: 'error.paymentMethodRequired',
  price_breakdown_exceeded: 'error.priceBreakdownExceeded',
  receipt_not_found: 'error.documentNotFound',
  credit_note_not_found: 'error.documentNotFound',
  tax_settings_missing: 'error.taxSettingsMissing',
  food_not_on_sale: 'error.foodNotOnSale',
  combo_choice_invalid: 'error.comboChoiceInvalid',
  food_out_of_stock: 'error.foodOutOfStock',
  waiting_room_required: 'error.waitingRoomRequired',
  orphan_seat: 'error.orphanSeat',
  no_adjacent_seats: 'error.noAdjacentSeats',
  showtime_not_sold_out: 'error.showtimeNotSoldOut',
  already_on_waitlist: 'error.alreadyOnWaitlist',
  waiting_room_device_in_use: 'error.waitingRoomDeviceInUse',
  gift_cards_exceed_total: 'error.giftCardsExceedFood',
  concession_currency_mismatch: 'error.foodCurrency',
  already_collected: 'error.foodAlreadyCollected',
  order_refunded: 'error.foodOrderRefunded',
  order_not_paid: 'error.foodOrderNotPaid',
  pickup_not_found: 'error.foodPickupNotFound',
  unknown_food_lines: 'error.foodUnknownLines',
  stock_insufficient: 'error.foodOutOfStock',
};

/** Why a promo code does not fit (`promo_code_not_applicable`'s `reason`); others read as ticket types. */
const promoReasons: Record<string, CustomerKey> = {
  not_yet_valid: 'error.promoNotYetValid',
  movie: 'error.promoMovie',
  cinema: 'error.promoCinema',
  showtime: 'error.promoShowtime',
  date: 'error.promoDate',
  ticket_types: 'error.promoNotApplicable',
  currency: 'error.promoCurrency',
  nothing_to_discount: 'error.promoNothingToDiscount',
};

/** The reason a payment was declined, wherever the server put it. */
export function declineReason(err: ApiError): string | undefined {
  const p = err.problem as Record<string, unknown>;
  for (const k of ['reason', 'declineCode', 'decline_code', 'declineReason'])
    if (typeof p[k] === 'string') return p[k] as string;
  const payment = p.payment as Record<string, unknown> | undefined;
  if (payment && typeof payment.reason === 'string') return payment.reason;
  return undefined;
}

/** One sentence for the reader, in their language, for any error. */
export function errorText(err: unknown, t: Translate<CustomerKey>, lang: string): string {
  if (!(err instanceof ApiError)) return t('error.internal');
  if (err.code === 'payment_declined') {
    const reason = declineReason(err);
    if (reason === 'insufficient_funds') return t('error.insufficientFunds');
    return t('error.cardDeclined');
  }
  // A weak password is a validation error whose `reason` says so; a released hold is a booking
  // that is not payable for the reason `released`; a promo code that does not fit says why.
  const reason = typeof err.problem.reason === 'string' ? err.problem.reason : '';
  const key =
    err.code === 'validation_failed' && reason === 'weak_password'
      ? byCode.weak_password
      : err.code === 'booking_not_payable' && reason === 'released'
        ? 'error.bookingReleased'
        : ((err.code === 'promo_code_not_applicable' ? promoReasons[reason] : undefined) ?? byCode[err.code]);
  if (key) return t(key, { seconds: String(err.problem.retryAfter ?? '') });
  if (lang === 'en' && err.problem.detail) return err.problem.detail;
  return t('error.generic', { status: String(err.status) });
}

/** Field errors of a 422, by field name (`/email` → `email`), in the server's words. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || !err.problem.errors) return {};
  const out: Record<string, string> = {};
  for (const issue of err.problem.errors) {
    const name = issue.path.replace(/^\//, '').split('/')[0] ?? '';
    if (name && !out[name]) out[name] = issue.message;
  }
  return out;
}
