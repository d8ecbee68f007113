// Mailed links carry bearer tokens (email verification, password reset). Delivered mail is kept a
// month for support, but once a message has left over SMTP (or been given up) its copy holds no
// working token; the link in the mail itself still works. No token travels to the mail: it is minted
// when the email is composed, and the account's events name only the account, so outbox_events (kept
// a week) holds neither a token nor an address. The dev mailbox keeps its links: reading them there is
// how a developer follows them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GOOD_PASSWORD, mailedToken, mailsTo, registerUser, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { receivedToken } from '../../../test/support/mail.ts';
import { freePort, type SmtpReceiver, startSmtpReceiver } from '../../../test/support/smtp-receiver.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { MAIL_QUEUE } from './notifications.module.ts';
import { card } from '../../../test/payments/payment-helpers.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';

const stored = async (t: TestApp, email: string) =>
  (await mailsTo(t, email)).map((m) => `${m.text_body}\n${m.html_body}`).join('\n');

for (const backend of backends()) {
  describe(`tokens in delivered mail on ${backend.name}`, () => {
    let receiver: SmtpReceiver;
    let t: TestApp;
    let down: TestApp;
    let dev: TestApp;
    before(async () => {
      receiver = await startSmtpReceiver();
      const env = { RATE_LIMIT_PER_MINUTE: '100000' };
      t = await startTestApp(backend, { env: { ...env, SMTP_URL: receiver.url } });
      down = await startTestApp(backend, { env: { ...env, SMTP_URL: `smtp://127.0.0.1:${await freePort()}` } });
      dev = await startTestApp(backend, { env });
    });
    after(async () => {
      await Promise.all([t.close(), down.close(), dev.close()]);
      await receiver.close();
    });

    test('once delivered over SMTP, the stored copy has no token; the mailed links still work', async () => {
      const user = await registerUser(t);
      assert.equal(
        (await t.request({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } }))
          .status,
        202,
      );
      const rows = await mailsTo(t, user.email);
      assert.equal(receiver.messages.filter((m) => m.to.includes(user.email)).length, 2, 'both mails went out');
      const verify = receivedToken(receiver, user.email, '/verify-email');
      const reset = receivedToken(receiver, user.email, '/reset-password');
      const events = await t.app.platform.database.db
        .selectFrom('outbox_events')
        .select(['type', 'payload'])
        .where('aggregate_id', '=', user.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        events.map((e) => [e.type, e.payload]),
        [
          ['account.verification_requested', { userId: user.id }],
          ['account.password_reset_requested', { userId: user.id }],
        ],
        'the events name the account only: no token, no address',
      );
      assert.ok(rows.every((r) => r.sent_at !== null));
      const copy = await stored(t, user.email);
      assert.ok(!copy.includes(verify) && !copy.includes(reset), 'no token in the kept copies');
      assert.match(copy, /verify-email\?token=\[redacted\]/);
      assert.match(copy, /reset-password\?token=\[redacted\]/);
      assert.equal(
        (await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: verify } })).status,
        204,
      );
      const confirmed = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token: reset, password: `${GOOD_PASSWORD}-2` },
      });
      assert.equal(confirmed.status, 204);
    });

    test("a guest's confirmation: the stored copy has no token, the mailed link opens the booking", async () => {
      const s = await makeShowtime(t);
      const email = uniqueEmail('guest');
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('A', 1).id], email, name: 'Grace' },
      });
      assert.equal(held.status, 201, held.text);
      const paid = await t.request({
        method: 'POST',
        url: `/api/v1/guest/bookings/${held.body.id}/payments`,
        headers: { 'booking-token': held.body.managementToken },
        payload: { card: card() },
      });
      assert.equal(paid.status, 201, paid.text);
      await mailsTo(t, email);
      const linked = receivedToken(receiver, email, `/guest/bookings/${held.body.id}`);
      const copy = await stored(t, email);
      assert.ok(!copy.includes(linked) && !copy.includes(held.body.managementToken), 'no token in the kept copy');
      assert.match(copy, /guest\/bookings\/[0-9a-f-]+\?token=\[redacted\]/);
      const read = await t.request({
        method: 'GET',
        url: `/api/v1/guest/bookings/${held.body.id}`,
        headers: { authorization: `Booking ${linked}` },
      });
      assert.equal(read.status, 200);
    });

    test('a mail given up after its last attempt keeps no token either', async () => {
      const email = uniqueEmail('undeliverable');
      await registerUser(down, { email });
      const token = await mailedToken(down, email, '/verify-email');
      const db = down.app.platform.database.db;
      // Its job's next run is its last: the queue gives up after it.
      await db
        .updateTable('jobs')
        .set((eb) => ({ attempts: eb('max_attempts', '-', 1), run_at: down.clock.now() }))
        .where('queue', '=', MAIL_QUEUE)
        .where('state', '=', 'ready')
        .execute();
      await down.app.runJobsOnce();
      const [row] = await mailsTo(down, email);
      assert.ok(row?.failed_at, 'given up');
      assert.ok(!(await stored(down, email)).includes(token));
      const dead = await db.selectFrom('jobs').select('state').where('queue', '=', MAIL_QUEUE).execute();
      assert.deepEqual(
        dead.map((j) => j.state),
        ['dead'],
        'the job is dead: admins see it',
      );
    });

    test('the dev mailbox keeps its links', async () => {
      const user = await registerUser(dev);
      const token = await mailedToken(dev, user.email, '/verify-email');
      assert.ok((await mailsTo(dev, user.email))[0]?.sent_at);
      assert.ok((await stored(dev, user.email)).includes(token));
    });
  });
}
