// A card as the customer typed it, checked before anything is charged: format, Luhn, expiry, CVC.
// Failures are 422 validation_failed naming the field, like any other bad input.
import { AppError } from '../../platform/errors.ts';
import { luhnValid } from './luhn.ts';

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

/** A card that passed the checks: digits only, and the last four for receipts and logs. */
export interface CheckedCard {
  number: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

const invalid = (field: string, message: string) =>
  new AppError('unprocessable', 'validation_failed', `card.${field} ${message}`, {
    errors: [{ path: `/card/${field}`, message }],
  });

/** Checks a card at `now`; throws 422 validation_failed naming the bad field. */
export function checkCard(card: CardInput, now: Date): CheckedCard {
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number)) throw invalid('number', 'must be 12 to 19 digits');
  if (!luhnValid(number)) throw invalid('number', 'is not a valid card number (Luhn check failed)');
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12)
    throw invalid('expMonth', 'must be 1 to 12');
  // Two-digit years are read as 20YY, as printed on cards.
  const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
  // A card is good through the last moment of its expiry month (UTC).
  const expiresAt = Date.UTC(year, card.expMonth, 1);
  if (expiresAt <= now.getTime()) throw invalid('expYear', 'the card has expired');
  if (!/^\d{3,4}$/.test(card.cvc)) throw invalid('cvc', 'must be 3 or 4 digits');
  return { number, last4: number.slice(-4), expMonth: card.expMonth, expYear: year };
}
