// The sales module's own table, picked from the types generated from the migrated database, and the
// shape of its json column (scripts/db-types.ts names it). Its store reaches it through
// `db.withTables<SalesTables>()`.
import type { DB } from '../../platform/db/generated-schema.ts';

export type PriceMap = Partial<Record<'standard' | 'vip' | 'accessible' | 'companion', number>>;

export type SalesTables = Pick<DB, 'hall_price_defaults'>;
