// The till module's tables, picked from the types generated from the migrated database, and its handle.
import type { DB } from '../../platform/db/generated-schema.ts';

export type TillTables = Pick<DB, 'tills' | 'till_sessions' | 'till_movements'>;

/** The till module's handle: its own tables only; bookings, payments and tickets are asked through their services. */
export type TillDb = TillTables;
