// The waitlist module's tables, picked from the types generated from the migrated database, and its
// handle: its own table only (bookings and seats are asked through booking's functions).
import type { DB } from '../../platform/db/generated-schema.ts';

export type WaitlistTables = Pick<DB, 'waitlist_entries'>;

export type WaitlistDb = WaitlistTables;
