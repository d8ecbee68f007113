// The giftcards module's tables, picked from the types generated from the migrated database, and its
// handle: its own tables only (bookings, payments and the till are asked through their services).
import type { DB } from '../../platform/db/generated-schema.ts';

export type GiftcardsTables = Pick<DB, 'gift_cards' | 'gift_card_ledger' | 'gift_card_orders' | 'gift_card_payouts'>;

export type GiftcardsDb = GiftcardsTables;
