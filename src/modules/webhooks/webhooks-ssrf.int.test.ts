// Server-side request forgery through HTTP, with no allowance configured: targets inside the network
// are refused when an endpoint is saved (literal, encoded and resolved forms), and again when a
// delivery is made, so an endpoint saved under an allowance since withdrawn, or a name that resolves
// inside the network since, never reaches inside.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.ts';
import { newSecret } from './endpoints.service.ts';
import { systemResolve } from './target-guard.ts';

for (const backend of backends()) {
  describe(`webhook targets inside the network on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let receiver: WebhookReceiver;
    before(async () => {
      // hooks.example.test answers loopback, as a rebinding attacker's name would.
      t = await startTestApp(backend, {
        webhookResolve: (host) =>
          host === 'hooks.example.test' ? Promise.resolve([{ address: '127.0.0.1', family: 4 }]) : systemResolve(host),
      });
      admin = await makeUser(t, { role: 'admin' });
      receiver = await startWebhookReceiver();
    });
    after(async () => {
      await receiver.close();
      await t.close();
    });

    test('refused at registration: loopback, private, mapped, encoded, resolved, metadata; only http(s)', async () => {
      const refused = [
        receiver.url,
        'http://[::1]:8080/hooks',
        'http://10.0.0.7/hooks',
        'http://[::ffff:127.0.0.1]/hooks',
        'http://localhost:9/hooks',
        'http://2130706433/hooks',
        'http://0x7f000001/hooks',
        'http://169.254.169.254/latest/meta-data/',
        'http://100.64.1.1/',
        'http://[fd12::1]/',
        'ftp://hooks.example.com/',
        'https://user:secret@hooks.example.com/',
      ];
      for (const url of refused) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/webhook-endpoints',
          token: admin.token,
          payload: { url, eventTypes: ['booking.confirmed'] },
        });
        assert.equal(res.status, 422, `${url}: ${res.text}`);
        assert.equal(res.body.code, 'webhook_target_refused', url);
        assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      }
      const list = await t.request({ method: 'GET', url: '/api/v1/webhook-endpoints', token: admin.token });
      assert.deepEqual(list.body.items, []);
    });

    /** Saves an endpoint as is (no check), pings it, and returns its first attempt once logged. */
    const pingSaved = async (url: string) => {
      const id = randomUUID();
      const now = t.clock.now();
      await t.app.platform.database.db
        .insertInto('webhook_endpoints')
        .values({ id, url, event_types: ['booking.confirmed'], secret: newSecret(), created_at: now, updated_at: now })
        .execute();
      const ping = await t.request({ method: 'POST', url: `/api/v1/webhook-endpoints/${id}/test`, token: admin.token });
      assert.equal(ping.status, 202, ping.text);
      let attempt: any;
      await eventually(async () => {
        await t.app.runJobsOnce();
        const res = await t.request({
          method: 'GET',
          url: `/api/v1/webhook-endpoints/${id}/deliveries`,
          token: admin.token,
        });
        attempt = res.body.items[0]?.attemptLog[0];
        return attempt !== undefined;
      });
      assert.equal(attempt.succeeded, false);
      assert.equal(attempt.statusCode, null);
      assert.equal(receiver.received.length, 0);
      return attempt as { error: string };
    };

    test('refused at delivery: an endpoint saved under a withdrawn allowance reaches nothing', async () => {
      // As saved while WEBHOOK_ALLOW_PRIVATE_TARGETS was on; this app runs without it.
      const attempt = await pingSaved(receiver.url);
      assert.match(attempt.error, /inside the network/);
    });

    test('refused at delivery: a host name resolving inside the network, on the real request path', async () => {
      // Saved when the name still answered a public address; the request's own lookup refuses it.
      const attempt = await pingSaved(receiver.url.replace('127.0.0.1', 'hooks.example.test'));
      assert.match(attempt.error, /hooks\.example\.test resolves to 127\.0\.0\.1, an address inside the network/);
    });
  });
}
