// A flood of slow searches (random text, so no cache helps) must not slow every other route of the
// process: searches get a few slots per process and a short line, the rest are refused at once
// (503 server_busy, or 429 for one address with too many) with Retry-After. The searches are made
// slow for sure by a transaction holding a lock on the search dictionary; without the cap they take
// every pooled connection and a plain catalog read waits behind them. Real PostgreSQL only (PGlite
// runs one statement at a time, so there is no pool to exhaust).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { realPostgres } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startTestApp, type TestApp, type TestResponse } from '../../../test/support/test-app.ts';

const FLOOD = 100;
const ACTIVE = 2;
const QUEUED = 4;
const PER_CLIENT = 3;
/** The line's wait (SEARCH_MAX_WAIT_MS), not the default, so the test shows the setting is the one used. */
const WAIT_MS = 3000;

/** The answer, or null if it has not come within `ms` (a generous bound: only a stuck request misses it). */
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<null>((r) => setTimeout(() => r(null), ms))]);

for (const backend of realPostgres()) {
  describe('a search flood on postgres', () => {
    let t: TestApp;
    let raw: pg.Client;
    before(async () => {
      t = await startTestApp(backend, {
        env: {
          SEARCH_MAX_CONCURRENT: String(ACTIVE),
          SEARCH_MAX_QUEUED: String(QUEUED),
          SEARCH_MAX_PER_CLIENT: String(PER_CLIENT),
          SEARCH_MAX_WAIT_MS: String(WAIT_MS),
          DATABASE_POOL_SIZE: '10',
        },
      });
      raw = new pg.Client({ connectionString: t.databaseUrl });
      await raw.connect();
    });
    after(async () => {
      await raw.end();
      await t.close();
    });

    const search = (address: string) =>
      t.request({
        method: 'GET',
        url: `/api/v1/movies?q=${randomBytes(45).toString('hex')}%20${randomBytes(45).toString('hex')}`,
        remoteAddress: address,
      });
    const lockWaiters = async () => {
      // Inside the lock's transaction: statistics are a snapshot per transaction unless cleared.
      await raw.query('select pg_stat_clear_snapshot()');
      return Number(
        (
          await raw.query(
            `select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          )
        ).rows[0].count,
      );
    };
    /** Runs `fn` while every search that reaches the database waits on a lock of the search dictionary. */
    const whileSearchesHang = async <T>(fn: () => Promise<T>): Promise<T> => {
      await raw.query('begin');
      await raw.query('lock table search_words in access exclusive mode');
      try {
        return await fn();
      } finally {
        await raw.query('rollback');
      }
    };

    test('a search answered from the cache never waits for a slot', async () => {
      const cached = { method: 'GET' as const, url: '/api/v1/movies?q=harbour', remoteAddress: '10.9.0.1' };
      assert.equal((await t.request(cached)).status, 200);
      await whileSearchesHang(async () => {
        const hanging = Array.from({ length: ACTIVE + QUEUED }, (_, i) => search(`10.2.0.${i + 1}`));
        await eventually(async () => (await lockWaiters()) >= ACTIVE, 30_000, 25, 'every slot taken');
        const again = await within(t.request(cached), 20_000);
        assert.equal(again?.status, 200, again?.text ?? 'no answer');
        return hanging;
      }).then((hanging) => Promise.all(hanging));
    });

    test('other routes still answer, and searches past the cap are refused at once rather than piling up', async (ctx) => {
      const answers: TestResponse[] = [];
      let answeredBeforeTheWait = 0;
      const flood = await whileSearchesHang(async () => {
        const sent = performance.now();
        const all = Array.from({ length: FLOOD }, (_, i) =>
          search(`10.1.${Math.floor(i / 250)}.${i % 250}`).then((r) => {
            if (performance.now() - sent < WAIT_MS) answeredBeforeTheWait++;
            answers.push(r);
            return r;
          }),
        );
        await eventually(async () => (await lockWaiters()) >= ACTIVE, 30_000, 25, 'searches waiting on the lock');
        // The process is otherwise free: a catalog read that needs the database, health and readiness.
        const started = performance.now();
        const read = await within(
          t.request({ method: 'GET', url: `/api/v1/cinemas?city=Nowhere-${randomBytes(4).toString('hex')}` }),
          20_000,
        );
        assert.ok(read, 'a catalog read waited behind the flooded searches');
        ctx.diagnostic(
          `a catalog read during the flood answered ${read.status} in ${Math.round(performance.now() - started)} ms`,
        );
        assert.equal(read.status, 200, read.text);
        assert.equal((await t.request({ method: 'GET', url: '/healthz' })).status, 200);
        assert.equal((await within(t.request({ method: 'GET', url: '/readyz' }), 20_000))?.status, 200);
        // Everything past the slots and the line is answered without waiting for the lock.
        await eventually(() => answers.length >= FLOOD - ACTIVE - QUEUED, 30_000, 25, 'the overflow refused');
        const refused = answers.filter((a) => a.status === 503);
        assert.ok(refused.length >= FLOOD - ACTIVE - QUEUED, JSON.stringify(answers.map((a) => a.status)));
        for (const r of refused) {
          assert.equal(r.body.code, 'server_busy');
          assert.ok(Number(r.headers['retry-after']) >= 1);
        }
        assert.equal(await lockWaiters(), ACTIVE, 'no more searches reach the database than there are slots');
        // The line gives up after its wait (WAIT_MS) with 503 too, and no sooner; the two running searches stay.
        await eventually(() => answers.length >= FLOOD - ACTIVE, 30_000, 25, 'the line timed out');
        assert.ok(
          answeredBeforeTheWait <= FLOOD - ACTIVE - QUEUED,
          `${answeredBeforeTheWait} answered before SEARCH_MAX_WAIT_MS`,
        );
        return all;
      });
      const done = await Promise.all(flood);
      assert.equal(
        done.filter((a) => a.status === 200).length,
        ACTIVE,
        'the searches that had a slot finished once the lock went',
      );
      assert.deepEqual([...new Set(done.map((a) => a.status))].sort(), [200, 503]);
      // Once the flood is over, searching works again.
      assert.equal((await search('10.2.0.1')).status, 200);
    });

    /** Sends PER_CLIENT + 3 searches from `mine(i)` while searches hang, then one from `other`; 3 of mine must be refused. */
    const shareOfOneClient = async (mine: (i: number) => string, other: string) => {
      const flood = await whileSearchesHang(async () => {
        const ours = Array.from({ length: PER_CLIENT + 3 }, (_, i) => search(mine(i)));
        const answers: TestResponse[] = [];
        for (const p of ours) void p.then((r) => answers.push(r));
        await eventually(() => answers.length >= 3, 30_000, 25, 'the extra searches refused');
        for (const r of answers) {
          assert.equal(r.status, 429);
          assert.equal(r.body.code, 'rate_limited');
          assert.ok(r.headers['retry-after']);
        }
        // Another client still gets a slot.
        return [...ours, search(other)];
      });
      const statuses = (await Promise.all(flood)).map((a) => a.status);
      assert.equal(statuses.filter((s) => s === 429).length, 3, JSON.stringify(statuses));
      assert.equal(
        statuses.filter((s) => s === 429 || s === 200 || s === 503).length,
        statuses.length,
        JSON.stringify(statuses),
      );
      assert.equal(statuses.at(-1), 200, 'the other client was not refused');
    };

    test('one client address gets at most its share: more of its searches are 429 rate_limited', async () => {
      await shareOfOneClient(() => '10.3.0.1', '10.3.0.2');
    });

    test('an IPv6 client is its /64: searches from many of its addresses share one share', async () => {
      await shareOfOneClient((i) => `2001:db8:3:1::${(i + 1).toString(16)}`, '2001:db8:3:2::1');
    });
  });
}
