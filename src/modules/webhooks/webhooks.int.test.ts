// Webhooks out through HTTP with a real receiver (node:http): a paid booking arrives once, signed as
// Standard Webhooks prescribes (checked with the standardwebhooks library); a failing receiver is
// retried on the schedule (the clock moves, nothing waits); a delivery is redelivered by hand; an
// endpoint failing every attempt for three days is disabled and admins are mailed. Answers a
// database would refuse (NUL) are stored cleaned, and a redeliver never undoes a success.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { buy, CARDS, hold, pay } from '../../../test/payments/payment-helpers.ts';
import { mailsTo } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.ts';
import { RETRY_DELAYS_MS, RETRY_WINDOW_MS } from './delivery-schedule.ts';

for (const backend of backends()) {
  describe(`webhooks out on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let receiver: WebhookReceiver;
    before(async () => {
      // The receiver listens on loopback: the allowlist opens just that address.
      t = await startTestApp(backend, { env: { WEBHOOK_ALLOWED_TARGETS: '127.0.0.1/32' } });
      admin = await makeUser(t, { role: 'admin' });
      receiver = await startWebhookReceiver();
    });
    after(async () => {
      await receiver.close();
      await t.close();
    });

    const register = async (eventTypes: string[], url = receiver.url) => {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/webhook-endpoints',
        token: admin.token,
        payload: { url, eventTypes, description: 'box office sync' },
      });
      assert.equal(res.status, 201, res.text);
      return res.body as { id: string; secret: string };
    };
    const deliveries = async (endpointId: string) => {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/webhook-endpoints/${endpointId}/deliveries`,
        token: admin.token,
      });
      assert.equal(res.status, 200, res.text);
      return res.body.items as any[];
    };
    const ping = async (endpointId: string) => {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/webhook-endpoints/${endpointId}/test`,
        token: admin.token,
      });
      assert.equal(res.status, 202, res.text);
      return res.body as { id: string };
    };
    /** Runs jobs until the receiver has `n` requests. */
    const receivedAll = (n: number) =>
      eventually(
        async () => {
          await t.app.runJobsOnce();
          return receiver.received.length >= n;
        },
        30_000,
        25,
        `${n} webhook requests`,
      );
    /** A signature checked as a receiver would, at the time the request names (the test clock moves). */
    const signedBy = (secret: string, r: { headers: Record<string, string>; body: string }) =>
      new Webhook(secret).sign(
        r.headers['webhook-id'] as string,
        new Date(Number(r.headers['webhook-timestamp']) * 1000),
        r.body,
      ) === r.headers['webhook-signature'];

    test('a paid booking is delivered once, signed; endpoints that did not choose its type get nothing', async () => {
      const endpoint = await register(['booking.confirmed']);
      const other = await register(['showtime.cancelled']);
      const s = await makeShowtime(t);
      const customer = await makeUser(t);
      const paid = await buy(t, customer, s.showtimeId, [s.seat('A', 1).id]);
      const bookingId = paid.booking?.id ?? paid.bookingId ?? paid.id;
      await receivedAll(1);
      const [got] = receiver.received;
      // The library's own check: headers, signature with the endpoint's secret, and a fresh timestamp.
      const message = new Webhook(endpoint.secret).verify(got!.body, got!.headers) as any;
      assert.equal(message.type, 'booking.confirmed');
      assert.equal(message.data.bookingId, bookingId);
      assert.equal(message.data.showtimeId, s.showtimeId);
      assert.equal(message.data.userId, undefined, 'no account ids leave the box office');
      // More rounds of every job: nothing is sent twice.
      await t.app.runJobsOnce();
      await t.app.runJobsOnce();
      assert.equal(receiver.received.length, 1);
      const [d, ...more] = await deliveries(endpoint.id);
      assert.equal(more.length, 0);
      assert.equal(d.status, 'succeeded');
      assert.equal(d.id, got!.headers['webhook-id']);
      assert.equal(d.attemptLog.length, 1);
      assert.equal(d.attemptLog[0].statusCode, 200);
      assert.equal(d.attemptLog[0].response, 'ok');
      assert.deepEqual(await deliveries(other.id), []);
    });

    test('a declined card is delivered as payment.failed with its reason', async () => {
      const endpoint = await register(['payment.failed']);
      const s = await makeShowtime(t);
      const customer = await makeUser(t);
      const booking = await hold(t, customer, s.showtimeId, [s.seat('B', 1).id]);
      const before = receiver.received.length;
      assert.equal((await pay(t, customer, booking.id, { number: CARDS.declined })).status, 402);
      await receivedAll(before + 1);
      const got = receiver.received.at(-1)!;
      const message = new Webhook(endpoint.secret).verify(got.body, got.headers) as any;
      assert.equal(message.type, 'payment.failed');
      assert.equal(message.data.bookingId, booking.id);
      assert.equal(message.data.reason, 'card_declined');
    });

    test('a failing receiver is retried on the schedule until it answers 2xx; answers are kept bounded', async () => {
      const endpoint = await register(['booking.confirmed']);
      const before = receiver.received.length;
      receiver.answer(500, 'x'.repeat(5000));
      const { id } = await ping(endpoint.id);
      await receivedAll(before + 1);
      let [d] = await deliveries(endpoint.id);
      assert.equal(d.status, 'pending');
      const first = new Date(d.attemptLog[0].startedAt).getTime();
      assert.equal(new Date(d.nextAttemptAt).getTime() - first, RETRY_DELAYS_MS[0]);
      assert.equal(d.attemptLog[0].response.length, 1024);
      // Not due yet: nothing more is sent however often the jobs run.
      await t.app.runJobsOnce();
      assert.equal(receiver.received.length, before + 1);
      t.clock.advance(RETRY_DELAYS_MS[0]!);
      await receivedAll(before + 2);
      [d] = await deliveries(endpoint.id);
      assert.equal(
        new Date(d.nextAttemptAt).getTime() - new Date(d.attemptLog[1].startedAt).getTime(),
        RETRY_DELAYS_MS[1],
      );
      receiver.answer(204);
      t.clock.advance(RETRY_DELAYS_MS[1]!);
      await receivedAll(before + 3);
      [d] = await deliveries(endpoint.id);
      assert.equal(d.id, id);
      assert.equal(d.status, 'succeeded');
      assert.equal(d.nextAttemptAt, null);
      assert.deepEqual(
        d.attemptLog.map((a: any) => [a.attempt, a.statusCode, a.succeeded]),
        [
          [1, 500, false],
          [2, 500, false],
          [3, 204, true],
        ],
      );
      // Every attempt is the same message (id and body), each signed for its own timestamp.
      const attempts = receiver.received.slice(before);
      for (const r of attempts) {
        assert.equal(r.headers['webhook-id'], id);
        assert.equal(r.body, attempts[0]!.body);
        assert.ok(signedBy(endpoint.secret, r));
      }
      assert.equal(JSON.parse(attempts[0]!.body).type, 'webhook.test');
      const e = await t.request({ method: 'GET', url: `/api/v1/webhook-endpoints/${endpoint.id}`, token: admin.token });
      assert.equal(e.body.consecutiveFailures, 0);
      assert.equal(e.body.failingSince, null);
    });

    test('redeliver sends a delivery once more, signed with the rotated secret', async () => {
      receiver.answer(200, 'ok');
      const endpoint = await register(['booking.confirmed']);
      const { id } = await ping(endpoint.id);
      const before = receiver.received.length;
      await receivedAll(before + 1);
      const rotated = await t.request({
        method: 'POST',
        url: `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
        token: admin.token,
      });
      assert.equal(rotated.status, 200);
      assert.match(rotated.body.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      assert.notEqual(rotated.body.secret, endpoint.secret);
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/webhook-deliveries/${id}/redeliver`,
        token: admin.token,
      });
      assert.equal(res.status, 202, res.text);
      await receivedAll(before + 2);
      const again = receiver.received.at(-1)!;
      assert.equal(again.headers['webhook-id'], id);
      assert.ok(signedBy(rotated.body.secret, again));
      assert.ok(!signedBy(endpoint.secret, again));
      const [d] = await deliveries(endpoint.id);
      assert.deepEqual(
        d.attemptLog.map((a: any) => a.manual),
        [false, true],
      );
      const unknown = await t.request({
        method: 'POST',
        url: '/api/v1/webhook-deliveries/00000000-0000-4000-8000-000000000000/redeliver',
        token: admin.token,
      });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.headers['content-type'], 'application/problem+json; charset=utf-8');
    });

    test('an answer with a NUL byte is recorded without it', async () => {
      receiver.answer(200, 'ok\u0000done');
      const endpoint = await register(['booking.confirmed']);
      await ping(endpoint.id);
      let d: any;
      await eventually(async () => {
        await t.app.runJobsOnce();
        [d] = await deliveries(endpoint.id);
        return d?.status !== 'pending';
      });
      assert.equal(d.status, 'succeeded');
      assert.equal(d.attemptLog[0].response, 'okdone');
    });

    test('a failed redeliver never undoes a success the schedule recorded meanwhile', async () => {
      receiver.answer(500, 'down');
      const endpoint = await register(['booking.confirmed']);
      const { id } = await ping(endpoint.id);
      const before = receiver.received.length;
      await receivedAll(before + 1);
      const redeliver = await t.request({
        method: 'POST',
        url: `/api/v1/webhook-deliveries/${id}/redeliver`,
        token: admin.token,
      });
      assert.equal(redeliver.status, 202, redeliver.text);
      // While the redeliver waits for its answer, the scheduled attempt succeeds.
      receiver.whileAnswering(async () => {
        await t.app.platform.database.db
          .updateTable('webhook_deliveries')
          .set({ status: 'succeeded', next_attempt_at: null })
          .where('id', '=', id)
          .execute();
      });
      await receivedAll(before + 2);
      let d: any;
      await eventually(async () => {
        [d] = await deliveries(endpoint.id);
        return d.attemptLog.length === 2;
      });
      assert.equal(d.status, 'succeeded');
      assert.equal(d.nextAttemptAt, null);
      assert.deepEqual(
        d.attemptLog.map((a: any) => [a.manual, a.succeeded]),
        [
          [false, false],
          [true, false],
        ],
      );
    });

    test('endpoints: admins only, event types from the list, secret shown, changes and deletion', async () => {
      const staff = await makeUser(t, { role: 'staff' });
      const forbidden = await t.request({ method: 'GET', url: '/api/v1/webhook-endpoints', token: staff.token });
      assert.equal(forbidden.status, 403);
      const types = await t.request({ method: 'GET', url: '/api/v1/webhook-event-types', token: admin.token });
      assert.ok(types.body.items.some((x: any) => x.type === 'payment.failed'));
      const bad = await t.request({
        method: 'POST',
        url: '/api/v1/webhook-endpoints',
        token: admin.token,
        payload: { url: receiver.url, eventTypes: ['booking.eaten'] },
      });
      assert.equal(bad.status, 422);
      const created = await register(['booking.confirmed', 'booking.confirmed', 'showtime.changed']);
      const secret = await t.request({
        method: 'GET',
        url: `/api/v1/webhook-endpoints/${created.id}/secret`,
        token: admin.token,
      });
      assert.equal(secret.body.secret, created.secret);
      const changed = await t.request({
        method: 'PATCH',
        url: `/api/v1/webhook-endpoints/${created.id}`,
        token: admin.token,
        payload: { enabled: false, description: 'paused' },
      });
      assert.equal(changed.status, 200, changed.text);
      assert.deepEqual(changed.body.eventTypes, ['booking.confirmed', 'showtime.changed']);
      assert.equal(changed.body.disabledReason, 'manual');
      const pingDisabled = await t.request({
        method: 'POST',
        url: `/api/v1/webhook-endpoints/${created.id}/test`,
        token: admin.token,
      });
      assert.equal(pingDisabled.status, 409);
      assert.equal(pingDisabled.body.code, 'webhook_endpoint_disabled');
      const gone = await t.request({
        method: 'DELETE',
        url: `/api/v1/webhook-endpoints/${created.id}`,
        token: admin.token,
      });
      assert.equal(gone.status, 204);
      const after = await t.request({
        method: 'GET',
        url: `/api/v1/webhook-endpoints/${created.id}`,
        token: admin.token,
      });
      assert.equal(after.status, 404);
    });

    // Last: it moves the clock three days on.
    test('an endpoint failing every attempt for three days is disabled and admins get an email', async () => {
      receiver.answer(503, 'maintenance');
      const endpoint = await register(['booking.confirmed']);
      // The first answer is slow: the streak's stamp falls after the event, and the last attempt, on
      // the three days exactly, must still disable the endpoint.
      receiver.whileAnswering(() => t.clock.advance(3_000));
      const { id } = await ping(endpoint.id);
      const row = () =>
        t.app.platform.database.db
          .selectFrom('webhook_deliveries')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      const start = receiver.received.length;
      await receivedAll(start + 1);
      // Each retry as it falls due: the clock is set to it and the queue runs it.
      for (let n = 2; (await row()).next_attempt_at && n < 30; n++) {
        t.clock.set((await row()).next_attempt_at!);
        await receivedAll(start + n);
      }
      const [d] = await deliveries(endpoint.id);
      assert.equal(d.status, 'failed');
      const times = d.attemptLog.map((a: any) => new Date(a.startedAt).getTime());
      const gaps = times.slice(1).map((at: number, i: number) => at - times[i]);
      assert.deepEqual(gaps.slice(0, RETRY_DELAYS_MS.length), RETRY_DELAYS_MS);
      assert.equal(times.at(-1) - times[0], RETRY_WINDOW_MS, 'the last attempt falls on the three days');
      assert.equal(d.attemptLog.length, 13);
      const e = await t.request({ method: 'GET', url: `/api/v1/webhook-endpoints/${endpoint.id}`, token: admin.token });
      assert.equal(e.body.enabled, false);
      assert.equal(e.body.disabledReason, 'failing');
      const mail = await mailsTo(t, admin.email);
      assert.ok(
        mail.some((m) => m.subject === 'A webhook endpoint was disabled' && m.text_body.includes(receiver.url)),
        'the admin is mailed',
      );
      // Enabled again by an admin: a fresh count.
      const on = await t.request({
        method: 'PATCH',
        url: `/api/v1/webhook-endpoints/${endpoint.id}`,
        token: admin.token,
        payload: { enabled: true },
      });
      assert.equal(on.body.enabled, true);
      assert.equal(on.body.consecutiveFailures, 0);
    });

    // After the three days' test: it moves the clock a month on.
    test('finished deliveries and their attempts are deleted after the retention days', async () => {
      receiver.answer(200, 'ok');
      const endpoint = await register(['booking.confirmed']);
      const { id } = await ping(endpoint.id);
      await eventually(async () => {
        await t.app.runJobsOnce();
        return (await deliveries(endpoint.id))[0]?.status === 'succeeded';
      });
      // Read from the tables: a month on, the admin's session has ended.
      const { db } = t.app.platform.database;
      const left = async () => [
        (await db.selectFrom('webhook_deliveries').select('id').where('id', '=', id).execute()).length,
        (await db.selectFrom('webhook_attempts').select('id').where('delivery_id', '=', id).execute()).length,
      ];
      t.clock.advance(30 * 24 * 3600_000 - 60_000);
      await t.app.runJobsOnce();
      assert.deepEqual(await left(), [1, 1], 'kept until the 30 days are over');
      t.clock.advance(120_000);
      await t.app.runJobsOnce();
      assert.deepEqual(await left(), [0, 0]);
    });
  });
}
