// Languages loaded on demand (web/src/i18n/load.ts): English at once, German and French when asked,
// each fetched once however many ask, a failed fetch tried again, and a part added while a language
// loads fetched before the language counts as ready. The console's German and French chunks
// (staff-words/) gather every staff file of their language.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type Message, translate } from '../../web/src/i18n/catalog.ts';
import { addCatalog, isLoaded, loadLanguage } from '../../web/src/i18n/load.ts';

type Table = Record<string, Message>;
type Call = { resolve: (t: Table) => void; reject: (e: Error) => void };
/** A loader the test answers by hand: `call(n)` is its n-th fetch (0 first), once asked for. */
function manual() {
  const calls: Call[] = [];
  const waiting: ((c: Call) => void)[] = [];
  const load = () =>
    new Promise<Table>((resolve, reject) => {
      calls.push({ resolve, reject });
      waiting[calls.length - 1]?.(calls[calls.length - 1]!);
    });
  const call = (n: number) => (calls[n] ? Promise.resolve(calls[n]) : new Promise<Call>((r) => (waiting[n] = r)));
  return { load, calls, call };
}
const none = () => Promise.resolve({});

describe('catalog parts loaded per language', () => {
  test("the customer's real catalog: English at once, French and German when asked", async () => {
    addCatalog({
      en: (await import('../../web/src/i18n/messages-en.ts')).en,
      de: () => import('../../web/src/i18n/messages-de.ts').then((m) => m.de),
      fr: () => import('../../web/src/i18n/messages-fr.ts').then((m) => m.fr),
    });
    assert.equal(translate('fr', 'common.loading'), 'Loading…', 'French falls back to English until it is in');
    assert.equal(isLoaded('fr'), false);
    await loadLanguage('fr');
    assert.equal(isLoaded('fr'), true);
    assert.equal(isLoaded('de'), false, 'German is not fetched with French');
    assert.equal(translate('fr', 'common.loading'), 'Chargement…');
    await loadLanguage('de');
    assert.equal(translate('de', 'seat.short', { row: 'C', number: 7 }), 'Reihe C, Platz 7');
  });

  test('fetched once for every caller; a failed fetch is tried again', async () => {
    const de = manual();
    let frenchFetches = 0;
    addCatalog({ en: { 'load.a': 'A' }, de: de.load, fr: () => (frenchFetches++, none()) });
    assert.equal(translate('en', 'load.a'), 'A');
    const first = loadLanguage('de');
    const second = loadLanguage('de');
    (await de.call(0)).reject(new Error('offline'));
    await assert.rejects(first, /offline/);
    await assert.rejects(second, /offline/);
    assert.equal(de.calls.length, 1, 'one fetch for two callers');
    assert.equal(isLoaded('de'), false);

    const again = loadLanguage('de');
    (await de.call(1)).resolve({ 'load.a': 'A auf Deutsch' });
    await again;
    assert.equal(translate('de', 'load.a'), 'A auf Deutsch');
    assert.equal(frenchFetches, 0);
    await loadLanguage('de');
    await loadLanguage('en');
    assert.equal(de.calls.length, 2, 'a loaded language is not fetched again');
  });

  test('a part added while its language loads is fetched before the language is ready', async () => {
    const first = manual();
    const later = manual();
    addCatalog({ en: { 'load.b': 'B' }, de: none, fr: first.load });
    const ready = loadLanguage('fr');
    let done = false;
    void ready.then(() => (done = true));
    const asked = await first.call(0);
    addCatalog({ en: { 'load.c': 'C' }, de: none, fr: later.load });
    asked.resolve({ 'load.b': 'B en français' });
    // The first part's answer is in; the language waits for the part added since.
    const laterAsked = await later.call(0);
    assert.equal(done, false);
    assert.equal(isLoaded('fr'), false);
    laterAsked.resolve({ 'load.c': 'C en français' });
    await ready;
    assert.equal(translate('fr', 'load.b'), 'B en français');
    assert.equal(translate('fr', 'load.c'), 'C en français');
  });
});

test("the console's German and French chunks hold every staff family of their language", async () => {
  const dir = path.resolve(import.meta.dirname, '../../web/src/i18n');
  for (const lang of ['de', 'fr']) {
    const keys = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => /^staff(-[a-z]+)*\.ts$/.test(f) && f.endsWith(`-${lang}.ts`)))
      for (const table of Object.values(await import(pathToFileURL(path.join(dir, file)).href)))
        for (const key of Object.keys(table as Table)) keys.add(key);
    const chunk = Object.values(await import(pathToFileURL(path.join(dir, 'staff-words', `${lang}.ts`)).href));
    assert.equal(chunk.length, 1);
    assert.deepEqual(Object.keys(chunk[0] as Table).sort(), [...keys].sort(), `staff-words/${lang}.ts`);
  }
});
