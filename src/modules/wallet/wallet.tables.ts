// The wallet module's tables, picked from the types generated from the migrated database, and its
// handle: its own tables only (tickets and showtimes are read through their modules' functions).
import type { DB } from '../../platform/db/generated-schema.ts';

export type WalletTables = Pick<DB, 'wallet_passes' | 'wallet_registrations'>;

export type WalletDb = WalletTables;
