// Two ways an email could go out when it must not:
//   - the account is erased while its email is being composed (rendering a booking's PDF takes a
//     while): the erasure's consumer runs before the message is stored and deletes nothing, so the job
//     itself looks the account up again once the message is stored, and drops it;
//   - an admin retries a dead email whose kept copy had its links' tokens stripped when it was given
//     up on (mail queued by the previous release is sent as stored, never composed again): sending it
//     would mail a link that cannot work, so the job ends without sending.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { ERASURE_CONSUMER } from '../../src/modules/notifications/mail-consumers.ts';
import { MAIL_QUEUE } from '../../src/modules/notifications/notifications.module.ts';
import { signedInUser } from '../support/accounts.ts';
import { backends, realPostgres } from '../support/backends.ts';
import { eventually } from '../support/eventually.ts';
import { makeUser } from '../support/factories.ts';
import { deliverMail } from '../support/mail.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const VERIFICATION = 'notifications.verification';

async function withMailApp(backend: Parameters<typeof startTestApp>[0]) {
  const receiver = await startSmtpReceiver();
  const t = await startTestApp(backend, { env: { SMTP_URL: receiver.url, RATE_LIMIT_PER_MINUTE: '100000' } });
  return { t, receiver };
}

/** The verification event of an account and the key its mail job and message are stored under. */
async function verificationKey(t: TestApp, userId: string): Promise<{ eventId: string; key: string }> {
  const event = await t.app.platform.database.db
    .selectFrom('outbox_events')
    .select('id')
    .where('type', '=', 'account.verification_requested')
    .where('aggregate_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { eventId: event.id, key: `${VERIFICATION}:${event.id}` };
}

const erase = (t: TestApp, user: { token: string; password: string }) =>
  t.request({ method: 'DELETE', url: '/api/v1/me', payload: { password: user.password }, token: user.token });

const rowsOf = (t: TestApp, userId: string) =>
  t.app.platform.database.db.selectFrom('mail_outbox').select('id').where('user_id', '=', userId).execute();

for (const backend of realPostgres()) {
  describe('an account erased while its email is composed, on PostgreSQL', () => {
    let t: TestApp;
    let receiver: SmtpReceiver;
    before(async () => ({ t, receiver } = await withMailApp(backend)));
    after(async () => {
      await t.close();
      await receiver.close();
    });

    test('the job waits at storing its message, the erasure runs meanwhile: no mail, no row', async () => {
      const user = await signedInUser(t);
      const { key } = await verificationKey(t, user.id);
      // Another session stores a message under the job's key and does not commit: the job, once it
      // has composed its email, waits at its own insert.
      const hold = new pg.Client({ connectionString: t.databaseUrl });
      await hold.connect();
      let held = true;
      let running: Promise<void> | undefined;
      try {
        await hold.query('begin');
        await hold.query(
          `insert into mail_outbox (key, recipient, subject, text_body, html_body, created_at)
           values ($1, 'hold@example.test', 'hold', 'hold', 'hold', now())`,
          [key],
        );
        const holder = (await hold.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
        let idle = true;
        await eventually(
          async () => {
            // Asked outside the holding transaction, which sees pg_stat_activity as it was when it began.
            const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
              where ${holder}::int = any(pg_blocking_pids(pid))`.execute(t.app.platform.database.db);
            if ((waiting.rows[0]?.n ?? 0) > 0) return true;
            // The event reaches its consumer (with NATS, whenever it delivers), which queues the job.
            if (idle) {
              idle = false;
              running = t.app.runJobsOnce().finally(() => (idle = true));
            }
            return false;
          },
          30_000,
          25,
          'the mail job waiting at its insert',
        );
        assert.equal((await erase(t, user)).status, 204);
        const erased = await t.app.platform.database.db
          .selectFrom('outbox_events')
          .select('id')
          .where('type', '=', 'account.erased')
          .where('aggregate_id', '=', user.id)
          .executeTakeFirstOrThrow();
        // The erasure's consumer runs while the job still waits: there is no message to delete yet.
        await eventually(
          async () => {
            await t.app.runJobsOnce();
            const mark = await t.app.platform.database.db
              .selectFrom('processed_events')
              .select('event_id')
              .where('consumer', '=', ERASURE_CONSUMER)
              .where('event_id', '=', erased.id)
              .executeTakeFirst();
            return mark !== undefined;
          },
          30_000,
          25,
          'the erasure handled',
        );
        await hold.query('rollback');
        held = false;
        await running;
      } finally {
        if (held) await hold.query('rollback').catch(() => {});
        await hold.end();
        await running?.catch(() => {});
      }
      await deliverMail(t);
      assert.equal(receiver.messages.filter((m) => m.to.includes(user.email)).length, 0, 'nothing mailed');
      assert.deepEqual(await rowsOf(t, user.id), [], 'nothing kept');
    });
  });
}

for (const backend of backends()) {
  describe(`an email that must not go out on ${backend.name}`, () => {
    let t: TestApp;
    let receiver: SmtpReceiver;
    before(async () => ({ t, receiver } = await withMailApp(backend)));
    after(async () => {
      await t.close();
      await receiver.close();
    });

    test('the account is erased between composing and storing: no mail, no row', async () => {
      const db = t.app.platform.database.db;
      // What the erasure leaves of the account, made at the moment the message is stored (its
      // consumer, having run before, deleted nothing).
      await sql`create function erase_while_composing() returns trigger language plpgsql as $$
        begin
          update users set email = null, name = '', deleted_at = now() where id = new.user_id;
          return new;
        end $$`.execute(db);
      await sql`create trigger erase_while_composing before insert on mail_outbox
        for each row when (new.subject = 'Confirm your email address')
        execute function erase_while_composing()`.execute(db);
      try {
        const user = await signedInUser(t);
        await deliverMail(t);
        assert.equal(receiver.messages.filter((m) => m.to.includes(user.email)).length, 0, 'nothing mailed');
        assert.deepEqual(await rowsOf(t, user.id), [], 'nothing kept');
      } finally {
        await sql`drop trigger erase_while_composing on mail_outbox`.execute(db);
        await sql`drop function erase_while_composing()`.execute(db);
      }
    });

    test('an admin retry of a dead email kept with its links redacted ends without sending', async () => {
      const db = t.app.platform.database.db;
      const admin = await makeUser(t, { role: 'admin' });
      const to = 'kept@example.test';
      const key = 'upgrade:00000000-0000-4000-8000-000000000001';
      // As the previous release queued it and this one gave it up: failed, its link's token stripped.
      await db
        .insertInto('mail_outbox')
        .values({
          key,
          recipient: to,
          subject: 'Reset your password',
          text_body: 'Choose a new password: http://box.test/reset-password?token=[redacted]',
          html_body: '<a href="http://box.test/reset-password?token=[redacted]">Choose</a>',
          created_at: t.clock.now(),
          attempts: 20,
          failed_at: t.clock.now(),
          last_error: '451 try again later',
        })
        .execute();
      await t.app.platform.queue.deadLetter(
        db,
        MAIL_QUEUE,
        { kind: 'stored', key },
        {
          key,
          error: '451 try again later',
          attempts: 20,
        },
      );
      const dead = await db.selectFrom('jobs').select('id').where('key', '=', key).executeTakeFirstOrThrow();
      const retry = await t.request({ method: 'POST', url: `/api/v1/admin/jobs/${dead.id}/retry`, token: admin.token });
      assert.equal(retry.status, 200);
      await t.app.runJobsOnce();
      assert.equal(receiver.messages.filter((m) => m.to.includes(to)).length, 0, 'no broken link mailed');
      const job = await db
        .selectFrom('jobs')
        .select(['state', 'last_error'])
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      assert.equal(job.state, 'dead');
      assert.match(job.last_error ?? '', /redacted/);
    });
  });
}
