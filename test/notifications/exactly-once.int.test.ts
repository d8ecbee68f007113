// A confirmation email goes out exactly once however the process making it dies. Real server
// processes on PostgreSQL (and NATS when configured) are killed with -9 at two moments:
//   - in the mail job, while the SMTP server holds its answer to the message's DATA: the next process
//     sends the message stored by the first (same Message-ID), and the server accepts one;
//   - in the event consumer, after it marked the event processed, while it waits to write its mail
//     job (the test holds an uncommitted job under the same key): nothing of it commits, the event
//     is delivered again (NATS after NATS_ACK_WAIT_MS, the in-process bus when the lease of its queue
//     job lapses) and the next process makes the one email.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { sql } from 'kysely';
import { startServer, type ServerProcess } from '../crowd/server-process.ts';
import { MAIL_QUEUE } from '../../src/modules/notifications/notifications.module.ts';
import { card } from '../payments/payment-helpers.ts';
import { realPostgres, services } from '../support/backends.ts';
import { makeShowtime, type TestShowtime } from '../support/catalog-factories.ts';
import { eventually } from '../support/eventually.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { deleteStream } from '../support/nats.ts';
import { type Received, type SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver.ts';
import { newNamespace, startOnDatabase, type TestApp } from '../support/test-app.ts';

const messageId = (m: Received) => /^Message-ID:\s*(<[^>]+>)/im.exec(m.raw)?.[1];

for (const backend of realPostgres()) {
  describe('a confirmation email survives kill -9 exactly once, on PostgreSQL', () => {
    let created: Awaited<ReturnType<typeof backend.create>>;
    let t: TestApp;
    let receiver: SmtpReceiver;
    let show: TestShowtime;
    let stalled: TestUser;
    let refuseStalled = () => {};
    const namespace = newNamespace();
    const servers: ServerProcess[] = [];
    const env: Record<string, string> = { NATS_ACK_WAIT_MS: '2000', MAIL_FROM: 'tickets@marquee.test' };

    /** A server process; its database sessions carry `name` as application_name (pg_stat_activity). */
    const start = async (name = 'marquee') => {
      const url = new URL(created.url as string);
      url.searchParams.set('application_name', name);
      const server = await startServer({ databaseUrl: url.toString(), namespace, env });
      servers.push(server);
      return server;
    };
    const confirmationsTo = (email: string) =>
      receiver.messages.filter((m) => m.to.includes(email) && /^Subject: Your tickets/m.test(m.raw));
    /** A process that died was running jobs under leases it will never renew: let them lapse now. */
    const lapseLeases = () =>
      sql`update jobs set locked_until = now() - interval '1 second' where state = 'running'`.execute(
        t.app.platform.database.db,
      );
    const buy = async (server: ServerProcess, user: TestUser, seat: string) => {
      const call = async (path: string, body: unknown) => {
        const res = await fetch(`${server.base}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as any };
      };
      const held = await call('/api/v1/bookings', { showtimeId: show.showtimeId, seatIds: [seat] });
      assert.equal(held.status, 201, JSON.stringify(held.body));
      const paid = await call(`/api/v1/bookings/${held.body.id}/payments`, { card: card() });
      assert.equal(paid.status, 201, JSON.stringify(paid.body));
      return held.body.id as string;
    };

    before(async () => {
      created = await backend.create();
      // Factories only: no NATS or Redis, no jobs, so it never takes part in what the servers do.
      t = await startOnDatabase(created.database, created.url, { namespace, useServices: false });
      show = await makeShowtime(t);
      stalled = await makeUser(t);
      // The SMTP server holds its answer to the first message to `stalled` until the test refuses it.
      const first = new Promise<void>((_, reject) => (refuseStalled = () => reject(new Error('refused'))));
      first.catch(() => {});
      let held = false;
      receiver = await startSmtpReceiver(0, {
        gate: (to) => {
          if (held || !to.includes(stalled.email)) return undefined;
          held = true;
          return first;
        },
      });
      env.SMTP_URL = receiver.url;
    });
    after(async () => {
      refuseStalled();
      for (const s of servers) await s.stop();
      await t.close();
      await receiver.close();
      if (services.natsUrl) await deleteStream(services.natsUrl, t.config.natsStream);
      await created.drop();
    });

    test(
      'killed while the SMTP server holds the answer: the next process sends the stored message, once',
      { timeout: 120_000 },
      async () => {
        const first = await start();
        const bookingId = await buy(first, stalled, show.seat('A', 1).id);
        await eventually(
          () => confirmationsTo(stalled.email).length === 1,
          60_000,
          50,
          'the confirmation reached SMTP',
        );
        const [attempt] = confirmationsTo(stalled.email);
        assert.equal(attempt?.accepted, false, 'held: the server has not answered');
        await first.kill9();
        // The server never says OK to the connection that died: that message is not delivered.
        refuseStalled();
        await lapseLeases();
        await start();
        await eventually(
          () => confirmationsTo(stalled.email).some((m) => m.accepted),
          60_000,
          50,
          'the confirmation delivered by the next process',
        );
        const delivered = confirmationsTo(stalled.email).filter((m) => m.accepted);
        assert.equal(delivered.length, 1, 'exactly one confirmation delivered');
        assert.equal(
          messageId(delivered[0] as Received),
          messageId(attempt as Received),
          'the same message, not a new one',
        );
        assert.ok(delivered[0]?.raw.replace(/=\r?\n/g, '').includes(`/bookings/${bookingId}`), 'its booking');
        const rows = () =>
          t.app.platform.database.db
            .selectFrom('mail_outbox')
            .select(['sent_at', 'attempts'])
            .where('recipient', '=', stalled.email)
            .execute();
        // Marked sent right after the server's OK, by the process that sent it.
        await eventually(async () => (await rows())[0]?.sent_at != null, 30_000, 50, 'the message marked sent');
        assert.equal((await rows()).length, 1, 'composed and stored once');
      },
    );

    test(
      'killed after marking the event processed, at its mail job: delivered again, one email',
      { timeout: 120_000 },
      async () => {
        const customer = await makeUser(t);
        const db = t.app.platform.database.db;
        // One process handles the event: the victim, named so that its sessions can be told apart.
        for (const s of servers.filter((x) => x.child.exitCode === null && x.child.signalCode === null)) await s.stop();
        const victim = await start('victim');
        // Every consumer waits before marking its event while the test learns the event's id …
        const gate = new pg.Client({ connectionString: created.url });
        // … and then the victim's, having marked it, waits to write its mail job under this key.
        const hold = new pg.Client({ connectionString: created.url });
        await Promise.all([gate.connect(), hold.connect()]);
        let bookingId: string | undefined;
        try {
          await gate.query('begin');
          await gate.query('lock table processed_events in share mode');
          bookingId = await buy(victim, customer, show.seat('A', 2).id);
          const event = await db
            .selectFrom('outbox_events')
            .select('id')
            .where('type', '=', 'booking.confirmed')
            .where('aggregate_id', '=', bookingId)
            .executeTakeFirstOrThrow();
          await hold.query('begin');
          await hold.query(
            `insert into jobs (queue, payload, max_attempts, run_at, key, created_at, updated_at)
             values ($1, '{}', 1, now(), $2, now(), now())`,
            [MAIL_QUEUE, `notifications.booking-confirmed:${event.id}`],
          );
          const holder = (await hold.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
          await gate.query('rollback');
          // Asked outside both transactions (one sees pg_stat_activity as it was when it began).
          await eventually(
            async () => {
              const waiting = await sql<{ application_name: string; query: string }>`
                select application_name, query from pg_stat_activity
                where ${holder}::int = any(pg_blocking_pids(pid))`.execute(db);
              return (
                waiting.rows.length === 1 &&
                waiting.rows[0]?.application_name === 'victim' &&
                /insert into "jobs"/i.test(waiting.rows[0]?.query ?? '')
              );
            },
            60_000,
            50,
            "the victim's consumer waiting to write its mail job",
          );
          const marked = await db
            .selectFrom('processed_events')
            .select('event_id')
            .where('event_id', '=', event.id)
            .where('consumer', '=', 'notifications.booking-confirmed')
            .execute();
          assert.equal(marked.length, 0, 'its mark is not committed');
          await victim.kill9();
        } finally {
          await gate.query('rollback').catch(() => {});
          await hold.query('rollback').catch(() => {});
          await Promise.all([gate.end(), hold.end()]);
        }
        await lapseLeases();
        await start();
        await eventually(
          () => confirmationsTo(customer.email).some((m) => m.accepted),
          60_000,
          50,
          'the confirmation delivered after redelivery',
        );
        // Give a duplicate every chance to show up: the jobs and events of this booking are all done.
        await eventually(
          async () =>
            (
              await db
                .selectFrom('jobs')
                .select('id')
                .where('state', '!=', 'dead')
                .where('queue', 'like', '%notifications%')
                .execute()
            ).length === 0,
          60_000,
          50,
          'no notifications work left',
        );
        assert.equal(confirmationsTo(customer.email).length, 1, 'exactly one confirmation');
        const event = await db
          .selectFrom('outbox_events')
          .select('id')
          .where('type', '=', 'booking.confirmed')
          .where('aggregate_id', '=', bookingId as string)
          .executeTakeFirstOrThrow();
        const marks = await db
          .selectFrom('processed_events')
          .select('consumer')
          .where('event_id', '=', event.id)
          .where('consumer', '=', 'notifications.booking-confirmed')
          .execute();
        assert.equal(marks.length, 1, 'handled by the consumer once, by the process that lived');
      },
    );
  });
}
