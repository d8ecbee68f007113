// The waitingroom module's tables, picked from the types generated from the migrated database.
import type { DB } from '../../platform/db/generated-schema.ts';

export type WaitingroomTables = Pick<DB, 'waiting_rooms' | 'waiting_room_visits' | 'waiting_room_holds'>;

export type WaitingroomDb = WaitingroomTables;
