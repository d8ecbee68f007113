import type { CustomerKey, Translate } from '../i18n/catalog.ts';

/** "Row C: 9, 10 · Row D: 4": seats read the way they are found in the hall. */
export function seatList(seats: { row: string; number: number }[], t: Translate<CustomerKey>): string {
  const rows = new Map<string, number[]>();
  for (const s of seats) rows.set(s.row, [...(rows.get(s.row) ?? []), s.number]);
  return [...rows.entries()]
    .map(([row, numbers]) => t('seat.rowList', { row, numbers: numbers.sort((a, b) => a - b).join(', ') }))
    .join(' · ');
}
