// What the card form checks before asking the server (which has the last word).

export interface CardInput {
  number: string;
  expiry: string;
  cvc: string;
}

export type CardErrors = Partial<Record<keyof CardInput, 'required' | 'invalid' | 'expired'>>;

export const digitsOf = (s: string) => s.replace(/\D/g, '');

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
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

/** `MM/YY` or `MM/YYYY` → month and four-digit year. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const m = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/** Groups of four as the customer types: `4242 4242 4242 4242`. */
export function formatCardNumber(text: string): string {
  return digitsOf(text)
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** `1` → `1`, `12` → `12/`, `123` → `12/3`: the slash appears by itself. */
export function formatExpiry(text: string, previous: string): string {
  const d = digitsOf(text).slice(0, 4);
  if (text.length < previous.length) return text; // deleting: leave it alone
  if (d.length >= 3) return `${d.slice(0, 2)}/${d.slice(2)}`;
  if (d.length === 2) return `${d}/`;
  return d;
}

export function validateCard(input: CardInput, now: Date): CardErrors {
  const errors: CardErrors = {};
  const number = digitsOf(input.number);
  if (!number) errors.number = 'required';
  else if (!luhnValid(number)) errors.number = 'invalid';
  if (!input.expiry.trim()) errors.expiry = 'required';
  else {
    const exp = parseExpiry(input.expiry);
    if (!exp) errors.expiry = 'invalid';
    else if (exp.year < now.getFullYear() || (exp.year === now.getFullYear() && exp.month < now.getMonth() + 1))
      errors.expiry = 'expired';
  }
  if (!input.cvc.trim()) errors.cvc = 'required';
  else if (!/^\d{3,4}$/.test(input.cvc.trim())) errors.cvc = 'invalid';
  return errors;
}
