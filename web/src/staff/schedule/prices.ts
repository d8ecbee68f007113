// Prices typed as amounts ("12.50", "12,50") and kept as minor units in the currency's digits.
export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "12,50" → 1250 (EUR); null when it is not an amount. */
export function toMinor(text: string, currency: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{0,4})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 10 ** fractionDigits(currency));
}

export function fromMinor(minor: number | undefined, currency: string): string {
  if (minor === undefined) return '';
  const digits = fractionDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}
