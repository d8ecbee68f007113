// Every step between an event and its email may fail half-way and be run again; the customer still
// gets exactly one email. The consumer's transaction failing after part of its work rolls back whole
// and the event is delivered again; a mail job failing after it stored the message sends that same
// message (one row, one Message-ID) on its retry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buy } from '../payments/payment-helpers.ts';
import { mailsTo } from '../support/accounts.ts';
import { backends } from '../support/backends.ts';
import { makeShowtime } from '../support/catalog-factories.ts';
import { eventually } from '../support/eventually.ts';
import { makeUser } from '../support/factories.ts';
import { mailSettled } from '../support/mail.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { MAIL_QUEUE } from '../../src/modules/notifications/notifications.module.ts';

for (const backend of backends()) {
  describe(`mail retried after failing half-way on ${backend.name}`, () => {
    let t: TestApp;
    let receiver: SmtpReceiver;
    let refuse: (to: string[]) => boolean = () => false;
    before(async () => {
      receiver = await startSmtpReceiver(0, {
        gate: (to) => (refuse(to) ? Promise.reject(new Error('451 try again later')) : undefined),
      });
      t = await startTestApp(backend, { env: { SMTP_URL: receiver.url } });
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });

    /** Runs jobs, moving the clock past retries' backoff, until the mail of every event is out and no retry waits. */
    const settle = () =>
      eventually(
        async () => {
          t.clock.advance(60_000);
          await t.app.runJobsOnce();
          const waiting = await t.app.platform.database.db
            .selectFrom('jobs')
            .select('id')
            .where('queue', '=', MAIL_QUEUE)
            .where('state', '!=', 'dead')
            .execute();
          return waiting.length === 0 && (await mailSettled(t));
        },
        30_000,
        25,
        'mail settled',
      );
    const confirmations = (email: string) =>
      receiver.messages.filter((m) => m.to.includes(email) && /^Subject: Your tickets/m.test(m.raw));

    test('a consumer that fails after queueing its job rolls back, is retried, and makes one email', async () => {
      const db = t.app.platform.database.db;
      // The first mail job written fails its transaction (a sequence is not rolled back with it).
      await sql`create sequence fail_once`.execute(db);
      await sql`create function fail_once() returns trigger language plpgsql as $$
        begin
          if new.queue = 'notifications.mail' and nextval('fail_once') = 1 then
            raise exception 'injected failure after the job was written';
          end if;
          return new;
        end $$`.execute(db);
      await sql`create trigger fail_once after insert on jobs for each row execute function fail_once()`.execute(db);
      try {
        const customer = await makeUser(t);
        const s = await makeShowtime(t);
        await buy(t, customer, s.showtimeId, [s.seat('A', 1).id]);
        await settle();
        const failed = await sql<{ n: string }>`select last_value as n from fail_once`.execute(db);
        assert.ok(Number(failed.rows[0]?.n) >= 2, 'the first try failed, a later one went through');
        assert.equal(confirmations(customer.email).length, 1, 'exactly one confirmation');
        assert.equal((await mailsTo(t, customer.email)).length, 1);
      } finally {
        await sql`drop trigger fail_once on jobs`.execute(db);
        await sql`drop function fail_once()`.execute(db);
        await sql`drop sequence fail_once`.execute(db);
      }
    });

    test('a mail job that fails after storing its message sends that message on its retry', async () => {
      const customer = await makeUser(t);
      let refused = 0;
      refuse = (to) => to.includes(customer.email) && refused++ === 0;
      const s = await makeShowtime(t);
      await buy(t, customer, s.showtimeId, [s.seat('A', 1).id]);
      await settle();
      assert.equal(refused, 2, 'the server refused the first try and was asked again');
      const [attempt, retry] = confirmations(customer.email);
      assert.equal(attempt?.accepted, false);
      assert.equal(retry?.accepted, true);
      const id = (raw: string) => /^Message-ID:\s*(\S+)/im.exec(raw)?.[1];
      assert.equal(id(retry?.raw ?? ''), id(attempt?.raw ?? ''), 'the same message, not a second one');
      const rows = await mailsTo(t, customer.email);
      assert.equal(rows.length, 1, 'composed and stored once');
      assert.equal(rows[0]?.attempts, 2);
      assert.ok(rows[0]?.sent_at);
    });
  });
}
