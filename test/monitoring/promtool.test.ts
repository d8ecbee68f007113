// deploy/prometheus and deploy/grafana checked without a running Marquee: promtool validates the
// configuration and the rules and runs the alerts' unit tests (deploy/prometheus/tests); every
// alert carries its annotations and a runbook entry in docs/operations.md; dashboards use the
// provisioned data source; and the metric-name reader the Prometheus suite relies on reads PromQL right.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import {
  DEPLOY,
  dashboards,
  deployQueries,
  metricNamesOf,
  panelsOf,
  PROMETHEUS_DIR,
  RULE_FILES,
  rulesOf,
} from './deploy-queries.ts';

const PROMTOOL = '/usr/bin/promtool';
// CI installs Debian's prometheus package (.ci/run); elsewhere the checks say why they did not run.
const skip =
  !existsSync(PROMTOOL) && !process.env.CI ? 'promtool is not installed (apt-get install prometheus)' : false;

function promtool(...args: string[]): string {
  const r = spawnSync(PROMTOOL, args, { cwd: PROMETHEUS_DIR, encoding: 'utf8' });
  assert.equal(r.status, 0, `promtool ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('deploy/prometheus with promtool', { skip }, () => {
  test('the compose configuration and its rule files are valid', () => {
    assert.match(promtool('check', 'config', 'prometheus.yml'), /SUCCESS: 2 rule files found/);
  });

  test('the rules are valid and the alerts pass their unit tests', () => {
    promtool('check', 'rules', ...RULE_FILES);
    const tests = readdirSync(path.join(PROMETHEUS_DIR, 'tests')).filter((f) => f.endsWith('.yml'));
    assert.ok(tests.length > 0);
    assert.match(promtool('test', 'rules', ...tests.map((f) => `tests/${f}`)), /SUCCESS/);
  });
});

describe('alerts and dashboards', () => {
  const alerts = rulesOf(RULE_FILES[1]!).filter((r) => r.alert);
  const runbook = readFileSync(path.join(DEPLOY, '..', 'docs', 'operations.md'), 'utf8');
  const alertsSection = runbook.slice(runbook.indexOf('\n## Alerts'));

  test('every alert has a severity, a summary, a description and a runbook entry', () => {
    assert.ok(alerts.length >= 8);
    for (const a of alerts) {
      assert.match(a.labels?.severity ?? '', /^(warning|critical)$/, a.alert);
      assert.ok(a.annotations?.summary && a.annotations.description, `${a.alert} has summary and description`);
      assert.equal(a.annotations?.runbook_url, 'docs/operations.md#alerts', a.alert);
      assert.match(
        alertsSection,
        new RegExp(`^### ${a.alert}$`, 'm'),
        `docs/operations.md ## Alerts explains ${a.alert}`,
      );
    }
    // Every alert the unit tests name exists, and every alert is tested.
    const tested = new Set(
      readdirSync(path.join(PROMETHEUS_DIR, 'tests')).flatMap((f) =>
        (
          parse(readFileSync(path.join(PROMETHEUS_DIR, 'tests', f), 'utf8')) as {
            tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] }[];
          }
        ).tests.flatMap((t) =>
          (t.alert_rule_test ?? []).filter((a) => a.exp_alerts.length > 0).map((a) => a.alertname),
        ),
      ),
    );
    assert.deepEqual([...tested].sort(), alerts.map((a) => a.alert!).sort());
  });

  test('dashboards: overview, business and queues, on the provisioned data source, unique panel ids', () => {
    const source = parse(
      readFileSync(path.join(DEPLOY, 'grafana', 'provisioning', 'datasources', 'prometheus.yaml'), 'utf8'),
    ) as { datasources: { uid: string; type: string }[] };
    const uid = source.datasources[0]!.uid;
    const all = dashboards();
    assert.deepEqual(
      all.map((d) => d.dashboard.uid),
      ['marquee-business', 'marquee-overview', 'marquee-queues'],
    );
    for (const { file, dashboard } of all) {
      const panels = panelsOf(dashboard.panels);
      assert.equal(new Set(panels.map((p) => p.id)).size, panels.length, `${file}: panel ids are unique`);
      for (const p of panels) {
        assert.equal(p.datasource?.uid, uid, `${file}: "${p.title}" uses the provisioned data source`);
        assert.ok((p.targets ?? []).length > 0, `${file}: "${p.title}" has a query`);
      }
    }
    const provider = parse(
      readFileSync(path.join(DEPLOY, 'grafana', 'provisioning', 'dashboards', 'marquee.yaml'), 'utf8'),
    ) as { providers: { type: string; options: { path: string } }[] };
    assert.equal(provider.providers[0]!.type, 'file');
  });

  test('metric names are read from PromQL, not functions, labels, keywords or numbers', () => {
    assert.deepEqual(
      metricNamesOf(
        'sum by (job, le) (rate(http_request_duration_seconds_bucket{route=~"/a|b", status!="5xx"}[5m] offset 1h)) ' +
          '/ on (job) group_left (instance) job:http_requests:rate5m > 0.5e3 and up{job="marquee"} == 0 ' +
          'or absent(marquee_ready) unless vector(0) * 3600',
      ).sort(),
      ['http_request_duration_seconds_bucket', 'job:http_requests:rate5m', 'marquee_ready', 'up'],
    );
    assert.deepEqual(metricNamesOf('topk(10, sum(rate(x_total[1m])) without (pod))'), ['x_total']);
    assert.ok(deployQueries().every((q) => metricNamesOf(q.expr).length > 0));
  });
});
