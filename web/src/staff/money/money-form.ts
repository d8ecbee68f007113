// The money forms' text fields and their conversion to the API's shapes: promo limits as whole
// numbers or none, validity as the browser's local date-times (sent as instants), tax rates.

/** An instant as a `datetime-local` input's value, in the browser's zone. */
export function localInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A date as a `date` input's value: the browser's calendar day, not UTC's (yesterday's just after midnight in Europe). */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A `datetime-local` value as an instant; undefined when empty or not a date. */
export function instant(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** "" → null (no limit), "12" → 12, anything else → undefined (not a limit). */
export function limitOf(text: string): number | null | undefined {
  const s = text.trim();
  if (!s) return null;
  return /^\d+$/.test(s) && Number(s) >= 1 ? Number(s) : undefined;
}

/** A shared code as the server takes it: 4–32 of A–Z, 0–9 and '-', case-insensitive. */
export const codeOk = (code: string) => /^[A-Z0-9-]{4,32}$/i.test(code.trim());

/** The options chosen in a `<select multiple>`. */
export const chosenValues = (select: HTMLSelectElement) => [...select.selectedOptions].map((o) => o.value);

/** Whether a validity runs forwards (either end may be left open). */
export function validityOk(from: string, until: string): boolean {
  const a = instant(from);
  const b = instant(until);
  return !a || !b || a < b;
}

/** A file name made of a promo code's name: letters, digits and dashes only. */
export const csvName = (name: string) =>
  `promo-codes-${
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'batch'
  }.csv`;

/** A rate as typed ("7", "5,5", "19.00") → a percent with at most 2 decimals; null when empty, undefined when not one. */
export function rateOf(text: string): number | null | undefined {
  const s = text.trim().replace(',', '.');
  if (!s) return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 100 ? n : undefined;
}
