// Mail the previous release had queued still goes out after the upgrade, once:
//   - 090: a payment notification not yet sent whose event was published before any consumer
//     existed becomes that event again; one whose event still waits in the outbox is left to it
//     (given the userId old events lack); a sent one is left alone; all are marked sent, so the
//     previous release's loop sends none again, and the table stays for its processes;
//   - 091: a message in mail_outbox not sent yet gets a queue job, and every message the account
//     whose address it went to;
//   - 094: a message a process of the previous release queues after the upgrade gets the same;
//   - 089, 090: a cancellation and a webhook event the previous release writes after the upgrade
//     still become one refund, one email, one delivery (their triggers).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrate } from '../../src/platform/db/migrate.ts';
import { buy, cancel } from '../payments/payment-helpers.ts';
import { mailsTo } from '../support/accounts.ts';
import { backends } from '../support/backends.ts';
import { makeShowtime } from '../support/catalog-factories.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { deliverMail } from '../support/mail.ts';
import { startOnDatabase, startTestApp, type TestApp } from '../support/test-app.ts';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../src/platform/db/migrations');

for (const backend of backends()) {
  describe(`090: payment notifications of the previous release on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      alice = await makeUser(t, { name: 'Alice Upgrade' });
    });
    after(() => t.close());

    test('each unsent notification makes its email once; sent ones make none', async () => {
      const db = t.app.platform.database.db;
      const s = await makeShowtime(t, { startsAt: new Date(t.clock.now().getTime() + 3 * 24 * 3600_000) });
      const published = (await buy(t, alice, s.showtimeId, [s.seat('A', 1).id])).booking.id as string;
      const sent = (await buy(t, alice, s.showtimeId, [s.seat('A', 2).id])).booking.id as string;
      const refunded = (await buy(t, alice, s.showtimeId, [s.seat('A', 3).id])).booking.id as string;
      assert.equal((await cancel(t, alice, refunded)).status, 200);
      // The old release published these before any consumer existed, and cleared them after a week.
      await db.deleteFrom('outbox_events').where('type', '!=', 'tickets.cancelled').execute();
      // The refund's event still waits in the outbox, as the old release wrote it (no userId).
      await sql`update outbox_events set payload = payload - 'userId' where type = 'tickets.cancelled'`.execute(db);
      const refund = await db
        .selectFrom('refunds')
        .select('id')
        .where('booking_id', '=', refunded)
        .executeTakeFirstOrThrow();

      // As before 090: the table without its trigger (the migration is run again below).
      await sql`drop trigger payment_notification_as_event on payment_notifications`.execute(db);
      const now = t.clock.now();
      const row = (kind: string, bookingId: string, sentAt: Date | null, refundId: string | null = null) =>
        sql`insert into payment_notifications (id, kind, booking_id, refund_id, created_at, next_attempt_at, sent_at)
            values (gen_random_uuid(), ${kind}, ${bookingId}, ${refundId}, ${now}, ${now}, ${sentAt})`.execute(db);
      await row('booking_confirmed', published, null);
      await row('booking_confirmed', sent, now);
      await row('booking_confirmed', refunded, null);
      await row('refund_issued', refunded, null, refund.id);
      const migration = await fs.readFile(path.join(MIGRATIONS, '090_payment_emails_from_events.sql'), 'utf8');
      await t.app.platform.database.withSession((session) => session.exec(migration));

      const mails = (await mailsTo(t, alice.email)).filter((m) => m.key !== null);
      const about = (bookingId: string, subject: string) =>
        mails.filter((m) => m.subject.startsWith(subject) && m.text_body.includes(bookingId)).length;
      assert.equal(about(published, 'Your tickets'), 1, 'the unsent confirmation goes out');
      assert.equal(about(sent, 'Your tickets'), 0, 'a sent one does not go again');
      assert.equal(about(refunded, 'Refund of'), 1, 'the waiting event makes the refund email, once');
      assert.equal(
        mails.filter((m) => m.subject.startsWith('Your tickets')).length,
        1,
        'a booking whose tickets were all refunded gets no confirmation',
      );
      const unsent = await db.selectFrom('payment_notifications').select('id').where('sent_at', 'is', null).execute();
      assert.deepEqual(unsent, [], "all marked sent: the previous release's loop sends none of them");
    });
  });

  describe(`what the previous release writes after the upgrade on ${backend.name}`, () => {
    let t: TestApp;
    let bob: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      bob = await makeUser(t, { name: 'Bob Rolling' });
    });
    after(() => t.close());

    test('an old-style cancellation makes one refund and one email; an old webhook row is delivered', async () => {
      const db = t.app.platform.database.db;
      const s = await makeShowtime(t, { startsAt: new Date(t.clock.now().getTime() + 3 * 24 * 3600_000) });
      const paid = await buy(t, bob, s.showtimeId, [s.seat('A', 1).id]);
      const bookingId = paid.booking.id as string;
      await deliverMail(t);
      const ticketIds = (paid.booking.tickets as { id: string }[]).map((x) => x.id);
      const amount = paid.payment.amount.amount as number;
      const currency = paid.payment.amount.currency as string;
      const refundId = crypto.randomUUID();
      const now = t.clock.now();
      // One transaction as the previous release's cancel wrote it: a refund with no job, its
      // notification, and last (as its settlement did too) the event, without userId.
      await db.transaction().execute(async (trx) => {
        await sql`insert into refunds (id, payment_id, booking_id, amount, currency, reason, ticket_ids, status, created_at, next_attempt_at)
          values (${refundId}, ${paid.payment.id}, ${bookingId}, ${amount}, ${currency}, 'customer_cancel', ${ticketIds}::uuid[], 'pending', ${now}, ${now})`.execute(
          trx,
        );
        await sql`insert into payment_notifications (id, kind, booking_id, refund_id, created_at, next_attempt_at)
          values (gen_random_uuid(), 'refund_issued', ${bookingId}, ${refundId}, ${now}, ${now})`.execute(trx);
        const payload = {
          bookingId,
          showtimeId: s.showtimeId,
          ticketIds,
          seatIds: [],
          refundId,
          amount,
          currency,
          reason: 'customer_cancel',
          bookingRefunded: true,
        };
        await sql`insert into outbox_events (type, aggregate_id, payload)
          values ('tickets.cancelled', ${bookingId}, ${JSON.stringify(payload)}::jsonb)`.execute(trx);
      });

      const refundMails = (await mailsTo(t, bob.email)).filter((m) => m.subject.startsWith('Refund of'));
      assert.equal(refundMails.length, 1, 'one refund email');
      const events = await db
        .selectFrom('outbox_events')
        .select('payload')
        .where('type', '=', 'tickets.cancelled')
        .where('aggregate_id', '=', bookingId)
        .execute();
      assert.equal(events.length, 1, 'its own event, given the recipient; no second one');
      assert.equal(events[0]?.payload.userId, bob.id);
      const dead = await db.selectFrom('jobs').select('queue').where('state', '=', 'dead').execute();
      assert.deepEqual(dead, [], 'no delivery or mail failed for good');
      const notification = await db
        .selectFrom('payment_notifications')
        .select('sent_at')
        .where('refund_id', '=', refundId)
        .executeTakeFirstOrThrow();
      assert.ok(notification.sent_at, "marked sent: the previous release's loop does not mail it too");
      await t.app.runJobsOnce();
      const refund = await db
        .selectFrom('refunds')
        .select('status')
        .where('id', '=', refundId)
        .executeTakeFirstOrThrow();
      assert.equal(refund.status, 'succeeded', 'sent by the job its trigger made');
      const atProvider = await db
        .selectFrom('test_processor_refunds')
        .select('id')
        .where('reference', '=', refundId)
        .execute();
      assert.equal(atProvider.length, 1);

      // A webhook event the previous release's test processor wrote, with no job.
      const delivered = await db
        .selectFrom('test_processor_webhooks')
        .select('body')
        .where('delivered_at', 'is not', null)
        .limit(1)
        .executeTakeFirstOrThrow();
      const id = `evt_previous_release_${crypto.randomUUID().slice(0, 8)}`;
      const body = JSON.stringify({ ...(JSON.parse(delivered.body) as object), id });
      await sql`insert into test_processor_webhooks (id, body, created_at, next_attempt_at)
        values (${id}, ${body}, ${now}, ${now})`.execute(db);
      await t.app.modules.payments.deliverWebhooks();
      const row = await db
        .selectFrom('test_processor_webhooks')
        .select('delivered_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.ok(row.delivered_at, 'delivered by the job its trigger made');
    });
  });

  describe(`091: mail the previous release queued on ${backend.name}`, () => {
    let t: TestApp | undefined;
    let drop = async () => {};
    let dir = '';
    after(async () => {
      await t?.close();
      await drop();
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    });

    test('an unsent message gets a job and goes out; every message is kept under its account', async () => {
      // A database as the previous release left it: every migration before 091.
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'marquee-090-'));
      for (const f of (await fs.readdir(MIGRATIONS)).filter((f) => f < '091'))
        await fs.copyFile(path.join(MIGRATIONS, f), path.join(dir, f));
      const created = await backend.create({ empty: true });
      drop = created.drop;
      await migrate(created.database, dir);
      const old = created.database.db;
      const user = await sql<{
        id: string;
      }>`insert into users (email, name, email_verified) values ('old@example.test', 'Old', true) returning id`.execute(
        old,
      );
      const queue = (subject: string, sentAt: string | null) =>
        sql`insert into mail_outbox (recipient, subject, text_body, html_body, created_at, next_attempt_at, sent_at)
            values ('old@example.test', ${subject}, 'queued by the old release', '<p>old</p>', now(), now(), ${sentAt}::timestamptz)`.execute(
          old,
        );
      await queue('Still to send', null);
      await queue('Sent already', new Date().toISOString());

      t = await startOnDatabase(created.database, created.url);
      // Its clock started before 091 ran (at start-up), and the jobs it made are due from then on.
      t.clock.advance(1000);
      await deliverMail(t);
      const rows = await mailsTo(t, 'old@example.test');
      assert.deepEqual(rows.map((r) => [r.subject, r.sent_at !== null, r.user_id]).sort(), [
        ['Sent already', true, user.rows[0]?.id],
        ['Still to send', true, user.rows[0]?.id],
      ]);
      const files = await fs.readdir(path.join(t.config.dataDir, 'mailbox'));
      assert.equal(files.length, 1, 'only the unsent one went out');
    });

    test('a message the previous release queues after the upgrade gets a job and goes out once', async () => {
      assert.ok(t, 'the upgraded app of the test before');
      const db = t.app.platform.database.db;
      // As the previous release's mail store writes it: no key, due now for its own delivery loop.
      await sql`insert into mail_outbox (recipient, subject, text_body, html_body, created_at, next_attempt_at)
          values ('old@example.test', 'Queued after the upgrade', 'queued by the old release', '<p>old</p>',
                  now(), now())`.execute(db);
      const [row] = await db
        .selectFrom('mail_outbox')
        .select(['key', 'user_id', 'next_attempt_at'])
        .where('subject', '=', 'Queued after the upgrade')
        .execute();
      assert.match(row?.key ?? '', /^upgrade:/);
      assert.ok(row?.user_id, 'kept under its account');
      assert.equal(row?.next_attempt_at, null, 'the old delivery loop leaves it to the job');
      // Its job is due from the database's now on.
      t.clock.advance(60_000);
      await deliverMail(t);
      const sent = (await mailsTo(t, 'old@example.test')).filter((m) => m.subject === 'Queued after the upgrade');
      assert.equal(sent.length, 1);
      assert.ok(sent[0]?.sent_at, 'sent');
      const files = await fs.readdir(path.join(t.config.dataDir, 'mailbox'));
      assert.equal(files.length, 2, 'it went out, once');
    });
  });
}
