// The tickets module's table, picked from the types generated from the migrated database.
import type { DB } from '../../platform/db/generated-schema.ts';

export type TicketsTables = Pick<DB, 'tickets'>;
