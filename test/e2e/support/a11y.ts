// Shared by the accessibility suites: audits a page with axe at desktop and phone widths and records
// the figures, so each suite (visitor, signed-in, staff) can run on its own server within its budget.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type AxeViolation, axeViolations, describeViolations, screenshot } from './browser.ts';

export const root = path.resolve(import.meta.dirname, '../../..');

export type Ready = string | ((p: Page) => Promise<unknown>);

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** An editor showing its record: `selector` there and the first required field (the name) filled in. */
export const filledForm =
  (selector = 'main form') =>
  async (p: Page) => {
    await p.locator(selector).first().waitFor();
    await p.waitForFunction(
      () => (document.querySelector<HTMLInputElement>('main input[required]')?.value ?? '') !== '',
    );
  };

/** After a resize: two frames for layout and the resize listeners, and the seat map agreeing with its width. */
export async function settled(p: Page): Promise<void> {
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await p.waitForFunction(() => {
    const el = document.querySelector('.hall-scroll');
    return !el || el.scrollWidth > el.clientWidth + 1 === el.classList.contains('is-wide');
  });
}

/** Collects axe results per page name and how long each audit took. */
export class Auditor {
  readonly found = new Map<string, AxeViolation[]>();
  readonly took = new Map<string, number>();

  /** Audits once the page shows its data: `ready` is a selector that needs it, or a wait of its own. */
  async audit(p: Page, name: string, ready: Ready, shot = true): Promise<void> {
    const started = performance.now();
    await (typeof ready === 'string' ? p.locator(ready).first().waitFor() : ready(p));
    await p
      .waitForFunction(() => document.querySelectorAll('.skeleton').length === 0, undefined, { timeout: 10_000 })
      .catch(() => undefined);
    this.found.set(name, await axeViolations(p));
    if (shot) await screenshot(p, name);
    this.took.set(name, Math.round(performance.now() - started));
  }

  /**
   * Audits a page at 1280 px, then narrows the same page to 390 px and audits it again as `name-phone`:
   * the markup is the same at both widths (CSS media queries change the layout), so one load serves
   * both and only the layout-dependent results (contrast, target size, scrolling regions) can differ.
   */
  async bothWidths(p: Page, name: string, ready: Ready, atPhone?: (p: Page) => Promise<void>): Promise<void> {
    await this.audit(p, name, ready);
    await p.setViewportSize(PHONE);
    await settled(p);
    await this.audit(p, `${name}-phone`, ready, false);
    await atPhone?.(p);
    await p.setViewportSize(DESKTOP);
    await settled(p);
  }

  /** Writes the results under `suite` in the figures file and fails on any serious or critical violation. */
  assertClean(suite: string): void {
    const report = [...this.found.entries()].map(
      ([name, v]) => `${name}: ${v.length === 0 ? 'ok' : `\n  ${describeViolations(v)}`}`,
    );
    writeFigures({
      [`axe-${suite}`]: Object.fromEntries(
        [...this.found.entries()].map(([k, v]) => [k, v.map((x) => `${x.id} (${x.impact})`)]),
      ),
      [`axeAuditMs-${suite}`]: Object.fromEntries(this.took),
    });
    const bad = [...this.found.entries()].filter(([, v]) => v.length > 0);
    assert.equal(bad.length, 0, report.filter((line) => !line.endsWith(': ok')).join('\n'));
  }
}

/** Merges `add` into test-output/web-figures.json. */
export function writeFigures(add: Record<string, unknown>): void {
  const dir = path.join(root, 'test-output');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'web-figures.json');
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {}
  writeFileSync(file, `${JSON.stringify({ ...current, ...add }, null, 2)}\n`);
}
