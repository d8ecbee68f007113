// The promotions module's tables, picked from the types generated from the migrated database, and its handle.
import type { DB } from '../../platform/db/generated-schema.ts';

export type PromotionsTables = Pick<DB, 'promo_codes' | 'promo_code_values' | 'promo_redemptions'>;

/** The promotions module's handle: its own tables only; bookings are changed through booking's adjustHeld. */
export type PromotionsDb = PromotionsTables;
