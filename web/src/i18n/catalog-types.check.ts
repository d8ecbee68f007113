// Compile-time checks of the catalog's types (run by `npm run check`; never bundled): each line
// under @ts-expect-error must be refused, or the build fails because nothing was.
import type {
  Checked,
  CustomerKey,
  DroppedPlaceholders,
  Translate,
  Translation,
  UnknownPlaceholders,
} from './catalog.ts';

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

/** Customer pages' `t` (useI18n from I18nProvider) knows no staff word: it loads with the console. */
export function customerChecks(t: Translate<CustomerKey>): string[] {
  return [
    t('seats.total', { count: 3 }),
    // @ts-expect-error a staff key on a customer page would show as the raw key
    t('staff.hall.delete', { count: 1 }),
  ];
}

type English = { a: '{x} and {y}'; n: { one: 'one seat'; other: '{count} seats' } };
// @ts-expect-error German drops {y}
export type Dropped = Checked<DroppedPlaceholders<English, { a: '{x} und' }>>;
// @ts-expect-error German drops {count} from the form most counts take
export type DroppedCount = Checked<DroppedPlaceholders<English, { n: { one: 'ein Platz'; other: 'Plätze' } }>>;
// @ts-expect-error German adds {z}
export type Added = Checked<UnknownPlaceholders<English, { a: '{x} und {y} und {z}' }>>;
/** The same placeholders, and a `one` form without the count: fine. */
export type Same = Checked<
  DroppedPlaceholders<English, { a: '{y} und {x}'; n: { one: 'ein Platz'; other: '{count} Plätze' } }>
>;

// @ts-expect-error a translation missing a key English has
export const missing: Translation<{ a: 'A'; b: 'B' }> = { a: 'A' };
