// Money owed to customers outside any card: a refund's gift card share that came back to a card voided
// meanwhile (giveBack voids it again at once, so nobody can spend it). Each is recorded as owed in the
// refund's transaction, listed for staff, and marked paid by an admin once paid out by hand.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { payoutAlreadyPaid, payoutNotFound } from './giftcards.errors.ts';
import type { GiftcardsDb } from './giftcards.tables.ts';

type PayoutRow = Selectable<GiftcardsDb['gift_card_payouts']> & { last4: string };

const LIST_LIMIT = 200;

export function payoutView(p: PayoutRow) {
  return {
    id: p.id,
    giftCardId: p.gift_card_id,
    last4: p.last4,
    bookingId: p.booking_id,
    amount: { amount: p.amount, currency: p.currency.trim() },
    createdAt: p.created_at.toISOString(),
    paidAt: p.paid_at?.toISOString() ?? null,
    paidBy: p.paid_by,
  };
}

/** Records money owed on a void card (in the refund's transaction). */
export async function recordPayout(
  db: Executor<GiftcardsDb>,
  p: { cardId: string; bookingId: string; amount: number; currency: string; now: Date },
): Promise<void> {
  await db
    .insertInto('gift_card_payouts')
    .values({
      id: randomUUID(),
      gift_card_id: p.cardId,
      booking_id: p.bookingId,
      amount: p.amount,
      currency: p.currency,
      created_at: p.now,
    })
    .execute();
}

const selectPayouts = (db: Executor<GiftcardsDb>) =>
  db
    .selectFrom('gift_card_payouts as p')
    .innerJoin('gift_cards as c', 'c.id', 'p.gift_card_id')
    .selectAll('p')
    .select('c.last4');

/** A card's payouts, oldest first (its detail). */
export async function payoutsOfCard(db: Executor<GiftcardsDb>, cardId: string) {
  const rows = await selectPayouts(db).where('p.gift_card_id', '=', cardId).orderBy('p.created_at').execute();
  return rows.map(payoutView);
}

export function createPayouts(deps: { db: Kysely<GiftcardsDb>; now: () => Date }) {
  const { db } = deps;
  return {
    /** Owed (default: oldest first, to pay out in turn) or paid (newest first) payouts, at most 200. */
    async list(q: { status?: 'owed' | 'paid' }) {
      const paid = q.status === 'paid';
      const rows = await selectPayouts(db)
        .where('p.paid_at', paid ? 'is not' : 'is', null)
        .orderBy('p.created_at', paid ? 'desc' : 'asc')
        .orderBy('p.id')
        .limit(LIST_LIMIT)
        .execute();
      return { items: rows.map(payoutView) };
    },

    /** Marks a payout paid out by hand (admin): 404 unknown, 409 gift_card_payout_paid the second time. */
    async markPaid(principalId: string, id: string) {
      return db.transaction().execute(async (trx) => {
        const p = await trx
          .selectFrom('gift_card_payouts')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!p) throw payoutNotFound();
        if (p.paid_at) throw payoutAlreadyPaid();
        await trx
          .updateTable('gift_card_payouts')
          .set({ paid_at: deps.now(), paid_by: principalId })
          .where('id', '=', id)
          .execute();
        return payoutView((await selectPayouts(trx).where('p.id', '=', id).executeTakeFirstOrThrow()) as PayoutRow);
      });
    },
  };
}

export type Payouts = ReturnType<typeof createPayouts>;
