// The sales module's own table. Its store reaches it through `db.withTables<SalesTables>()`, so the
// shared schema needs no entry for a table no other module reads.
import type { JSONColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/platform.tables.ts';

export type PriceMap = Partial<Record<'standard' | 'vip' | 'accessible' | 'companion', number>>;

export type SalesTables = {
  hall_price_defaults: {
    hall_id: string;
    prices: JSONColumnType<PriceMap, string, string>;
    currency: string;
    updated_at: Timestamp;
    updated_by: string | null;
  };
};
