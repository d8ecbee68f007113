// Default prices per hall: one row per hall, replaced as a whole.
import type { Executor } from '../../platform/db/database.ts';
import type { PriceMap, SalesDb } from './sales.tables.ts';

interface PriceDefaultsRow {
  hall_id: string;
  prices: PriceMap;
  currency: string;
  updated_at: Date;
}

export async function findDefaults(ex: Executor<SalesDb>, hallId: string): Promise<PriceDefaultsRow | undefined> {
  return ex
    .selectFrom('hall_price_defaults')
    .select(['hall_id', 'prices', 'currency', 'updated_at'])
    .where('hall_id', '=', hallId)
    .executeTakeFirst();
}

export async function upsertDefaults(
  ex: Executor<SalesDb>,
  v: { hallId: string; prices: PriceMap; currency: string; by: string; now: Date },
): Promise<void> {
  const row = {
    hall_id: v.hallId,
    prices: JSON.stringify(v.prices),
    currency: v.currency,
    updated_at: v.now,
    updated_by: v.by,
  };
  await ex
    .insertInto('hall_price_defaults')
    .values(row)
    .onConflict((oc) =>
      oc.column('hall_id').doUpdateSet({
        prices: row.prices,
        currency: row.currency,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}
