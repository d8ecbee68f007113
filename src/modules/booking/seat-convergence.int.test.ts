// A process that dies between its commit and its publish cannot hide a seat change from the live
// seat maps of other processes: the outbox holds every change with its version, and the dispatcher
// of any process echoes it to every feed. Two apps on one database and one Redis; the first one's
// publishes go nowhere, as if it died right after each commit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EventSourceMessage } from 'eventsource-parser';
import { openSse, type SseClient } from '../../../test/crowd/sse-client.ts';
import { backends, services } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { newNamespace, startOnDatabase, startTestApp, type TestApp } from '../../../test/support/test-app.ts';

/** A seat's status as a client shows it: the last snapshot, then the changes after it, in order. */
function shownStatus(events: EventSourceMessage[], seatId: string): string | undefined {
  let status: string | undefined;
  for (const e of events) {
    if (e.event === 'snapshot')
      status = (JSON.parse(e.data) as { seats: { id: string; status: string }[] }).seats.find(
        (s) => s.id === seatId,
      )?.status;
    if (e.event === 'seats')
      status =
        (JSON.parse(e.data) as { seats: { id: string; status: string }[] }).seats.find((s) => s.id === seatId)
          ?.status ?? status;
  }
  return status;
}

for (const backend of backends()) {
  describe(
    `seat maps converge from the outbox on ${backend.name}`,
    { skip: !services.redisUrl && 'REDIS_URL is not set' },
    () => {
      const namespace = newNamespace();
      let dying: TestApp;
      let other: TestApp;
      let base: string;
      let user: TestUser;
      let s: TestShowtime;
      before(async () => {
        dying = await startTestApp(backend, { namespace, useServices: true, env: { NATS_URL: '' } });
        other = await startOnDatabase(dying.app.platform.database, dying.databaseUrl, {
          namespace,
          clock: dying.clock,
          env: { NATS_URL: '' },
        });
        base = await other.app.http.listen({ port: 0, host: '127.0.0.1' });
        user = await makeUser(dying, { role: 'staff' });
        s = await makeShowtime(dying);
        // Every seat change this process makes is committed and never published.
        dying.app.platform.pubsub.publish = async () => {};
      });
      after(async () => {
        await other.close();
        await dying.close();
      });

      /** Runs the other process's dispatcher until its client shows the seat as `status`. */
      const converges = (c: SseClient, seatId: string, status: string) =>
        eventually(
          async () => {
            await other.app.runJobsOnce();
            return shownStatus(c.events, seatId) === status;
          },
          30_000,
          100,
          `seat shown ${status}`,
        );

      test("holds, releases and sales committed by a process that never told anyone reach another process's clients", async () => {
        const c = await openSse(`${base}/api/v1/showtimes/${s.showtimeId}/seats/events`);
        try {
          await c.next((e) => e.event === 'snapshot');
          const [a1, a2] = [s.seat('A', 1).id, s.seat('A', 2).id];
          const held = await dying.request({
            method: 'POST',
            url: '/api/v1/bookings',
            token: user.token,
            payload: { showtimeId: s.showtimeId, seatIds: [a1] },
          });
          assert.equal(held.status, 201, held.text);
          await converges(c, a1, 'held');

          const released = await dying.request({
            method: 'DELETE',
            url: `/api/v1/bookings/${held.body.id}`,
            token: user.token,
          });
          assert.equal(released.status, 204);
          await converges(c, a1, 'available');

          const paid = await dying.request({
            method: 'POST',
            url: '/api/v1/bookings',
            token: user.token,
            payload: { showtimeId: s.showtimeId, seatIds: [a2] },
          });
          assert.equal(paid.status, 201, paid.text);
          const service = dying.app.modules.booking.service;
          await dying.app.platform.database.db.transaction().execute((trx) => service.confirm(trx, paid.body.id));
          await converges(c, a2, 'sold');

          // Each change went out once with an id: the echo of what the client had was dropped.
          const ids = c.events.filter((e) => e.event === 'seats').map((e) => Number(e.id));
          assert.equal(new Set(ids).size, ids.length);
        } finally {
          await c.close();
        }
      });
    },
  );
}
