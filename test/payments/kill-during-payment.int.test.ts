// A real server process on PostgreSQL is killed with -9 while customers are paying (the test
// processor answers after 500 ms, so charges are taken but not yet recorded). A new process settles
// every charge at start-up: tickets where the seats are still the booking's, a refund otherwise.
// Checked from outside, as a client would: retries with the same Idempotency-Key get the tickets (or
// the refusal) as soon as the payment has settled, although the dead process still held their key;
// a payment killed before it reached the provider is paid by a retry once that key's lease lapses.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startServer } from '../crowd/server-process.ts';
import { realPostgres } from '../support/backends.ts';
import { makeShowtime, gridLayout, type TestShowtime } from '../support/catalog-factories.ts';
import { eventually } from '../support/eventually.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { newNamespace, startOnDatabase, type TestApp } from '../support/test-app.ts';
import { card } from './payment-helpers.ts';

const CUSTOMERS = 24;
type Booking = { user: TestUser; id: string; key: string };

for (const backend of realPostgres()) {
  describe('kill -9 in the middle of paying, on PostgreSQL', () => {
    let created: Awaited<ReturnType<typeof backend.create>>;
    let t: TestApp;
    let show: TestShowtime;
    let customers: TestUser[];
    const namespace = newNamespace();
    before(async () => {
      created = await backend.create();
      t = await startOnDatabase(created.database, created.url, { namespace });
      show = await makeShowtime(t, { seats: gridLayout(6, 10) });
      customers = await Promise.all(Array.from({ length: CUSTOMERS }, () => makeUser(t)));
    });
    after(async () => {
      await t.close();
      await created.drop();
    });

    const call = async (base: string, user: TestUser, method: string, path: string, body?: unknown, key?: string) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${user.token}`,
          'content-type': 'application/json',
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as any };
    };

    test(
      'every charge ends as tickets or a full refund; retries get the same payment',
      { timeout: 120_000 },
      async (ctx) => {
        const env = { TEST_CARD_LATENCY_MS: '500', PAYMENT_RECONCILE_AFTER_SECONDS: '1' };
        const first = await startServer({ databaseUrl: created.url as string, namespace, env });
        const bookings: Booking[] = [];
        for (const [i, user] of customers.entries()) {
          const seats = [show.seats[i * 2]!.id, show.seats[i * 2 + 1]!.id];
          const held = await call(first.base, user, 'POST', '/api/v1/bookings', {
            showtimeId: show.showtimeId,
            seatIds: seats,
          });
          assert.equal(held.status, 201, JSON.stringify(held.body));
          bookings.push({ user, id: held.body.id, key: `kill9-${held.body.id}` });
        }
        const inFlight = bookings.map((b) =>
          call(first.base, b.user, 'POST', `/api/v1/bookings/${b.id}/payments`, { card: card() }, b.key).catch(
            () => null,
          ),
        );
        // Kill as soon as a charge is taken: the processor answers 500 ms later, so that charge (and
        // its neighbours) are in the window between the provider's approval and our recording.
        const db = t.app.platform.database.db;
        for (let i = 0; i < 500; i++) {
          const charged = await db.selectFrom('test_processor_charges').select('id').limit(1).execute();
          if (charged.length > 0) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        await first.kill9();
        const killedAt = Date.now();
        const answered = (await Promise.all(inFlight)).filter((a) => a !== null).length;

        const pending = (await db.selectFrom('payments').select('id').where('status', '=', 'pending').execute()).map(
          (p) => p.id,
        );
        const pendingCharged =
          pending.length === 0
            ? []
            : await db
                .selectFrom('test_processor_charges')
                .select('reference')
                .where('reference', 'in', pending)
                .execute();
        assert.ok(
          pendingCharged.length > 0,
          `the kill landed between charge and record (answered before the kill: ${answered})`,
        );

        ctx.diagnostic(
          `killed with ${pendingCharged.length} charges taken but unrecorded, ${pending.length} payments pending, ${answered} answered`,
        );
        await new Promise((r) => setTimeout(r, 1200));
        const second = await startServer({ databaseUrl: created.url as string, namespace, env });
        try {
          for (let i = 0; i < 50; i++) {
            const left = await db.selectFrom('payments').select('id').where('status', '=', 'pending').execute();
            if (left.length === 0) break;
            await new Promise((r) => setTimeout(r, 300));
          }
          assert.equal(
            (await db.selectFrom('payments').select('id').where('status', '=', 'pending').execute()).length,
            0,
            'nothing left pending',
          );

          const charges = await db.selectFrom('test_processor_charges').selectAll().execute();
          for (const c of charges) {
            const p = await db
              .selectFrom('payments')
              .selectAll()
              .where('id', '=', c.reference)
              .executeTakeFirstOrThrow();
            const tickets = await db.selectFrom('tickets').select('id').where('payment_id', '=', p.id).execute();
            if (p.outcome === 'confirmed') assert.equal(tickets.length, 2, `payment ${p.id} gave its tickets`);
            else assert.equal(c.refunded_amount, c.amount, `payment ${p.id} was refunded in full`);
          }
          // The dead process still holds the keys it was answering for, under leases it no longer
          // renews. However long this machine took to start the second process, keep those leases
          // live for now: a retry of a payment that has settled must be answered from it at once.
          const leases = await db
            .selectFrom('idempotency_keys')
            .select(['user_key', 'idempotency_key', 'lease_until'])
            .where('status_code', 'is', null)
            .execute();
          await sql`update idempotency_keys set lease_until = now() + interval '10 minutes' where status_code is null`.execute(
            db,
          );
          const paymentOf = (b: Booking) =>
            db
              .selectFrom('payments')
              .select(['id', 'status', 'failure_code'])
              .where('booking_id', '=', b.id)
              .where('idempotency_key', '=', b.key)
              .executeTakeFirst();
          const chargesOf = async (b: Booking) => {
            const ids = (await db.selectFrom('payments').select('id').where('booking_id', '=', b.id).execute()).map(
              (p) => p.id,
            );
            return ids.length === 0
              ? []
              : await db.selectFrom('test_processor_charges').select('id').where('reference', 'in', ids).execute();
          };
          const retry = (b: Booking) =>
            call(second.base, b.user, 'POST', `/api/v1/bookings/${b.id}/payments`, { card: card() }, b.key);
          const check = async (b: Booking, answer: { status: number; body: any }) => {
            const rows = await chargesOf(b);
            const detail = `booking ${b.id}: ${rows.length} charges, retry ${answer.status} ${answer.body.code ?? ''}`;
            assert.ok(rows.length <= 1, `never charged twice: ${detail}`);
            if (answer.status === 201) {
              assert.equal(answer.body.booking.status, 'confirmed', detail);
              assert.equal(answer.body.booking.tickets.length, 2, detail);
              assert.equal(rows.length, 1, `tickets only with a charge: ${detail}`);
            } else {
              assert.equal(answer.status, 409, detail);
            }
            return detail;
          };
          const waiting: Booking[] = [];
          let answeredFromPayment = 0;
          for (const b of bookings) {
            const p = await paymentOf(b);
            const settled = p !== undefined && p.status !== 'pending' && p.failure_code !== 'abandoned';
            const held = leases.some((l) => l.idempotency_key === b.key);
            const answer = await retry(b);
            const detail = await check(b, answer);
            if (settled) {
              // Tickets, or the refusal with the refund (booking_expired / booking_not_payable).
              assert.notEqual(
                answer.body.code,
                'idempotency_request_in_progress',
                `a settled payment answers at once: ${detail}`,
              );
              answeredFromPayment++;
            } else if (held) {
              // Killed before the provider was asked (nothing charged): the key is the dead process's until its lease lapses.
              assert.equal(answer.body.code, 'idempotency_request_in_progress', detail);
              waiting.push(b);
            }
          }
          // Back to the leases as the dead process left them: they lapse within LEASE_SECONDS of the kill.
          for (const l of leases) {
            await db
              .updateTable('idempotency_keys')
              .set({ lease_until: l.lease_until })
              .where('user_key', '=', l.user_key)
              .where('idempotency_key', '=', l.idempotency_key)
              .where('status_code', 'is', null)
              .execute();
          }
          for (const b of waiting) {
            let answer: { status: number; body: any } = { status: 0, body: {} };
            await eventually(
              async () => (answer = await retry(b)).body.code !== 'idempotency_request_in_progress',
              60_000,
              500,
              `booking ${b.id} payable again`,
            );
            await check(b, answer);
            assert.equal(answer.status, 201, JSON.stringify(answer.body));
          }
          const lapsedAfter = Date.now() - killedAt;
          ctx.diagnostic(
            `${answeredFromPayment} retries answered from their settled payment at once; ${waiting.length} paid once their lease lapsed, ${lapsedAfter} ms after the kill`,
          );
          if (waiting.length > 0)
            assert.ok(lapsedAfter < 2 * 60_000, 'sooner than the two minutes keys used to stay held');
        } finally {
          await second.stop();
        }
      },
    );
  });
}
