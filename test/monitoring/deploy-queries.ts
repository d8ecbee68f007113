// The PromQL an operator's Prometheus and Grafana run against Marquee, read from deploy/: every
// alert and recording rule expression and every dashboard query, with where it comes from, and the
// metric names each one reads.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const DEPLOY = path.resolve(import.meta.dirname, '../../deploy');
export const PROMETHEUS_DIR = path.join(DEPLOY, 'prometheus');
export const RULE_FILES = ['rules.yml', 'alerts.yml'].map((f) => path.join(PROMETHEUS_DIR, f));
export const DASHBOARD_DIR = path.join(DEPLOY, 'grafana', 'dashboards');

export interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface Query {
  /** Where it is written: file and rule or panel. */
  source: string;
  expr: string;
}

interface Panel {
  id: number;
  title: string;
  datasource?: { uid?: string };
  targets?: { expr: string; datasource?: { uid?: string } }[];
  panels?: Panel[];
}

export function rulesOf(file: string): Rule[] {
  const doc = parse(readFileSync(file, 'utf8')) as { groups: { rules: Rule[] }[] };
  return doc.groups.flatMap((g) => g.rules);
}

export function dashboards(): { file: string; dashboard: { uid: string; title: string; panels: Panel[] } }[] {
  return readdirSync(DASHBOARD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, dashboard: JSON.parse(readFileSync(path.join(DASHBOARD_DIR, f), 'utf8')) }));
}

/** Every panel of a dashboard, those inside rows included. */
export function panelsOf(panels: Panel[]): Panel[] {
  return panels.flatMap((p) => [p, ...panelsOf(p.panels ?? [])]);
}

/** Every PromQL expression in deploy/: rules, alerts and dashboard queries. */
export function deployQueries(): Query[] {
  const rules = RULE_FILES.flatMap((file) =>
    rulesOf(file).map((r) => ({ source: `${path.basename(file)}: ${r.record ?? r.alert}`, expr: r.expr })),
  );
  const panels = dashboards().flatMap(({ file, dashboard }) =>
    panelsOf(dashboard.panels).flatMap((p) =>
      (p.targets ?? []).map((t) => ({ source: `${file}: panel "${p.title}"`, expr: t.expr })),
    ),
  );
  return [...rules, ...panels];
}

/** Names the recording rules define. */
export function recordedNames(): Set<string> {
  return new Set(RULE_FILES.flatMap((f) => rulesOf(f).flatMap((r) => (r.record ? [r.record] : []))));
}

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'inf', 'nan', 'offset']);

/**
 * The metric names a PromQL expression reads: identifiers that are not functions, aggregations,
 * keywords, label names (in matchers and grouping clauses) or parts of numbers and durations.
 */
export function metricNamesOf(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/gi, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\boffset\s+-?[0-9a-z]+/gi, ' ')
    .replace(/(?<![\w:.])\d[\w.]*/g, ' ');
  const names = new Set<string>();
  for (const m of bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = bare.slice(m.index + m[0].length).trimStart();
    if (after.startsWith('(') || KEYWORDS.has(m[0].toLowerCase())) continue;
    names.add(m[0]);
  }
  return [...names];
}
