// Debian's Chromium driven by playwright-core (never a downloaded browser), plus the checks every
// browser suite shares: axe-core for accessibility, screenshots for reviewers.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * Debian's headless shell (package chromium-headless-shell): the same Chromium and Blink without the
 * browser's windows, toolbar and omnibox, which is what Playwright itself runs headless. The full
 * browser spent 1.5-2x the CPU on the same suites (each context opens a window with its own UI) on a
 * machine where CPU is what the test run waits for. The full browser when only it is installed.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const CHROMIUM = existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** node:test `skip` option: a reason when the browser is missing, so the suite says why it did not run. */
export const skipWithoutChromium: string | false = hasChromium
  ? false
  : `browser tests skipped: ${HEADLESS_SHELL} is missing (apt-get install -y chromium-headless-shell)`;

const root = path.resolve(import.meta.dirname, '../../..');
export const SCREENSHOTS = path.join(root, 'test-output', 'screenshots');

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A test's page lives for seconds: V8's optimising compilers (Maglev, TurboFan) spent more CPU
      // compiling axe-core and the app than their code saved. Sparkplug's baseline code runs them;
      // what the page does is the same.
      '--js-flags=--max-opt=1',
    ],
  });
}

export async function newContext(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'en-GB',
    acceptDownloads: true,
  });
  // A machine shared by several test runs is slow at times, but never this slow.
  context.setDefaultTimeout(20_000);
  return context;
}

/**
 * Collects the page's script errors into `into` (returned) as they happen, so a test can assert the
 * list is empty at its end. Pass one list for several pages; never copy it (a copy stays empty).
 */
export function watchErrors(page: Page, into: string[] = []): string[] {
  page.on('pageerror', (e) => into.push(e.message));
  return into;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const axeSource = readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns the serious and critical violations (WCAG 2.2 AA rules). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // The app's CSP forbids inline script tags; the DevTools protocol evaluates around it.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  // Only violations are detailed (`resultTypes`) and only they cross back from the page: the passes
  // of a seat map with hundreds of buttons cost more than the check itself.
  const violations = (await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('\n    ')}`,
    )
    .join('\n');
}

/**
 * Screenshots are for people looking at the pages; CI has nobody to look and 20 minutes, so it takes
 * none unless `E2E_SCREENSHOTS=1`.
 */
const takeScreenshots = process.env.E2E_SCREENSHOTS === '1' || !process.env.CI;

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!takeScreenshots) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
