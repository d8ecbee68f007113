// Issue 20: the server's message catalogs (every `src/**/*.messages.ts`) have every key in every
// language, no key English lacks, plural forms where English counts, and the same placeholders:
// a translation may not drop a value English shows nor name one English does not give.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { type Catalog, defineMessages, LANGUAGES, type Message } from '../src/platform/i18n.ts';

const root = path.resolve(import.meta.dirname, '../src');

async function catalogs(): Promise<Catalog<string>[]> {
  const files = (await fs.readdir(root, { recursive: true })).filter((f) => f.endsWith('.messages.ts'));
  const found: Catalog<string>[] = [];
  for (const file of files) {
    const exports = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const value of Object.values(exports))
      if (value && typeof value === 'object' && 'messages' in value && 't' in value)
        found.push(value as Catalog<string>);
  }
  return found;
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string));
const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));
const mainForm = (m: Message): string => (typeof m === 'string' ? m : m.other);

/** What is wrong with a catalog: keys missing or extra, plural forms, placeholders dropped or added. */
function problemsOf(catalog: Catalog<string>): string[] {
  const problems: string[] = [];
  const english = catalog.messages.en;
  for (const lang of LANGUAGES) {
    const other = catalog.messages[lang];
    for (const key of Object.keys(english))
      if (!(key in other)) problems.push(`${catalog.name}/${lang}: missing ${key}`);
    for (const [key, message] of Object.entries(other)) {
      const reference = english[key];
      if (reference === undefined) {
        problems.push(`${catalog.name}/${lang}: extra ${key}`);
        continue;
      }
      if (typeof reference !== typeof message) problems.push(`${catalog.name}/${lang}: ${key} plural mismatch`);
      const wanted = new Set(forms(reference).flatMap((f) => [...placeholders(f)]));
      const main = placeholders(mainForm(message));
      const used = new Set(forms(message).flatMap((f) => [...placeholders(f)]));
      for (const p of wanted) if (!main.has(p)) problems.push(`${catalog.name}/${lang}: ${key} drops {${p}}`);
      for (const p of used)
        if (p !== 'count' && !wanted.has(p)) problems.push(`${catalog.name}/${lang}: ${key} adds {${p}}`);
      if (forms(message).some((f) => f.trim() === '')) problems.push(`${catalog.name}/${lang}: ${key} is empty`);
    }
  }
  return problems;
}

test('every server catalog has every key in every language, with the same placeholders', async () => {
  const all = await catalogs();
  // Emails, tickets, gift cards and finance documents at least.
  assert.ok(all.length >= 4, `found ${all.map((c) => c.name).join(', ')}`);
  assert.deepEqual(all.flatMap(problemsOf), []);
});

test('the check finds a missing key, an extra one, a plural mismatch and placeholders dropped or added', () => {
  const broken = defineMessages(
    'broken',
    { a: 'Hello {name}', b: { one: 'one seat', other: '{count} seats' } } as Record<string, Message>,
    {
      de: { a: 'Hallo', b: { one: 'ein Platz', other: '{count} Plätze' } } as never,
      fr: { a: 'Bonjour {nom}', b: 'x', c: 'y' } as never,
    },
  );
  assert.deepEqual(problemsOf(broken), [
    'broken/de: a drops {name}',
    'broken/fr: a drops {name}',
    'broken/fr: a adds {nom}',
    'broken/fr: b plural mismatch',
    'broken/fr: b drops {count}',
    'broken/fr: extra c',
  ]);
  // A key a language lacks is said in English rather than vanish.
  const partial = defineMessages('partial', { a: 'A', b: '{count} B' } as Record<string, Message>, {
    de: { a: 'A' } as never,
    fr: { a: 'A', b: '{count} B' } as never,
  });
  assert.deepEqual(problemsOf(partial), ['partial/de: missing b']);
  assert.equal(partial.t('de', 'b', { count: 1200 }), '1.200 B');
});
