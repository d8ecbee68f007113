// CSV quoting and formula defusing, as pure functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, toCsv } from './csv.ts';

test('plain text and numbers are written as they are', () => {
  assert.equal(csvCell('Hall 1'), 'Hall 1');
  assert.equal(csvCell(42), '42');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(Number.NaN), '');
});

test('commas, quotes and line breaks are quoted, quotes doubled (RFC 4180)', () => {
  assert.equal(csvCell('Smith, John'), '"Smith, John"');
  assert.equal(csvCell('The "Best" Movie'), '"The ""Best"" Movie"');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('cr\rhere'), '"cr\rhere"');
});

test('text that starts like a formula is prefixed with a quote', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r'])
    assert.equal(csvCell(`${start}cmd`).replace(/^"/, '').startsWith(`'${start}`), true, start);
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell('a=b'), 'a=b');
  // Numbers are ours, not text someone typed: a negative amount stays a number.
  assert.equal(csvCell(-5), '-5');
});

test('a document ends every line with CRLF and keeps UTF-8 text', () => {
  assert.equal(
    toCsv(
      ['a', 'b'],
      [
        ['Zoë', 'Ünïcödé ✓'],
        [1, null],
      ],
    ),
    'a,b\r\nZoë,Ünïcödé ✓\r\n1,\r\n',
  );
});
