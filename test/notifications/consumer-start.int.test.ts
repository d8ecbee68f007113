// Notifications' NATS consumers came into service with the upgrade (migration 094 records when, on a
// database that had the previous release). Made later, on a stream that holds older events, they
// start there: an event published before the upgrade is not mailed again (the previous release
// mailed it; on a stream younger than ten minutes the default policy would replay it), and one
// published after the upgrade but before any consumer existed (a process of the previous release, or
// a dispatcher while NATS was away at start-up) is mailed (the default policy would skip it on an
// older stream). The in-process bus needs nothing of this: the outbox feeds it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { connect, nanos, StorageType } from 'nats';
import { migrate } from '../../src/platform/db/migrate.ts';
import { backends, services } from '../support/backends.ts';
import { eventually } from '../support/eventually.ts';
import { deliverMail } from '../support/mail.ts';
import { deleteStream } from '../support/nats.ts';
import { newNamespace, startOnDatabase, type TestApp } from '../support/test-app.ts';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../src/platform/db/migrations');
const CONSUMER = 'notifications.sign-in-alert';

for (const backend of backends()) {
  describe(`notifications' NATS consumers start at the upgrade, on ${backend.name}`, () => {
    const natsUrl = services.natsUrl;
    if (!natsUrl) {
      test('NATS consumers made after the upgrade', { skip: 'NATS_URL is not set' }, () => {});
      return;
    }
    const namespace = newNamespace();
    const stream = `MARQUEE_TEST_${namespace.toUpperCase()}`;
    let t: TestApp | undefined;
    let drop = async () => {};
    let dir = '';
    after(async () => {
      await t?.close();
      await drop();
      await deleteStream(natsUrl, stream);
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    });

    test('an event from before the upgrade is not mailed; one from after it, before the consumer, is', async () => {
      // A database as the previous release's processes use it: every migration before 094.
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'marquee-094-'));
      for (const f of (await fs.readdir(MIGRATIONS)).filter((f) => f < '094'))
        await fs.copyFile(path.join(MIGRATIONS, f), path.join(dir, f));
      const created = await backend.create({ empty: true });
      drop = created.drop;
      await migrate(created.database, dir);
      const db = created.database.db;
      const user = await sql<{ id: string }>`insert into users (email, name, email_verified)
        values ('alerted@example.test', 'Alerted', true) returning id`.execute(db);
      const userId = user.rows[0]?.id as string;

      // The stream, and what was published on it before the upgrade.
      const nc = await connect({ servers: natsUrl });
      const publish = async (id: string) => {
        const event = { id, type: 'account.sign_in_alert', aggregateId: userId, payload: { userId } };
        const data = new TextEncoder().encode(JSON.stringify({ ...event, createdAt: new Date().toISOString() }));
        await nc.jetstream().publish(`${stream}.${event.type}`, data, { msgID: id });
      };
      const before = randomUUID();
      const afterUpgrade = randomUUID();
      try {
        const jsm = await nc.jetstreamManager();
        await jsm.streams.add({
          name: stream,
          subjects: [`${stream}.>`],
          storage: StorageType.File,
          max_age: nanos(7 * 24 * 3600_000),
        });
        await publish(before);
        await migrate(created.database);
        await publish(afterUpgrade);
      } finally {
        await nc.close();
      }

      // The first process of this release makes the consumers.
      t = await startOnDatabase(created.database, created.url, { namespace });
      await eventually(
        async () => {
          await t?.app.runJobsOnce();
          const mark = await db
            .selectFrom('processed_events')
            .select('event_id')
            .where('consumer', '=', CONSUMER)
            .where('event_id', '=', afterUpgrade)
            .executeTakeFirst();
          return mark !== undefined;
        },
        30_000,
        25,
        'the event published after the upgrade handled',
      );
      await deliverMail(t);
      const handled = await db
        .selectFrom('processed_events')
        .select('event_id')
        .where('consumer', '=', CONSUMER)
        .execute();
      assert.deepEqual(
        handled.map((h) => h.event_id),
        [afterUpgrade],
        'the consumer got only what came after the upgrade',
      );
      const mails = await db
        .selectFrom('mail_outbox')
        .select(['key', 'sent_at'])
        .where('user_id', '=', userId)
        .execute();
      assert.deepEqual(
        mails.map((m) => [m.key, m.sent_at !== null]),
        [[`${CONSUMER}:${afterUpgrade}`, true]],
      );
    });
  });
}
