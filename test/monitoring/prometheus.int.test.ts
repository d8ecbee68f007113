// A real Prometheus (Debian's /usr/bin/prometheus) scraping a running Marquee: after holds, a sale,
// a declined payment, a refund and a waiting room, every alert and recording rule expression and every
// dashboard query in deploy/ must parse and evaluate, and every metric name it reads must be one
// Marquee exposes (or a recording rule defines). The business counters are checked through
// Prometheus too: what a dashboard would show is what happened.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CARDS, buy, cancel, hold, pay } from '../payments/payment-helpers.ts';
import { oneBackend } from '../support/backends.ts';
import { makeShowtime, type TestShowtime } from '../support/catalog-factories.ts';
import { eventually } from '../support/eventually.ts';
import { makeUser } from '../support/factories.ts';
import { freePort } from '../support/smtp-receiver.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { deployQueries, metricNamesOf, recordedNames, RULE_FILES } from './deploy-queries.ts';

const PROMETHEUS = '/usr/bin/prometheus';
const skip =
  !existsSync(PROMETHEUS) && !process.env.CI ? 'prometheus is not installed (apt-get install prometheus)' : false;
const [backend] = oneBackend();

describe('Prometheus against a running Marquee', { skip }, () => {
  let t: TestApp;
  let show: TestShowtime;
  let roomId: string;
  let prometheus: ChildProcess | undefined;
  let promUrl: string;
  let storage: string;
  let logs = '';

  const api = async (pathAndQuery: string) => {
    const res = await fetch(`${promUrl}${pathAndQuery}`);
    return (await res.json()) as { status: string; error?: string; data: any };
  };
  const query = (expr: string) => api(`/api/v1/query?query=${encodeURIComponent(expr)}`);
  const valueOf = async (expr: string) => Number((await query(expr)).data?.result?.[0]?.value?.[1] ?? Number.NaN);

  before(async () => {
    t = await startTestApp(backend!);
    const address = new URL(await t.app.listen());
    const [admin, alice] = await Promise.all([makeUser(t, { role: 'admin' }), makeUser(t)]);
    show = await makeShowtime(t, { prices: { standard: 1200 } });
    // A sale of two seats, a declined card, a refund of the sale, and a guarded showtime.
    const sold = await buy(t, alice, show.showtimeId, [show.seat('A', 1).id, show.seat('A', 2).id]);
    const held = await hold(t, alice, show.showtimeId, [show.seat('B', 1).id]);
    assert.equal((await pay(t, alice, held.id, { number: CARDS.declined })).status, 402);
    assert.equal((await cancel(t, alice, sold.booking.id)).status, 200);
    await t.app.runJobsOnce();
    const guarded = await makeShowtime(t);
    const room = await t.request({
      method: 'PUT',
      url: `/api/v1/showtimes/${guarded.showtimeId}/waiting-room`,
      token: admin.token,
      payload: { onSaleAt: new Date(t.clock.now().getTime() + 3600_000).toISOString(), admissionsPerMinute: 10 },
    });
    assert.equal(room.status, 200, room.text);
    roomId = room.body.id;
    // An early visitor: waiting, with no place until the on-sale draw.
    const visit = await t.request({
      method: 'POST',
      url: `/api/v1/showtimes/${guarded.showtimeId}/waiting-room/visits`,
      token: alice.token,
      payload: {},
    });
    assert.equal(visit.status, 200, visit.text);
    // Counted after their commits (the cinema is looked up first): wait until /metrics shows them.
    await eventually(
      async () => /^marquee_refunds_total\{/m.test((await t.request({ method: 'GET', url: '/metrics' })).text),
      30_000,
      25,
      'the refund counted',
    );

    storage = mkdtempSync(path.join(tmpdir(), 'marquee-prometheus-'));
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    const config = path.join(storage, 'prometheus.yml');
    writeFileSync(
      config,
      JSON.stringify({
        global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
        rule_files: RULE_FILES,
        scrape_configs: [{ job_name: 'marquee', static_configs: [{ targets: [`127.0.0.1:${address.port}`] }] }],
      }),
    );
    prometheus = spawn(
      PROMETHEUS,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${path.join(storage, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    prometheus.stderr?.on('data', (d: Buffer) => (logs = (logs + d.toString()).slice(-4000)));
    // The first scrape of Marquee has landed once `up` is 1 for it.
    await eventually(
      async () => (await valueOf('up{job="marquee"}').catch(() => Number.NaN)) === 1,
      60_000,
      100,
      'Prometheus scraped Marquee',
    ).catch((err: unknown) => {
      throw new Error(`${(err as Error).message}\n${logs}`);
    });
  });

  after(async () => {
    if (prometheus?.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    if (storage) rmSync(storage, { recursive: true, force: true });
    await t?.close();
  });

  test('every rule, alert and dashboard query parses and reads only metrics Marquee exposes', async () => {
    const names = await api('/api/v1/label/__name__/values');
    assert.equal(names.status, 'success');
    const exposed = new Set<string>(names.data);
    const recorded = recordedNames();
    const queries = deployQueries();
    assert.ok(queries.length > 60, `${queries.length} queries`);
    const problems: string[] = [];
    for (const q of queries) {
      const answer = await query(q.expr);
      if (answer.status !== 'success') problems.push(`${q.source}: ${answer.error}`);
      for (const name of metricNamesOf(q.expr)) {
        const known = name.includes(':') ? recorded.has(name) : exposed.has(name);
        if (!known) problems.push(`${q.source}: no metric ${name}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('the business figures reach Prometheus by cinema and currency, reason and room', async () => {
    const cinema = `cinema="${show.cinemaId}",currency="EUR"`;
    assert.equal(await valueOf(`marquee_holds_total{${cinema}}`), 2);
    assert.equal(await valueOf(`marquee_held_seats_total{${cinema}}`), 3);
    assert.equal(await valueOf(`marquee_sales_total{${cinema}}`), 1);
    assert.equal(await valueOf(`marquee_tickets_sold_total{${cinema}}`), 2);
    assert.equal(await valueOf(`marquee_revenue_minor_units_total{${cinema}}`), 2400);
    assert.equal(await valueOf(`marquee_refunds_total{${cinema}}`), 1);
    assert.ok((await valueOf(`marquee_refunded_minor_units_total{${cinema}}`)) > 0);
    assert.equal(await valueOf('marquee_payment_failures_total{reason="card_declined"}'), 1);
    assert.equal(await valueOf(`marquee_waiting_room_waiting{room="${roomId}"}`), 1);
    assert.equal(await valueOf('marquee_ready'), 1);
    assert.equal(await valueOf('marquee_readiness_check{check="database"}'), 1);
    // No booking or payment ids in any label: the series stay few.
    const series = await api(`/api/v1/series?match[]=${encodeURIComponent('{__name__=~"marquee_.+"}')}`);
    const ids = JSON.stringify(series.data);
    assert.ok(!ids.includes(show.seat('A', 1).id), 'no seat ids');
  });
});
