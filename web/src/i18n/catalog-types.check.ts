// Compile-time checks of the catalog's types (run by `npm run check`; never bundled): each line
// under @ts-expect-error must be refused, or the build fails because nothing was.
import type { Translate, Translation } from './catalog.ts';

export function typeChecks(t: Translate): string[] {
  return [
    t('seats.total', { count: 3 }),
    t('staff.hall.delete', { count: 1 }),
    t('seat.short', { row: 'A', number: 1 }),
    // @ts-expect-error a key that does not exist
    t('seats.nope'),
    // @ts-expect-error a plural message needs its count
    t('seats.total'),
    // @ts-expect-error the count is a number
    t('seats.total', { count: '3' }),
    // @ts-expect-error a placeholder left without a value
    t('seat.short', { row: 'A' }),
    // @ts-expect-error a staff key needs its namespace
    t('hall.delete', { count: 1 }),
  ];
}

// @ts-expect-error a translation missing a key English has
export const missing: Translation<{ a: 'A'; b: 'B' }> = { a: 'A' };
