// The one translation catalog: plural forms chosen by Intl.PluralRules, placeholders, fallback,
// and that English and German hold the same keys (the types say so; this checks the loaded data).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addMessages,
  type Message,
  missingKeys,
  placeholderMismatches,
  translate,
} from '../../web/src/i18n/catalog.ts';
import { de } from '../../web/src/i18n/messages-de.ts';
import { en } from '../../web/src/i18n/messages-en.ts';
import { staffDe } from '../../web/src/i18n/staff-de.ts';
import { staffEn } from '../../web/src/i18n/staff-en.ts';
import { staffMoneyDe } from '../../web/src/i18n/staff-money-de.ts';
import { staffMoneyEn } from '../../web/src/i18n/staff-money-en.ts';

addMessages({ en, de });
addMessages({ en: staffEn, de: staffDe });
addMessages({ en: staffMoneyEn, de: staffMoneyDe });

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

  test('a message with only "other" serves every count', () => {
    assert.equal(translate('de', 'field.passwordShort', { count: 1 }), 'Bitte mindestens 1 Zeichen verwenden.');
    assert.equal(translate('de', 'field.passwordShort', { count: 10 }), 'Bitte mindestens 10 Zeichen verwenden.');
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
    addMessages({ en: { 'test.onlyEnglish': 'Only in English' }, de: {} });
    assert.equal(translate('de', 'test.onlyEnglish'), 'Only in English');
    assert.equal(translate('de', 'no.such.key'), 'no.such.key');
    assert.deepEqual(missingKeys().de, ['test.onlyEnglish']);
  });
});

describe('the catalog is complete', () => {
  const pairs: [string, Record<string, Message>, Record<string, Message>][] = [
    ['customer', en, de],
    ['staff', staffEn, staffDe],
    ['staff money', staffMoneyEn, staffMoneyDe],
  ];

  test('every language has every key, and plural where English is', () => {
    for (const [name, english, german] of pairs) {
      assert.deepEqual(Object.keys(german).sort(), Object.keys(english).sort(), name);
      for (const key of Object.keys(english))
        assert.equal(typeof german[key], typeof english[key], `${key}: plural in both or in neither`);
    }
    assert.ok(
      [...Object.keys(staffEn), ...Object.keys(staffMoneyEn)].every((k) => k.startsWith('staff.')),
      'staff keys live under staff.',
    );
    assert.deepEqual(
      Object.keys(staffMoneyEn).filter((k) => k in staffEn),
      [],
      'the money words add keys, never replace one',
    );
    assert.ok(!Object.keys(en).some((k) => k.startsWith('staff.')), 'customer keys stay outside staff.');
  });

  test('German keeps every placeholder English has and adds none', () => {
    for (const [name, english, german] of pairs) assert.deepEqual(placeholderMismatches(english, german), [], name);
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
    for (const [lang, catalogs] of [
      ['en', [en, staffEn, staffMoneyEn]],
      ['de', [de, staffDe, staffMoneyDe]],
    ] as const) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const catalog of catalogs)
        for (const [key, message] of Object.entries(catalog as Record<string, Message>)) {
          if (typeof message === 'string') continue;
          assert.ok(message.other, `${lang} ${key} has "other"`);
          for (const c of Object.keys(message)) assert.ok(categories.includes(c as never), `${lang} ${key}: ${c}`);
        }
    }
  });

  test('a message that counts with {count} has plural forms', () => {
    // "{checked} of {count}" names a total, not a quantity of things.
    const notCounting = new Set(['staff.live.paidChecked']);
    for (const catalog of [en, de, staffEn, staffDe, staffMoneyEn, staffMoneyDe] as Record<string, Message>[])
      for (const [key, message] of Object.entries(catalog))
        if (typeof message === 'string' && message.includes('{count}'))
          assert.ok(notCounting.has(key), `${key} counts with {count} but has no plural forms`);
  });
});
