// Mail over real SMTP to a receiver started here: queued in the caller's transaction, delivered by the
// job with attachments and inline images, retried with backoff while the server is down, sent once
// even when several workers run at the same moment.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GOOD_PASSWORD, mailsTo, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { freePort, type SmtpReceiver, startSmtpReceiver } from '../../../test/support/smtp-receiver.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { MailMessage } from './notifications.module.ts';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PDF = Buffer.from('%PDF-1.4\n% ticket\n%%EOF\n').toString('base64');

const message = (to: string, subject: string): MailMessage => ({
  to,
  subject,
  text: 'Your tickets are attached.',
  html: '<p>Your tickets</p><img src="cid:qr-1" alt="QR">',
  attachments: [
    { filename: 'tickets.pdf', contentType: 'application/pdf', contentBase64: PDF },
    { filename: 'qr-1.png', contentType: 'image/png', contentBase64: PNG_1PX, cid: 'qr-1' },
  ],
});

const SLOW_MS = 1500;

const register = (t: TestApp, email: string) =>
  t.request({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: GOOD_PASSWORD, name: 'Mail Reader' },
  });

for (const backend of backends()) {
  describe(`mail over SMTP on ${backend.name}`, () => {
    let t: TestApp;
    let receiver: SmtpReceiver;
    before(async () => {
      // Mail to "slow-…" addresses is accepted only after a pause, as a struggling server would.
      receiver = await startSmtpReceiver(0, {
        delayFor: (to) => (to.some((a) => a.startsWith('slow-')) ? SLOW_MS : 0),
      });
      t = await startTestApp(backend, {
        env: { SMTP_URL: receiver.url, MAIL_FROM: 'box@marquee.test', RATE_LIMIT_PER_MINUTE: '100000' },
      });
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });

    const enqueue = (m: MailMessage) =>
      t.app.platform.database.db.transaction().execute((trx) => t.app.modules.notifications.mail.enqueue(trx, m));

    test('a queued message arrives with text, HTML, a PDF attachment and an inline image', async () => {
      const to = uniqueEmail('tickets');
      await enqueue(message(to, 'Your tickets'));
      await t.app.runJobsOnce();
      const got = receiver.messages.find((m) => m.to.includes(to));
      assert.ok(got, 'delivered');
      assert.equal(got.from, 'box@marquee.test');
      assert.match(got.raw, /^Subject: Your tickets$/m);
      assert.match(got.raw, /multipart\/alternative/);
      assert.match(got.raw, /Content-Type: application\/pdf; name=tickets\.pdf/);
      assert.match(got.raw, /Content-ID: <qr-1>/);
      assert.match(got.raw, /cid:qr-1/);
      assert.ok(got.raw.includes(PNG_1PX.slice(0, 40)));
      const [row] = await mailsTo(t, to);
      assert.ok(row?.sent_at);
      assert.equal(row?.attempts, 1);
    });

    test('a message queued in a transaction that rolls back is never sent', async () => {
      const to = uniqueEmail('rolled-back');
      await assert.rejects(
        t.app.platform.database.db.transaction().execute(async (trx) => {
          await t.app.modules.notifications.mail.enqueue(trx, message(to, 'Never'));
          throw new Error('the change failed');
        }),
      );
      await t.app.runJobsOnce();
      assert.equal(receiver.messages.filter((m) => m.to.includes(to)).length, 0);
      assert.equal((await mailsTo(t, to)).length, 0);
    });

    test('registration mail arrives over SMTP with the verification link', async () => {
      const email = uniqueEmail('smtp');
      assert.equal((await register(t, email)).status, 201);
      await t.app.runJobsOnce();
      const got = receiver.messages.find((m) => m.to.includes(email));
      assert.ok(got);
      assert.match(
        got.raw.replace(/=\r?\n/g, ''),
        /http:\/\/box\.test\/verify-email\?token=3D[A-Za-z0-9_-]{43}|http:\/\/box\.test\/verify-email\?token=[A-Za-z0-9_-]{43}/,
      );
    });

    test('several workers at once send each message exactly once', async () => {
      const before = receiver.messages.length;
      const tag = uniqueEmail('batch');
      for (let i = 0; i < 25; i++) await enqueue(message(`${i}-${tag}`, `Batch ${i}`));
      const job = t.app.modules.notifications.parts.jobs?.[0];
      assert.ok(job);
      for (let round = 0; round < 5; round++) await Promise.all([job.runOnce(), job.runOnce(), job.runOnce()]);
      const batch = receiver.messages.slice(before).filter((m) => m.to[0]?.endsWith(tag));
      assert.equal(batch.length, 25);
      assert.equal(new Set(batch.map((m) => m.to[0])).size, 25);
    });

    test('one slow conversation does not hold up the batch, and connections are reused', async () => {
      const [before, connected] = [receiver.messages.length, receiver.connections()];
      const tag = uniqueEmail('pooled');
      // The slow one in the middle, so that one at a time, some quick ones would queue behind it.
      for (let i = 0; i < 7; i++) {
        if (i === 3) await enqueue(message(`slow-${tag}`, 'Slow'));
        await enqueue(message(`${i}-${tag}`, `Quick ${i}`));
      }
      const started = Date.now();
      const job = t.app.modules.notifications.parts.jobs?.[0];
      assert.ok(job);
      const run = job.runOnce();
      // Every quick message arrives while the slow one is still waiting for its "250 OK".
      while (
        receiver.messages.slice(before).filter((m) => m.to[0]?.endsWith(tag)).length < 8 &&
        Date.now() - started < SLOW_MS * 3
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(
        Date.now() - started < SLOW_MS,
        `the quick messages waited for the slow one (${Date.now() - started} ms)`,
      );
      await run;
      const [row] = await mailsTo(t, `slow-${tag}`);
      assert.ok(row?.sent_at, 'the slow one is delivered too');
      assert.ok(
        receiver.connections() - connected <= 4,
        `8 messages over ${receiver.connections() - connected} new connections`,
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
      await t.app.runJobsOnce();
      let [row] = await mailsTo(t, email);
      assert.equal(row?.sent_at, null);
      assert.equal(row?.attempts, 1);
      assert.ok(row?.last_error);
      assert.equal(new Date(row?.next_attempt_at as Date).getTime() - t.clock.now().getTime(), 30_000);

      receiver = await startSmtpReceiver(port);
      await t.app.runJobsOnce();
      assert.equal(receiver.messages.length, 0, 'not before the backoff has passed');

      t.clock.advance(30_001);
      await t.app.runJobsOnce();
      assert.equal(receiver.messages.filter((m) => m.to.includes(email)).length, 1);
      [row] = await mailsTo(t, email);
      assert.ok(row?.sent_at);
      assert.equal(row?.attempts, 2);
      await t.app.runJobsOnce();
      assert.equal(receiver.messages.filter((m) => m.to.includes(email)).length, 1, 'sent once');
    });
  });
}
