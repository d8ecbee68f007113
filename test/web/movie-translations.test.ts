// The staff movie form's German and French texts (issue 20 review): what is typed is sent per
// language, empty fields are left out (the original shows), and a stored translation reads back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translationBody, translationForm } from '../../web/src/staff/catalog/movie-translations.ts';

test('typed translations are sent trimmed, empty ones left out, stored ones read back', () => {
  assert.deepEqual(translationBody({ title: ' Die Reise ', synopsis: '', genres: 'Drama, Abenteuer,' }), {
    title: 'Die Reise',
    genres: ['Drama', 'Abenteuer'],
  });
  assert.equal(translationBody({ title: ' ', synopsis: '', genres: ' , ' }), undefined);
  const stored = { title: 'Le Voyage', synopsis: 'Un long voyage.', genres: ['Drame', 'Aventure'] };
  assert.deepEqual(translationForm(stored), {
    title: 'Le Voyage',
    synopsis: 'Un long voyage.',
    genres: 'Drame, Aventure',
  });
  assert.deepEqual(translationBody(translationForm(stored)), stored);
  assert.deepEqual(translationForm(undefined), { title: '', synopsis: '', genres: '' });
});
