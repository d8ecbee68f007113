// The built-in test card processor's decisions (API.md): 4242 4242 4242 4242 is approved,
// 4000 0000 0000 0002 is declined `card_declined`, 4000 0000 0000 9995 `insufficient_funds`.
// Every other number that passes the Luhn check is approved too, as real test processors do, so
// any well-formed card can be used in a demo; numbers failing Luhn never get here (422 before).

type CardDecision =
  { approved: true } | { approved: false; code: 'card_declined' | 'insufficient_funds'; message: string };

export const TEST_CARDS = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
} as const;

/** What the test processor answers for a checked card number (digits only). */
export function decideTestCard(number: string): CardDecision {
  if (number === TEST_CARDS.declined)
    return { approved: false, code: 'card_declined', message: 'The card was declined' };
  if (number === TEST_CARDS.insufficientFunds) {
    return { approved: false, code: 'insufficient_funds', message: 'The card has insufficient funds' };
  }
  return { approved: true };
}
