// A refund the provider does not take at once is retried by its `payments.refund` job, recorded in
// the transaction that recorded the refund: not before 30 s (its creator has just tried), then with
// backoff by the platform clock, and dead for admins when the provider keeps refusing. Refunds left
// pending by the previous release get their job from migration 089. A cancelled showtime's run is a
// `payments.showtime-refunds` job that comes back while a booking fails, without ever dying of it.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buy, cancel } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { REFUND_FIRST_RETRY_MS, REFUND_QUEUE } from './refund-sender.ts';
import { SHOWTIME_REFUNDS_QUEUE } from './refunds.service.ts';

const DAY = 24 * 3600_000;
const MIGRATION_089 = path.resolve(
  import.meta.dirname,
  '../../platform/db/migrations/089_refunds_and_webhooks_by_queue.sql',
);

for (const backend of backends()) {
  describe(`refunds through the job queue on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      [alice, admin] = await Promise.all([makeUser(t), makeUser(t, { role: 'admin' })]);
    });
    after(() => t.close());

    const db = () => t.app.platform.database.db;
    const refundOf = (bookingId: string) =>
      db().selectFrom('refunds').selectAll().where('booking_id', '=', bookingId).executeTakeFirstOrThrow();
    const jobOf = (refundId: string) =>
      db()
        .selectFrom('jobs')
        .selectAll()
        .where('queue', '=', REFUND_QUEUE)
        .where('key', '=', refundId)
        .executeTakeFirst();
    /** The test processor refuses refunds of this charge while it does not read as succeeded. */
    const setCharge = (paymentId: string, status: 'succeeded' | 'failed') =>
      db().updateTable('test_processor_charges').set({ status }).where('reference', '=', paymentId).execute();

    async function refusedRefund() {
      const s = await makeShowtime(t, { startsAt: new Date(t.clock.now().getTime() + 5 * DAY) });
      const paid = await buy(t, alice, s.showtimeId, [s.seat('A', 1).id]);
      await setCharge(paid.payment.id, 'failed');
      const res = await cancel(t, alice, paid.booking.id);
      assert.equal(res.status, 200, res.text);
      const refund = await refundOf(paid.booking.id);
      assert.equal(refund.status, 'pending', 'the provider refused the first send');
      return { paid, refund };
    }

    test('a refused refund is retried by its job after 30 s, then with backoff, until the provider takes it', async () => {
      const { paid, refund } = await refusedRefund();
      const job = await jobOf(refund.id);
      assert.equal(job?.state, 'ready');
      assert.equal(new Date(job!.run_at).getTime(), t.clock.now().getTime() + REFUND_FIRST_RETRY_MS);

      await t.app.runJobsOnce();
      assert.equal((await jobOf(refund.id))?.attempts, 0, 'not due before 30 s');
      t.clock.advance(REFUND_FIRST_RETRY_MS);
      await t.app.runJobsOnce();
      const retried = await jobOf(refund.id);
      assert.equal(retried?.state, 'ready');
      assert.equal(retried?.attempts, 1);
      assert.match(retried?.last_error ?? '', /no succeeded charge/);

      await setCharge(paid.payment.id, 'succeeded');
      t.clock.advance(10_000);
      await t.app.runJobsOnce();
      assert.equal((await refundOf(paid.booking.id)).status, 'succeeded');
      assert.equal(await jobOf(refund.id), undefined, 'done: the job is gone');
    });

    test('a refund the provider keeps refusing is a dead job admins see and can retry', async () => {
      const { paid, refund } = await refusedRefund();
      // Two attempts instead of thirty, as if configured so.
      await db().updateTable('jobs').set({ max_attempts: 2 }).where('key', '=', refund.id).execute();
      for (let i = 0; i < 3; i++) {
        t.clock.advance(3600_000);
        await t.app.runJobsOnce();
      }
      const dead = await jobOf(refund.id);
      assert.equal(dead?.state, 'dead');
      const listed = await t.request({
        method: 'GET',
        url: `/api/v1/admin/jobs?state=dead&queue=${REFUND_QUEUE}`,
        token: admin.token,
      });
      assert.ok(listed.body.items.some((j: { payload: { refundId: string } }) => j.payload.refundId === refund.id));

      await setCharge(paid.payment.id, 'succeeded');
      const retry = await t.request({
        method: 'POST',
        url: `/api/v1/admin/jobs/${dead!.id}/retry`,
        token: admin.token,
      });
      assert.equal(retry.status, 200);
      await t.app.runJobsOnce();
      assert.equal((await refundOf(paid.booking.id)).status, 'succeeded');
    });

    test('migration 089 gives every pending refund its job, once', async () => {
      const { refund } = await refusedRefund();
      await db().deleteFrom('jobs').where('key', '=', refund.id).execute();
      const sql = await fs.readFile(MIGRATION_089, 'utf8');
      await t.app.platform.database.withSession((s) => s.exec(sql));
      await t.app.platform.database.withSession((s) => s.exec(sql));
      const jobs = await db().selectFrom('jobs').selectAll().where('key', '=', refund.id).execute();
      assert.equal(jobs.length, 1);
      assert.deepEqual(jobs[0]?.payload, { refundId: refund.id });
      assert.equal(jobs[0]?.queue, REFUND_QUEUE);
    });

    test("a cancelled showtime's run comes back while a booking fails, without using up attempts", async () => {
      const bob = await makeUser(t);
      const s = await makeShowtime(t, { startsAt: new Date(t.clock.now().getTime() + 5 * DAY) });
      const fine = await buy(t, alice, s.showtimeId, [s.seat('A', 1).id]);
      const stuck = await buy(t, bob, s.showtimeId, [s.seat('A', 2).id]);
      // Refunding this one booking fails (its transaction rolls back) until the flag goes.
      await sql`create or replace function test_refund_blocked() returns trigger language plpgsql as $$
        begin
          if exists (select 1 from app_settings where key = 'test.refund-blocked:' || new.booking_id::text) then
            raise exception 'refund blocked by the test';
          end if;
          return new;
        end $$`.execute(db());
      await sql`create trigger test_refund_blocked before insert on refunds
        for each row execute function test_refund_blocked()`.execute(db());
      const flag = `test.refund-blocked:${stuck.booking.id as string}`;
      await db().insertInto('app_settings').values({ key: flag, value: '1' }).execute();

      const res = await t.request({
        method: 'POST',
        url: `/api/v1/showtimes/${s.showtimeId}/cancel`,
        token: admin.token,
      });
      assert.equal(res.status, 200, res.text);
      const runJob = () =>
        db()
          .selectFrom('jobs')
          .selectAll()
          .where('queue', '=', SHOWTIME_REFUNDS_QUEUE)
          .where('key', '=', s.showtimeId)
          .executeTakeFirst();
      assert.equal((await runJob())?.state, 'ready', 'enqueued with the cancellation');
      assert.equal((await refundOf(fine.booking.id)).status, 'succeeded', 'the others are refunded at once');

      // Longer than its 30 attempts could last: it waits, it does not fail.
      for (let pass = 0; pass < 35; pass++) {
        t.clock.advance(60_000);
        await t.app.runJobsOnce();
        const job = await runJob();
        assert.equal(job?.state, 'ready', `pass ${pass}`);
        assert.equal(job?.attempts, 0);
        assert.equal(job?.last_error, 'RunAgainLater: 1 booking(s) failed');
      }

      await db().deleteFrom('app_settings').where('key', '=', flag).execute();
      t.clock.advance(60_000);
      await t.app.runJobsOnce();
      assert.equal(await runJob(), undefined, 'done: the job is gone');
      assert.equal((await refundOf(stuck.booking.id)).status, 'succeeded');
      const run = await db()
        .selectFrom('showtime_refund_runs')
        .selectAll()
        .where('showtime_id', '=', s.showtimeId)
        .executeTakeFirstOrThrow();
      assert.ok(run.completed_at);
      assert.equal(run.refunded_bookings, 2);
    });
  });
}
