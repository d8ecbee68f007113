// Splitting an amount in whole minor units in proportion to some weights, the one way every module
// does it: a promo discount over a booking's seats is spread by this on the receipt (finance) and
// taken back by this on a refund (payments), so a refunded seat gives back its receipt line's gross.

/**
 * Splits `total` over `weights` in proportion, in whole minor units that add up to `total` exactly:
 * each share rounded down, the units left over going to the largest remainders (earlier lines on ties).
 */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map((x) => Math.floor(x));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] as number) + 1;
    left--;
  }
  return shares;
}

/**
 * Each seat's share of a booking's discount, by seat id: `allocate` over the seats in the booking's
 * order (as the booking module lists them), so the receipt and a refund agree to the cent.
 */
export function discountShares(discount: number, seats: { seatId: string; price: number }[]): Map<string, number> {
  const shares = allocate(
    discount,
    seats.map((s) => s.price),
  );
  return new Map(seats.map((s, i) => [s.seatId, shares[i] ?? 0]));
}
