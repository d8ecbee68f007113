// The one translation catalog: plural forms chosen by Intl.PluralRules, placeholders, fallback,
// and that every language holds every key of every catalog file (the types say so; this checks the
// loaded data). The catalog files are found in web/src/i18n, not listed here, so a file added later
// is checked in every language as soon as it exists.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  addMessages,
  type Message,
  missingKeys,
  placeholderMismatches,
  translate,
} from '../../web/src/i18n/catalog.ts';
import { browserLang, LANGS, type Lang } from '../../web/src/i18n/format.ts';

type Catalog = Record<string, Message>;
const dir = path.resolve(import.meta.dirname, '../../web/src/i18n');
const FILE = /^((?:messages|staff)(?:-[a-z]+)*)-([a-z]{2})\.ts$/;

/** Every catalog file's one exported table, by file family ('staff-money') and language. */
const families = new Map<string, Partial<Record<string, Catalog>>>();
for (const file of readdirSync(dir).sort()) {
  const m = FILE.exec(file);
  if (!m) continue;
  const exported = Object.values(await import(pathToFileURL(path.join(dir, file)).href)).filter(
    (v): v is Catalog => typeof v === 'object' && v !== null,
  );
  assert.equal(exported.length, 1, `${file} exports one table of messages`);
  const family = families.get(m[1]!) ?? {};
  family[m[2]!] = exported[0];
  families.set(m[1]!, family);
}
/** The family's table in a language; fails when the file is missing. */
function table(family: string, lang: string): Catalog {
  const t = families.get(family)?.[lang];
  assert.ok(t, `${family}-${lang}.ts is missing`);
  return t;
}
const staffEn = table('staff', 'en');
const staffMoneyEn = table('staff-money', 'en');
for (const family of families.keys())
  addMessages(Object.fromEntries(LANGS.map((lang) => [lang, table(family, lang)])) as Record<Lang, Catalog>);

describe('plurals', () => {
  test('English: 0, 2 and many take "other", 1 takes "one"', () => {
    const del = (count: number) => translate('en', 'staff.hall.delete', { count });
    assert.deepEqual([0, 1, 2, 5, 21].map(del), [
      'Delete 0 seats',
      'Delete 1 seat',
      'Delete 2 seats',
      'Delete 5 seats',
      'Delete 21 seats',
    ]);
    assert.equal(translate('en', 'staff.door.counter', { count: 1, admitted: 1 }), '1 scan, 1 admitted');
    assert.equal(translate('en', 'staff.door.counter', { count: 3, admitted: 2 }), '3 scans, 2 admitted');
    assert.equal(translate('en', 'seats.total', { count: 1 }), 'Total for 1 seat');
  });

  test('German: the same categories, German words, German digits', () => {
    const del = (count: number) => translate('de', 'staff.hall.delete', { count });
    assert.deepEqual([0, 1, 2, 5].map(del), [
      '0 Plätze löschen',
      '1 Platz löschen',
      '2 Plätze löschen',
      '5 Plätze löschen',
    ]);
    assert.equal(translate('de', 'staff.door.counter', { count: 1, admitted: 0 }), '1 Scan, 0 eingelassen');
    assert.equal(translate('de', 'staff.halls.seats', { count: 1500 }), '1.500 Plätze');
    assert.equal(translate('en', 'staff.halls.seats', { count: 1500 }), '1,500 seats');
  });

  test('French: 0 and 1 take "one", so its forms keep the count; French digits', () => {
    const del = (count: number) => translate('fr', 'staff.hall.delete', { count });
    assert.deepEqual([0, 1, 2, 5].map(del), [
      'Supprimer 0 place',
      'Supprimer 1 place',
      'Supprimer 2 places',
      'Supprimer 5 places',
    ]);
    assert.equal(translate('fr', 'showtimes.fewLeft', { count: 0 }), '0 place restante');
    assert.equal(translate('fr', 'staff.halls.seats', { count: 1500 }), '1\u202f500 places');
    assert.equal(translate('fr', 'seat.short', { row: 'C', number: 7 }), 'Rang C, place 7');
  });

  test('a message with only "other" serves every count', () => {
    assert.equal(translate('de', 'field.passwordShort', { count: 1 }), 'Bitte mindestens 1 Zeichen verwenden.');
    assert.equal(translate('de', 'field.passwordShort', { count: 10 }), 'Bitte mindestens 10 Zeichen verwenden.');
  });
});

describe("a visitor's first language", () => {
  test("the first of the browser's languages the app speaks, by its primary subtag, else English", () => {
    assert.equal(browserLang(['fr-CA', 'en-US']), 'fr');
    assert.equal(browserLang(['es-ES', 'de-AT', 'fr']), 'de');
    assert.equal(browserLang(['DE']), 'de');
    assert.equal(browserLang(['es', 'it']), 'en');
    assert.equal(browserLang([]), 'en');
  });
});

describe('interpolation and fallback', () => {
  test('placeholders are filled; a missing value stays visible', () => {
    assert.equal(translate('en', 'seat.short', { row: 'C', number: 7 }), 'Row C, seat 7');
    assert.equal(translate('de', 'seat.short', { row: 'C', number: 7 }), 'Reihe C, Platz 7');
    assert.equal(translate('en', 'seat.short', { row: 'C' }), 'Row C, seat {number}');
    assert.equal(
      translate('en', 'staff.cancel.impact', {
        count: 2,
        amount: '€20.00',
        bookings: translate('en', 'staff.count.bookings', { count: 1 }),
        tickets: translate('en', 'staff.count.tickets', { count: 2 }),
      }),
      '2 customers will be refunded €20.00 in total (1 booking, 2 tickets) and told by email.',
    );
  });

  test('a key German lacks falls back to English; an unknown key shows itself', () => {
    assert.deepEqual(missingKeys(), { en: [], de: [], fr: [] }, 'every loaded language has every key');
    addMessages({ en: { 'test.onlyEnglish': 'Only in English' }, de: {}, fr: {} });
    assert.equal(translate('de', 'test.onlyEnglish'), 'Only in English');
    assert.equal(translate('fr', 'test.onlyEnglish'), 'Only in English');
    assert.equal(translate('de', 'no.such.key'), 'no.such.key');
    assert.deepEqual(missingKeys(), { en: [], de: ['test.onlyEnglish'], fr: ['test.onlyEnglish'] });
  });
});

describe('the catalog is complete', () => {
  const translations = () =>
    [...families.keys()].flatMap((family) =>
      LANGS.filter((l) => l !== 'en').map((lang) => ({
        name: `${family}-${lang}`,
        lang,
        english: table(family, 'en'),
        other: table(family, lang),
      })),
    );

  test('the files are found: every family in every language', () => {
    // The families of issues 15 to 19 at least; a new one is found the same way.
    for (const family of ['messages', 'messages-money', 'messages-food', 'staff', 'staff-money', 'staff-audit'])
      assert.ok(families.has(family), family);
    for (const [family, byLang] of families)
      assert.deepEqual(Object.keys(byLang).sort(), [...LANGS].sort(), `${family}: one file per language, no other`);
  });

  test('every language has every key, and plural where English is', () => {
    for (const { name, english, other } of translations()) {
      assert.deepEqual(Object.keys(other).sort(), Object.keys(english).sort(), name);
      for (const key of Object.keys(english))
        assert.equal(typeof other[key], typeof english[key], `${name} ${key}: plural in both or in neither`);
    }
    for (const [family, byLang] of families) {
      const keys = Object.keys(byLang.en!);
      if (family.startsWith('staff'))
        assert.ok(
          keys.every((k) => k.startsWith('staff.')),
          `${family}: under staff.`,
        );
      else assert.ok(!keys.some((k) => k.startsWith('staff.')), `${family}: customer keys stay outside staff.`);
    }
    assert.deepEqual(
      Object.keys(staffMoneyEn).filter((k) => k in staffEn),
      [],
      'the money words add keys, never replace one',
    );
  });

  test('every language keeps every placeholder English has and adds none', () => {
    for (const { name, english, other } of translations())
      assert.deepEqual(placeholderMismatches(english, other), [], name);
    // What the check catches: a dropped {count} or {seat}, an invented {z}; a `one` form may drop the count.
    const english = {
      n: { one: 'Delete {count} seat', other: 'Delete {count} seats' },
      seat: 'Seat {seat} is taken',
      fine: { one: 'One seat in {hall}', other: '{count} seats in {hall}' },
      added: 'Row {row}',
    };
    const german = {
      n: { one: 'Platz löschen', other: 'Plätze löschen' },
      seat: 'Der Platz ist belegt',
      fine: { one: 'Ein Platz in {hall}', other: '{count} Plätze in {hall}' },
      added: 'Reihe {row}, {z}',
    };
    assert.deepEqual(placeholderMismatches(english, german), ['n', 'seat', 'added']);
  });

  test('plural forms: "other" always, no category the language does not have', () => {
    for (const [family, byLang] of families)
      for (const lang of LANGS) {
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        for (const [key, message] of Object.entries(byLang[lang]!)) {
          if (typeof message === 'string') continue;
          assert.ok(message.other, `${family}-${lang} ${key} has "other"`);
          for (const c of Object.keys(message)) assert.ok(categories.includes(c as never), `${lang} ${key}: ${c}`);
        }
      }
  });

  test('where "one" also serves 0 (French), its form names the count', () => {
    const zeroIsOne = LANGS.filter((lang) => new Intl.PluralRules(lang).select(0) === 'one');
    assert.deepEqual(zeroIsOne, ['fr']);
    // Messages that never count zero (a booking being cancelled has a ticket; "the code" is one code).
    const neverZero = new Set(['cancel.confirmBody', 'best.found', 'staff.promo.downloadCsv']);
    const lacking: string[] = [];
    for (const lang of zeroIsOne)
      for (const [family, byLang] of families)
        for (const [key, message] of Object.entries(byLang[lang]!))
          if (typeof message !== 'string' && message.one !== undefined && message.other.includes('{count}'))
            if (!message.one.includes('{count}') && !neverZero.has(key)) lacking.push(`${family}-${lang} ${key}`);
    assert.deepEqual(lacking, [], 'their "one" form would say 1 for 0');
  });

  test('a message that counts with {count} has plural forms', () => {
    // "{checked} of {count}" names a total, not a quantity of things.
    const notCounting = new Set(['staff.live.paidChecked']);
    for (const byLang of families.values())
      for (const catalog of Object.values(byLang))
        for (const [key, message] of Object.entries(catalog!))
          if (typeof message === 'string' && message.includes('{count}'))
            assert.ok(notCounting.has(key), `${key} counts with {count} but has no plural forms`);
  });
});
