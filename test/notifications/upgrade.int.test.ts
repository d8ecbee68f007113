// Mail the previous release had queued still goes out after the upgrade, once:
//   - 090: a payment notification not yet sent whose event was published before any consumer
//     existed becomes that event again; one whose event still waits in the outbox is left to it
//     (given the userId old events lack); a sent one is left alone;
//   - 091: a message in mail_outbox not sent yet gets a queue job, and every message the account
//     whose address it went to;
//   - 094: a message a process of the previous release queues after the upgrade gets the same.
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

/** payment_notifications as the previous release had it (050_payments.sql). */
const OLD_TABLE = `create table payment_notifications (
  id uuid primary key,
  kind text not null check (kind in ('booking_confirmed', 'refund_issued', 'payment_reversed', 'showtime_cancelled')),
  booking_id uuid not null references bookings (id),
  refund_id uuid references refunds (id),
  created_at timestamptz not null,
  next_attempt_at timestamptz not null,
  attempts int not null default 0,
  last_error text,
  sent_at timestamptz
)`;

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

      await sql.raw(OLD_TABLE).execute(db);
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
      const left = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_tables where tablename = 'payment_notifications'`.execute(db);
      assert.equal(left.rows[0]?.n, 0, 'the table is gone');
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
