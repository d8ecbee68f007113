// With no SMTP server configured, mail goes to the dev mailbox: .eml files under DATA_DIR/mailbox, a log
// line with subject, recipient and links, and an admin-only read API.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { GOOD_PASSWORD, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { type LoggedApp, startLoggedApp } from '../../../test/support/captured-logs.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { startSmtpReceiver } from '../../../test/support/smtp-receiver.ts';
import { startTestApp } from '../../../test/support/test-app.ts';

for (const backend of backends()) {
  describe(`dev mailbox on ${backend.name}`, () => {
    let t: LoggedApp;
    const email = uniqueEmail('dev');
    before(async () => {
      t = await startLoggedApp(backend, { RATE_LIMIT_PER_MINUTE: '100000' });
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email, password: GOOD_PASSWORD, name: 'Dev Reader' },
      });
      assert.equal(res.status, 201);
      await t.app.platform.database.db.transaction().execute((trx) =>
        t.app.modules.notifications.mail.enqueue(trx, {
          to: email,
          subject: 'With a file',
          text: 'See the file.',
          html: '<p>See the file <img src="cid:logo"></p>',
          attachments: [
            {
              filename: 'note.txt',
              contentType: 'text/plain',
              contentBase64: Buffer.from('hello file').toString('base64'),
            },
            {
              filename: 'logo.png',
              contentType: 'image/png',
              contentBase64: Buffer.from('not really a png').toString('base64'),
              cid: 'logo',
            },
          ],
        }),
      );
      await t.app.runJobsOnce();
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
      assert.match(verification, /^Message-ID: <.+>$/m);
      const withFile = contents.find((c) => c.includes('Subject: With a file'));
      assert.ok(withFile);
      assert.match(withFile, /filename=note\.txt/);
      assert.match(withFile, /Content-ID: <logo>/);
      assert.ok(withFile.includes(Buffer.from('hello file').toString('base64')));
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
      const files = res.body.items.find((m: any) => m.subject === 'With a file');
      assert.deepEqual(
        files.attachments.map((a: any) => a.filename),
        ['note.txt', 'logo.png'],
      );
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/dev/mailbox', token: customer.token })).status, 403);
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/dev/mailbox' })).status, 401);
    });
  });

  describe(`mail outbox clean-up on ${backend.name}`, () => {
    test('delivered mail is deleted after 30 days, queued mail never', async () => {
      const t = await startTestApp(backend);
      try {
        const db = t.app.platform.database.db;
        const queue = (to: string) =>
          db
            .transaction()
            .execute((trx) =>
              t.app.modules.notifications.mail.enqueue(trx, { to, subject: 'Old', text: 'x', html: '<p>x</p>' }),
            );
        await queue('sent@example.test');
        await t.app.runJobsOnce();
        t.clock.advance(29 * 24 * 3600_000);
        await queue('queued@example.test');
        await db
          .updateTable('mail_outbox')
          .set({ next_attempt_at: new Date(t.clock.now().getTime() + 365 * 24 * 3600_000) })
          .where('recipient', '=', 'queued@example.test')
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
