// The tickets module's table, picked from the types generated from the migrated database, and its handle.
import type { DB } from '../../platform/db/generated-schema.ts';
import type { TicketTypesReadModel } from '../sales/sales.module.ts';

export type TicketsTables = Pick<DB, 'tickets'>;

/** The tickets module's handle: its own table, and the ticket types sales lets it read (the door shows the proof to check). */
export type TicketsDb = TicketsTables & Pick<TicketTypesReadModel, 'ticket_types'>;
