// Order payments (gift card orders) with the test card processor, on a real database: the seam the
// giftcards module pays through. A success writes order.paid once, in the settling transaction.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { card, CARDS } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

for (const backend of backends()) {
  describe(`order payments on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      alice = await makeUser(t);
    });
    after(() => t.close());

    const caller = () => ({ userId: alice.id, role: alice.role, sessionId: 'test' });
    const order = (amount = 2500) => ({
      purpose: 'gift_card_order' as const,
      orderId: randomUUID(),
      amount,
      currency: 'EUR',
      description: 'Gift card',
    });
    const paidEvents = (orderId: string) =>
      t.app.platform.database.db
        .selectFrom('outbox_events')
        .select(['type', 'payload'])
        .where('type', '=', 'order.paid')
        .where('aggregate_id', '=', orderId)
        .execute();

    test('payOrder charges once, writes order.paid, and refuses a second payment of the order', async () => {
      const orders = t.app.modules.payments.orders;
      const o = order();
      const paid = await orders.payOrder(caller(), o, { card: card() }, 'order-key-1');
      assert.equal(paid.payment.status, 'succeeded');
      assert.deepEqual(paid.payment.amount, { amount: 2500, currency: 'EUR' });
      // The same key replays the answer; another payment of the paid order is 409.
      const again = await orders.payOrder(caller(), o, { card: card() }, 'order-key-1');
      assert.equal(again.payment.id, paid.payment.id);
      await assert.rejects(orders.payOrder(caller(), o, { card: card() }), { code: 'order_already_paid' });
      const events = await paidEvents(o.orderId);
      assert.equal(events.length, 1);
      assert.deepEqual(events[0]?.payload, {
        purpose: 'gift_card_order',
        orderId: o.orderId,
        paymentId: paid.payment.id,
        amount: 2500,
        currency: 'EUR',
        provider: 'builtin',
      });
      const row = await t.app.platform.database.db
        .selectFrom('payments')
        .select(['booking_id', 'order_id', 'purpose', 'card_last4'])
        .where('id', '=', paid.payment.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { booking_id: null, order_id: o.orderId, purpose: 'gift_card_order', card_last4: '4242' });
    });

    test('a declined card is 402 and writes nothing; a guest pays too; PaymentIntents need Stripe', async () => {
      const orders = t.app.modules.payments.orders;
      const o = order();
      await assert.rejects(orders.payOrder(caller(), o, { card: card(CARDS.declined) }), {
        code: 'payment_declined',
      });
      assert.equal((await paidEvents(o.orderId)).length, 0);
      const guest = await orders.payOrder(null, o, { card: card() });
      assert.equal(guest.payment.status, 'succeeded');
      assert.equal((await paidEvents(o.orderId)).length, 1);
      await assert.rejects(orders.startOrderIntent(caller(), order()), { code: 'provider_not_client_confirmed' });
      await assert.rejects(orders.payOrder(caller(), order(), { paymentIntentId: 'pi_123' }), {
        code: 'provider_not_client_confirmed',
      });
    });

    test('a late success of a payment given up after another paid the order is refunded in full at once', async () => {
      const db = t.app.platform.database.db;
      const o = order(1500);
      // A payment of the order was charged, then given up (superseded) before its success came back.
      const late = randomUUID();
      const now = t.clock.now();
      await db
        .insertInto('payments')
        .values({
          ...{ id: late, purpose: 'gift_card_order', order_id: o.orderId, provider: 'builtin', amount: 1500 },
          ...{ request_hash: 'x', currency: 'EUR', status: 'failed', failure_code: 'superseded' },
          ...{ created_at: now, updated_at: now },
        })
        .execute();
      const charge = await t.app.modules.payments.provider.createPayment({
        ...{ reference: late, amount: 1500, currency: 'EUR', description: 'Gift card' },
        method: 'tok_test_ok_4242_00ff',
      });
      const paid = await t.app.modules.payments.orders.payOrder(caller(), o, { card: card() });
      assert.equal(paid.payment.status, 'succeeded');
      // Its success arrives by the processor's webhook (a job here).
      const settled = () => db.selectFrom('payments').selectAll().where('id', '=', late).executeTakeFirstOrThrow();
      await eventually(async () => (await t.app.runJobsOnce(), (await settled()).status !== 'failed'), 10_000);
      const row = await settled();
      assert.deepEqual([row.status, row.outcome, row.failure_code], ['refunded', 'reversed', 'order_already_paid']);
      assert.equal(row.provider_payment_id, charge.id);
      const refunds = await db.selectFrom('refunds').selectAll().where('payment_id', '=', late).execute();
      assert.deepEqual(
        refunds.map((r) => [r.booking_id, r.amount, r.reason, r.status]),
        [[null, 1500, 'late_success', 'succeeded']],
      );
      const processor = await db
        .selectFrom('test_processor_charges')
        .selectAll()
        .where('reference', '=', late)
        .execute();
      assert.equal(processor[0]?.refunded_amount, 1500, 'the processor gave the charge back');
      assert.equal((await paidEvents(o.orderId)).length, 1, 'the order is paid once');
    });

    test('reconciliation leaves a pending payment of a provider not configured here to a process that has it', async () => {
      const id = randomUUID();
      const now = t.clock.now();
      await t.app.platform.database.db
        .insertInto('payments')
        .values({
          id,
          purpose: 'gift_card_order',
          order_id: randomUUID(),
          provider: 'stripe',
          provider_payment_id: 'pi_elsewhere',
          request_hash: 'client-confirmed',
          amount: 1000,
          currency: 'EUR',
          status: 'pending',
          created_at: now,
          updated_at: now,
        })
        .execute();
      t.clock.advance(3 * 3600_000);
      await t.app.modules.payments.reconcile();
      const row = await t.app.platform.database.db
        .selectFrom('payments')
        .select(['status', 'updated_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'pending');
      assert.equal(row.updated_at.getTime(), t.clock.now().getTime());
    });
  });
}
