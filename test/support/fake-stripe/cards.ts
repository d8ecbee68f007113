// Stripe's documented test cards and test payment methods (docs.stripe.com/testing), as the fake
// server decides them. Any other number passing the Luhn check succeeds, as in Stripe's test mode.

export type CardOutcome =
  | { kind: 'succeeded' }
  | { kind: 'requires_action' }
  | { kind: 'declined'; code: string; declineCode: string; message: string };

export const FAKE_TEST_CARDS = {
  visa: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  threeDSecure: '4000002760003184',
} as const;

/** Test payment method ids → the card number they stand for. */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: FAKE_TEST_CARDS.visa,
  pm_card_mastercard: '5555555555554444',
  pm_card_chargeDeclined: FAKE_TEST_CARDS.declined,
  pm_card_visa_chargeDeclined: FAKE_TEST_CARDS.declined,
  pm_card_chargeDeclinedInsufficientFunds: FAKE_TEST_CARDS.insufficientFunds,
  pm_card_visa_chargeDeclinedInsufficientFunds: FAKE_TEST_CARDS.insufficientFunds,
  pm_card_authenticationRequired: FAKE_TEST_CARDS.threeDSecure,
  pm_card_threeDSecure2Required: FAKE_TEST_CARDS.threeDSecure,
};

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const validCardNumber = (number: string) => /^\d{12,19}$/.test(number) && luhnValid(number);

export function decideCard(number: string, authenticated: boolean): CardOutcome {
  if (number === FAKE_TEST_CARDS.declined)
    return {
      kind: 'declined',
      code: 'card_declined',
      declineCode: 'generic_decline',
      message: 'Your card was declined.',
    };
  if (number === FAKE_TEST_CARDS.insufficientFunds)
    return {
      kind: 'declined',
      code: 'card_declined',
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    };
  if (number === FAKE_TEST_CARDS.threeDSecure && !authenticated) return { kind: 'requires_action' };
  return { kind: 'succeeded' };
}

/** The card brand Stripe reports, by the number's first digits. */
export const brandOf = (number: string) =>
  number.startsWith('4') ? 'visa' : /^5[1-5]/.test(number) ? 'mastercard' : /^3[47]/.test(number) ? 'amex' : 'unknown';
