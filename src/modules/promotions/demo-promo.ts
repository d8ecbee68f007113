// The demo chain's promo code (CINEMA_DEMO): WELCOME10, 10 % off every ticket, once per customer.
// Made once: a later start finds the code and leaves it (and any change an admin made) alone.
import { moduleDb, type ModuleDatabase } from '../../platform/db/module-db.ts';
import { insertCampaign, insertCodes } from './promotions.store.ts';
import type { PromotionsDb } from './promotions.tables.ts';

export const DEMO_PROMO_CODE = 'WELCOME10';

export async function seedDemoPromo(database: ModuleDatabase, now: Date): Promise<boolean> {
  return moduleDb<PromotionsDb>(database)
    .transaction()
    .execute(async (trx) => {
      const found = await trx
        .selectFrom('promo_code_values')
        .select('code')
        .where('code', '=', DEMO_PROMO_CODE)
        .executeTakeFirst();
      if (found) return false;
      const id = await insertCampaign(trx, {
        name: 'Welcome: 10 % off',
        kind: 'percent',
        percent: 10,
        amount: null,
        currency: null,
        scope: {},
        validFrom: null,
        validUntil: null,
        maxUses: null,
        maxUsesPerCustomer: 1,
        generatedCount: 0,
        now,
      });
      // Two processes starting at once: the second's insert finds the code taken and rolls back.
      const taken = await insertCodes(trx, id, [DEMO_PROMO_CODE], false);
      if (taken.length > 0) throw new Error('demo promo code made by another process');
      return true;
    })
    .catch((err: unknown) => {
      if (err instanceof Error && err.message.startsWith('demo promo code made')) return false;
      throw err;
    });
}
