// The arithmetic of tax-inclusive prices, in integer minor units: a discount spread over the lines it
// reduces, and net, tax and gross per rate. Rates are basis points (7 % = 700). Per rate,
// tax = round(gross × rate / (100 + rate)) (half up) and net = gross − tax, so the three always add up.
// The split itself is platform/allocate.ts: payments refunds a seat by the same rule.
export { allocate } from '../../platform/allocate.ts';

/** A percent with at most two decimals as basis points; null when it has more or is out of 0..100. */
export function basisPoints(percent: number): number | null {
  const bp = Math.round(percent * 100);
  if (!Number.isFinite(percent) || Math.abs(percent * 100 - bp) > 1e-6 || bp < 0 || bp > 10_000) return null;
  return bp;
}

/** Basis points as the percent number the API shows (700 → 7, 550 → 5.5). */
export const percentOf = (bp: number): number => bp / 100;

/** The tax contained in a tax-inclusive gross amount at `rateBp`, rounded half up. */
export function taxIncluded(gross: number, rateBp: number): number {
  if (rateBp === 0 || gross === 0) return 0;
  const sign = gross < 0 ? -1 : 1;
  const g = Math.abs(gross);
  const denominator = 10_000 + rateBp;
  return sign * Math.floor((2 * g * rateBp + denominator) / (2 * denominator));
}

/** Net, tax and gross of one rate. */
export interface TaxRow {
  /** Percent (7, 5.5, 19). */
  rate: number;
  net: number;
  tax: number;
  gross: number;
}

/** Amounts grouped by rate (lowest rate first), with the tax each rate's gross contains. */
export function taxRows(amounts: { rateBp: number; gross: number }[]): TaxRow[] {
  const byRate = new Map<number, number>();
  for (const a of amounts) byRate.set(a.rateBp, (byRate.get(a.rateBp) ?? 0) + a.gross);
  return [...byRate.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([bp, gross]) => {
      const tax = taxIncluded(gross, bp);
      return { rate: percentOf(bp), net: gross - tax, tax, gross };
    });
}

/** The sums of some tax rows. */
export function totalsOf(rows: TaxRow[]): { net: number; tax: number; gross: number } {
  return rows.reduce((t, r) => ({ net: t.net + r.net, tax: t.tax + r.tax, gross: t.gross + r.gross }), {
    net: 0,
    tax: 0,
    gross: 0,
  });
}
