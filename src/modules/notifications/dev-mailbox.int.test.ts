// With no SMTP server configured, mail goes to the dev mailbox: .eml files under DATA_DIR/mailbox, a log
// line with subject, recipient and links, and an admin-only read API.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buy } from '../../../test/payments/payment-helpers.ts';
import { GOOD_PASSWORD, mailsTo, registerUser, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { type LoggedApp, startLoggedApp } from '../../../test/support/captured-logs.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { deliverMail } from '../../../test/support/mail.ts';
import { startSmtpReceiver } from '../../../test/support/smtp-receiver.ts';
import { startTestApp } from '../../../test/support/test-app.ts';

for (const backend of backends()) {
  describe(`dev mailbox on ${backend.name}`, () => {
    let t: LoggedApp;
    let bookingId: string;
    const email = uniqueEmail('dev');
    before(async () => {
      t = await startLoggedApp(backend, { RATE_LIMIT_PER_MINUTE: '100000' });
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email, password: GOOD_PASSWORD, name: 'Dev Reader' },
      });
      assert.equal(res.status, 201);
      // A confirmation too: a PDF attachment and inline QR images.
      const login = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: GOOD_PASSWORD },
      });
      const s = await makeShowtime(t);
      const buyer = { id: res.body.user.id, email, role: 'customer' as const, token: login.body.token };
      bookingId = (await buy(t, buyer, s.showtimeId, [s.seat('A', 1).id])).booking.id;
      await deliverMail(t);
    });
    after(() => t.close());

    test('each message is an RFC 822 .eml file under DATA_DIR/mailbox, attachments included', async () => {
      const dir = path.join(t.config.dataDir, 'mailbox');
      const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.eml'));
      const contents = await Promise.all(files.map((f) => fs.readFile(path.join(dir, f), 'utf8')));
      const verification = contents.find((c) => c.includes('Subject: Confirm your email address'));
      assert.ok(verification);
      assert.match(verification, new RegExp(`^To: ${email.replace('.', '\\.')}$`, 'm'));
      assert.match(verification, /^MIME-Version: 1\.0$/m);
      // The Message-ID is the stored message's: a resend after a crash is recognisably the same one.
      const [row] = await mailsTo(t, email).then((rows) => rows.filter((m) => m.subject.startsWith('Confirm')));
      assert.match(verification, new RegExp(`^Message-ID: <${row?.id}@localhost>$`, 'm'));
      const withFile = contents.find((c) => c.includes('Subject: Your tickets'));
      assert.ok(withFile);
      assert.ok(withFile.includes(`/bookings/${bookingId}`));
      assert.match(withFile, /filename=tickets\.pdf/);
      assert.match(withFile, /Content-ID: <qr-[0-9a-f-]{36}>/);
      assert.match(withFile, /Content-Type: image\/png; name=ticket-A1\.png/);
    });

    test('a log line names subject, recipient and links (their tokens redacted), and never the password', async () => {
      const lines = t
        .logs()
        .split('\n')
        .filter((l) => l.includes('dev mailbox'));
      const line = lines.map((l) => JSON.parse(l)).find((l) => l.subject === 'Confirm your email address');
      assert.ok(line);
      assert.equal(line.to, email);
      assert.equal(line.links[0], 'http://box.test/verify-email?token=[redacted]');
      assert.doesNotMatch(t.logs(), /token=[A-Za-z0-9_-]{43}/, 'no token anywhere in the logs');
      assert.equal(t.logs().includes(GOOD_PASSWORD), false);
    });

    test('GET /api/v1/dev/mailbox lists recent messages with their links, for admins only', async () => {
      const admin = await makeUser(t, { role: 'admin' });
      const customer = await makeUser(t);
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/dev/mailbox?to=${encodeURIComponent(email)}`,
        token: admin.token,
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.items.length, 2);
      const verification = res.body.items.find((m: any) => m.subject === 'Confirm your email address');
      assert.match(verification.links[0], /\/verify-email\?token=/);
      const verify = await t.request({
        method: 'POST',
        url: '/api/v1/auth/verify-email',
        payload: { token: new URL(verification.links[0]).searchParams.get('token') },
      });
      assert.equal(verify.status, 204);
      const files = res.body.items.find((m: any) => m.subject.startsWith('Your tickets'));
      // The tickets, the receipt (finance numbers it) and one QR image per seat.
      const names = files.attachments.map((a: any) => a.filename);
      assert.equal(names.length, 3);
      assert.equal(names[0], 'tickets.pdf');
      assert.match(names[1], /^receipt-.+\.pdf$/);
      assert.equal(names[2], 'ticket-A1.png');
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/dev/mailbox', token: customer.token })).status, 403);
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/dev/mailbox' })).status, 401);
    });
  });

  describe(`mail outbox clean-up on ${backend.name}`, () => {
    test('delivered mail is deleted after 30 days, mail not sent yet never', async () => {
      const t = await startTestApp(backend);
      try {
        const db = t.app.platform.database.db;
        await registerUser(t, { email: 'sent@example.test' });
        await deliverMail(t);
        t.clock.advance(29 * 24 * 3600_000);
        // A message its job has stored but not sent yet (its retry is a year away).
        await db
          .insertInto('mail_outbox')
          .values({
            key: 'test:unsent',
            recipient: 'queued@example.test',
            subject: 'Old',
            text_body: 'x',
            html_body: '<p>x</p>',
            created_at: t.clock.now(),
          })
          .execute();
        await t.app.runJobsOnce();
        assert.equal((await db.selectFrom('mail_outbox').select('id').execute()).length, 2);
        t.clock.advance(2 * 24 * 3600_000);
        await t.app.runJobsOnce();
        const left = await db.selectFrom('mail_outbox').select('recipient').execute();
        assert.deepEqual(
          left.map((r) => r.recipient),
          ['queued@example.test'],
        );
      } finally {
        await t.close();
      }
    });
  });

  describe(`no dev mailbox API with SMTP configured on ${backend.name}`, () => {
    test('GET /api/v1/dev/mailbox is 404 when SMTP_URL is set', async () => {
      const receiver = await startSmtpReceiver();
      const t = await startTestApp(backend, { env: { SMTP_URL: receiver.url } });
      try {
        const admin = await makeUser(t, { role: 'admin' });
        assert.equal((await t.request({ method: 'GET', url: '/api/v1/dev/mailbox', token: admin.token })).status, 404);
      } finally {
        await t.close();
        await receiver.close();
      }
    });
  });
}
