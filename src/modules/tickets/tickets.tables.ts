// The tickets module's table, picked from the types generated from the migrated database, and its handle.
import type { DB } from '../../platform/db/generated-schema.ts';

export type TicketsTables = Pick<DB, 'tickets'>;

/** The tickets module's handle: its own table, no read models. */
export type TicketsDb = TicketsTables;
