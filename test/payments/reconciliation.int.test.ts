// Crash safety: the process dies between the provider's approval and our record (simulated by a
// hook that throws right after the charge). Reconciliation settles it from the provider's ledger:
// tickets when the seats are still the booking's, a full refund when they are not, a failure when
// the provider never charged. No customer is charged without tickets; no ticket without a payment.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mailsTo } from '../support/accounts.ts';
import { backends } from '../support/backends.ts';
import { makeShowtime } from '../support/catalog-factories.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { hold, pay, processorCharges } from './payment-helpers.ts';

const MINUTE = 60_000;

for (const backend of backends()) {
  describe(`reconciliation after a crash on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '10', PAYMENT_RECONCILE_AFTER_SECONDS: '60' } });
      [alice, bob] = await Promise.all([makeUser(t), makeUser(t)]);
    });
    after(() => t.close());

    const db = () => t.app.platform.database.db;
    const hooks = () => t.app.modules.payments.service.hooks;
    const crashAfterCharge = () => {
      hooks().afterCharge = () => {
        hooks().afterCharge = undefined;
        throw new Error('simulated crash between the charge and its record');
      };
    };
    const paymentOf = (bookingId: string) =>
      db()
        .selectFrom('payments')
        .selectAll()
        .where('booking_id', '=', bookingId)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();

    test('charged but not recorded, seats still ours: reconciliation confirms and issues the tickets', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('A', 1).id, s.seat('A', 2).id]);
      crashAfterCharge();
      assert.equal((await pay(t, alice, booking.id)).status, 500);
      const p = await paymentOf(booking.id);
      assert.equal(p.status, 'pending');
      assert.equal(
        (await processorCharges(t)).find((c) => c.reference === p.id)?.status,
        'succeeded',
        'the provider did charge',
      );
      // Not before a minute: the request may still be running.
      assert.equal(await t.app.modules.payments.reconcile(), 0);
      assert.equal((await paymentOf(booking.id)).status, 'pending');
      t.clock.advance(2 * MINUTE);
      assert.equal(await t.app.modules.payments.reconcile(), 1);
      assert.equal((await paymentOf(booking.id)).status, 'succeeded');
      const b = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: alice.token });
      assert.equal(b.body.status, 'confirmed');
      assert.equal(b.body.tickets.length, 2);
      const confirmations = (await mailsTo(t, alice.email)).filter(
        (m) => m.subject.startsWith('Your tickets') && m.text_body.includes(booking.id),
      );
      assert.equal(confirmations.length, 1, 'the customer gets the confirmation');
    });

    test('charged but not recorded, seats taken meanwhile: reconciliation refunds in full and tells the customer', async () => {
      const s = await makeShowtime(t);
      const seat = s.seat('B', 1).id;
      const booking = await hold(t, alice, s.showtimeId, [seat]);
      const reversals = async () =>
        (await mailsTo(t, alice.email)).filter((m) => m.subject.startsWith('Your payment was refunded')).length;
      const earlier = await reversals();
      crashAfterCharge();
      assert.equal((await pay(t, alice, booking.id)).status, 500);
      t.clock.advance(11 * MINUTE);
      await hold(t, bob, s.showtimeId, [seat]);
      await t.app.modules.payments.reconcile();
      const p = await paymentOf(booking.id);
      assert.equal(p.status, 'refunded');
      assert.equal(p.outcome, 'reversed');
      const charge = (await processorCharges(t)).find((c) => c.reference === p.id);
      assert.equal(charge?.refunded_amount, charge?.amount);
      assert.equal(
        (await db().selectFrom('tickets').select('id').where('booking_id', '=', booking.id).execute()).length,
        0,
      );
      assert.equal(await reversals(), earlier + 1, 'the customer is told of the refund');
    });

    test('a crash before the provider was asked: the payment fails and the hold can be paid again', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('C', 1).id]);
      hooks().beforeCharge = () => {
        hooks().beforeCharge = undefined;
        throw new Error('simulated crash before the charge');
      };
      assert.equal((await pay(t, alice, booking.id)).status, 500);
      const again = await pay(t, alice, booking.id);
      assert.equal(again.status, 409, 'the first attempt is still in flight as far as we know');
      assert.equal(again.body.code, 'payment_in_progress');
      t.clock.advance(2 * MINUTE);
      await t.app.modules.payments.reconcile();
      const p = await paymentOf(booking.id);
      assert.equal(p.status, 'failed');
      assert.equal(p.failure_code, 'abandoned');
      assert.equal((await processorCharges(t)).filter((c) => c.reference === p.id).length, 0);
      const ok = await pay(t, alice, booking.id);
      assert.equal(ok.status, 201, ok.text);
    });

    test('a retry with the key of an attempt that never reached the provider tries it again under the same id', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('C', 2).id]);
      hooks().beforeCharge = () => {
        hooks().beforeCharge = undefined;
        throw new Error('simulated crash before the charge');
      };
      const key = `abandoned-${booking.id}`;
      assert.equal((await pay(t, alice, booking.id, { key })).status, 500);
      t.clock.advance(2 * MINUTE);
      await t.app.modules.payments.reconcile();
      const abandoned = await paymentOf(booking.id);
      assert.equal(abandoned.failure_code, 'abandoned');
      const retry = await pay(t, alice, booking.id, { key });
      assert.equal(retry.status, 201, retry.text);
      assert.equal(retry.body.payment.id, abandoned.id);
      assert.equal((await processorCharges(t)).filter((c) => c.reference === abandoned.id).length, 1);
    });

    test('retrying with the same Idempotency-Key after a crash finishes the same payment, charging once', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('C', 5).id]);
      crashAfterCharge();
      const key = `retry-${booking.id}`;
      assert.equal((await pay(t, alice, booking.id, { key })).status, 500);
      const retry = await pay(t, alice, booking.id, { key });
      assert.equal(retry.status, 201, retry.text);
      const p = await paymentOf(booking.id);
      assert.equal(retry.body.payment.id, p.id);
      assert.equal((await processorCharges(t)).filter((c) => c.reference === p.id).length, 1);
    });

    test('invariants: every charge kept has tickets, every ticket a payment that took money', async () => {
      const charges = await processorCharges(t);
      for (const c of charges.filter((x) => x.status === 'succeeded')) {
        const p = await db().selectFrom('payments').selectAll().where('id', '=', c.reference).executeTakeFirstOrThrow();
        const tickets = await db().selectFrom('tickets').select('id').where('payment_id', '=', p.id).execute();
        if (c.refunded_amount < c.amount)
          assert.ok(p.outcome === 'confirmed' && tickets.length > 0, `charge ${c.id} kept money and gave tickets`);
        else assert.equal(p.status, 'refunded');
      }
      const orphans = await db()
        .selectFrom('tickets')
        .innerJoin('payments', 'payments.id', 'tickets.payment_id')
        .select('tickets.id')
        .where('payments.outcome', 'is distinct from', 'confirmed')
        .execute();
      assert.equal(orphans.length, 0);
    });
  });
}
