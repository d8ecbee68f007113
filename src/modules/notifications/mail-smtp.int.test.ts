// Mail over real SMTP to a receiver started here: made from events committed with the change (none
// from a change rolled back), sent by queue jobs with attachments and inline images under a stable
// Message-ID, retried with backoff while the server is down, sent once however many drains run.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { buy } from '../../../test/payments/payment-helpers.ts';
import { GOOD_PASSWORD, mailsTo, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { deliverMail } from '../../../test/support/mail.ts';
import { freePort, type SmtpReceiver, startSmtpReceiver } from '../../../test/support/smtp-receiver.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import { MAIL_QUEUE } from './notifications.module.ts';

const register = (t: TestApp, email: string) =>
  t.request({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: GOOD_PASSWORD, name: 'Mail Reader' },
  });

/** Writes the event that makes a sign-in alert for each user, as accounts does. */
const signInAlerts = (t: TestApp, users: { id: string; email: string }[]) =>
  addEvents(
    t.app.platform.database.db,
    users.map((u) => ({
      type: 'account.sign_in_alert',
      aggregateId: u.id,
      payload: { userId: u.id, email: u.email, name: 'Mail Reader' },
    })),
  );

for (const backend of backends()) {
  describe(`mail over SMTP on ${backend.name}`, () => {
    let t: TestApp;
    let receiver: SmtpReceiver;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    before(async () => {
      // Mail to "slow-…" addresses is accepted only when the test says so, as a stalled server would.
      receiver = await startSmtpReceiver(0, {
        gate: (to) => (to.some((a) => a.startsWith('slow-')) ? held : undefined),
      });
      t = await startTestApp(backend, {
        env: { SMTP_URL: receiver.url, MAIL_FROM: 'box@marquee.test', RATE_LIMIT_PER_MINUTE: '100000' },
      });
    });
    after(async () => {
      release();
      await t.close();
      await receiver.close();
    });

    test('a confirmation arrives with text, HTML, a PDF attachment and inline images, under its own Message-ID', async () => {
      const buyer = await makeUser(t, { email: uniqueEmail('tickets') });
      const s = await makeShowtime(t);
      await buy(t, buyer, s.showtimeId, [s.seat('A', 1).id]);
      const [row] = await mailsTo(t, buyer.email);
      const got = receiver.messages.find((m) => m.to.includes(buyer.email));
      assert.ok(got, 'delivered');
      assert.equal(got.from, 'box@marquee.test');
      assert.match(got.raw, /^Subject: Your tickets: /m);
      assert.match(got.raw, /multipart\/alternative/);
      assert.match(got.raw, /Content-Type: application\/pdf; name=tickets\.pdf/);
      assert.match(got.raw, /Content-ID: <qr-[0-9a-f-]{36}>/);
      assert.match(got.raw, /cid:qr-/);
      assert.ok(row?.sent_at);
      assert.equal(row?.attempts, 1);
      assert.equal(row?.user_id, buyer.id, 'kept under the account, so its erasure finds it');
      assert.match(got.raw, new RegExp(`^Message-ID: <${row?.id}@marquee\\.test>$`, 'm'));
    });

    test('an event written in a transaction that rolls back makes no mail', async () => {
      const user = await makeUser(t, { email: uniqueEmail('rolled-back') });
      await assert.rejects(
        t.app.platform.database.db.transaction().execute(async (trx) => {
          await addEvents(trx, [
            { type: 'account.sign_in_alert', aggregateId: user.id, payload: { userId: user.id, email: user.email } },
          ]);
          throw new Error('the change failed');
        }),
      );
      await deliverMail(t);
      assert.equal(receiver.messages.filter((m) => m.to.includes(user.email)).length, 0);
      assert.equal((await mailsTo(t, user.email)).length, 0);
    });

    test('registration mail arrives over SMTP with the verification link', async () => {
      const email = uniqueEmail('smtp');
      assert.equal((await register(t, email)).status, 201);
      await deliverMail(t);
      const got = receiver.messages.find((m) => m.to.includes(email));
      assert.ok(got);
      assert.match(
        got.raw.replace(/=\r?\n/g, ''),
        /http:\/\/box\.test\/verify-email\?token=3D[A-Za-z0-9_-]{43}|http:\/\/box\.test\/verify-email\?token=[A-Za-z0-9_-]{43}/,
      );
    });

    test('several drains at once send each message exactly once', async () => {
      const tag = uniqueEmail('batch');
      const users = await Promise.all(Array.from({ length: 25 }, (_, i) => makeUser(t, { email: `${i}-${tag}` })));
      const sent = () => receiver.messages.filter((m) => m.to[0]?.endsWith(tag));
      await signInAlerts(t, users);
      await eventually(
        async () => {
          await Promise.all([
            t.app.runJobsOnce(),
            t.app.platform.queue.drain(MAIL_QUEUE),
            t.app.platform.queue.drain(),
          ]);
          return sent().length >= 25;
        },
        30_000,
        25,
        '25 alerts sent',
      );
      await deliverMail(t);
      assert.equal(sent().length, 25);
      assert.equal(new Set(sent().map((m) => m.to[0])).size, 25);
    });

    test('a stalled conversation holds up none of the messages sent beside it; connections are reused', async () => {
      const connected = receiver.connections();
      const tag = uniqueEmail('pooled');
      const slow = await makeUser(t, { email: `slow-${tag}` });
      const quick = await Promise.all([0, 1, 2].map((i) => makeUser(t, { email: `${i}-${tag}` })));
      // Their jobs queued together (not as events arrive, one by one with NATS), so they run together.
      await t.app.platform.database.db.transaction().execute(async (trx) => {
        for (const u of [slow, ...quick]) {
          const event = { id: randomUUID(), type: 'account.sign_in_alert', payload: { userId: u.id, email: u.email } };
          await t.app.platform.queue.enqueue(trx, MAIL_QUEUE, { kind: 'sign-in-alert', event }, { key: event.id });
        }
      });
      const run = t.app.platform.queue.drain(MAIL_QUEUE);
      // Every quick message is accepted while the slow one still waits for its "250 OK".
      await eventually(
        () => receiver.messages.filter((m) => m.to[0]?.endsWith(tag) && m.accepted).length === 3,
        30_000,
        25,
        'the quick messages accepted',
      );
      assert.equal(receiver.messages.find((m) => m.to.includes(slow.email))?.accepted, false, 'the slow one waits');
      release();
      await run;
      const [row] = await mailsTo(t, slow.email);
      assert.ok(row?.sent_at, 'the slow one is delivered too');
      assert.ok(
        receiver.connections() - connected <= 4,
        `4 messages over ${receiver.connections() - connected} connections`,
      );
    });
  });

  describe(`mail while the SMTP server is down on ${backend.name}`, () => {
    let t: TestApp;
    let port: number;
    let receiver: SmtpReceiver | undefined;
    before(async () => {
      port = await freePort();
      t = await startTestApp(backend, {
        env: { SMTP_URL: `smtp://127.0.0.1:${port}`, RATE_LIMIT_PER_MINUTE: '100000' },
      });
    });
    after(async () => {
      await t.close();
      await receiver?.close();
    });

    test('the request still succeeds; the mail is retried with backoff and arrives once the server is up', async () => {
      const email = uniqueEmail('patient');
      assert.equal((await register(t, email)).status, 201);
      let [row] = await mailsTo(t, email);
      assert.equal(row?.sent_at, null);
      assert.equal(row?.attempts, 1);
      assert.ok(row?.last_error);
      const db = t.app.platform.database.db;
      const job = await db.selectFrom('jobs').selectAll().where('queue', '=', MAIL_QUEUE).executeTakeFirstOrThrow();
      const retryIn = job.run_at.getTime() - t.clock.now().getTime();
      assert.ok(retryIn > 0 && retryIn <= 30_000, `retried within 30 s (with jitter), not at once: ${retryIn} ms`);
      // Counted for the MarqueeMailFailing alert: a failed attempt to be retried, none given up.
      const metrics = (await t.request({ method: 'GET', url: '/metrics' })).text;
      assert.match(metrics, /^marquee_mail_failures_total\{outcome="retried"\} 1$/m);
      assert.match(metrics, /^marquee_mail_failures_total\{outcome="given_up"\} 0$/m);

      receiver = await startSmtpReceiver(port);
      await t.app.runJobsOnce();
      assert.equal(receiver.messages.length, 0, 'not before the backoff has passed');

      t.clock.advance(30_001);
      await deliverMail(t);
      assert.equal(receiver.messages.filter((m) => m.to.includes(email)).length, 1);
      [row] = await mailsTo(t, email);
      assert.ok(row?.sent_at);
      assert.equal(row?.attempts, 2);
      await deliverMail(t);
      assert.equal(receiver.messages.filter((m) => m.to.includes(email)).length, 1, 'sent once');
      assert.equal((await db.selectFrom('jobs').select('id').where('queue', '=', MAIL_QUEUE).execute()).length, 0);
    });
  });
}
