// Issue 20 through HTTP, one app per database: the account's language (from Accept-Language at
// sign-up, changed by PATCH /me), emails and their PDFs (tickets, receipt) in German for a German
// account and in French for a guest who booked in French (words, the cinema's time in that locale,
// money the locale's way), and a movie's texts per language with the original as fallback.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatDateTime } from '../src/platform/i18n.ts';
import { buy, card } from './payments/payment-helpers.ts';
import { GOOD_PASSWORD, mailsTo, registerUser, uniqueEmail } from './support/accounts.ts';
import { backends } from './support/backends.ts';
import { makeShowtime } from './support/catalog-factories.ts';
import { makeUser, type TestUser } from './support/factories.ts';
import { pdfLines } from './support/pdf-text.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

/** Text with no-break spaces (which Intl puts in "12,00 €" and French times) made plain. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
type Mail = { subject: string; text_body: string; attachments: { filename: string; contentBase64: string }[] };
const attached = (mail: Mail, name: RegExp) => {
  const a = mail.attachments.find((x) => name.test(x.filename));
  assert.ok(a, `${name} attached to "${mail.subject}"`);
  return pdfLines(Buffer.from(a.contentBase64, 'base64')).map(plain);
};

for (const backend of backends()) {
  describe(`languages on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    const titleOf = async (movieId: string): Promise<string> =>
      (await t.request({ method: 'GET', url: `/api/v1/movies/${movieId}` })).body.title;
    const me = (token: string) => t.request({ method: 'GET', url: '/api/v1/me', token });

    test("an account's language comes from Accept-Language at sign-up (or the body), PATCH /me changes it", async () => {
      const fr = await registerUser(t, { headers: { 'accept-language': 'es-ES, fr-CH;q=0.9, de;q=0.8' } });
      assert.equal(fr.body.user.language, 'fr');
      const de = await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: uniqueEmail(), password: GOOD_PASSWORD, name: 'Hanna', language: 'de' },
        headers: { 'accept-language': 'fr' },
      });
      assert.equal(de.body.user.language, 'de', 'the body wins over the header');
      assert.equal((await registerUser(t, { headers: { 'accept-language': 'ja, es' } })).body.user.language, 'en');

      const user = await makeUser(t);
      assert.equal((await me(user.token)).body.language, 'en');
      const patch = (language: unknown) =>
        t.request({ method: 'PATCH', url: '/api/v1/me', token: user.token, payload: { language } });
      assert.equal((await patch('de')).body.language, 'de');
      assert.equal((await me(user.token)).body.language, 'de');
      const refused = await patch('es');
      assert.equal(refused.status, 422);
      assert.equal(refused.body.code, 'validation_failed');
      assert.equal((await me(user.token)).body.language, 'de');
    });

    test('a German account gets its confirmation, tickets PDF and receipt in German, times in the cinema zone', async () => {
      const s = await makeShowtime(t);
      const user = await makeUser(t, { name: 'Hanna' });
      await t.request({ method: 'PATCH', url: '/api/v1/me', token: user.token, payload: { language: 'de' } });
      const { booking } = await buy(t, user, s.showtimeId, [s.seat('A', 1).id, s.seat('A', 2).id]);
      const [mail] = (await mailsTo(t, user.email)) as unknown as Mail[];
      assert.ok(mail);
      const when = plain(formatDateTime(s.startsAt, 'Europe/Berlin', 'de'));
      assert.match(when, /^\w+, \d+\. \w+ \d{4} um \d\d:\d\d (MEZ|MESZ)$/);
      assert.equal(plain(mail.subject), `Ihre Tickets: ${await titleOf(s.movieId)}, ${when}`);
      assert.match(mail.text_body, /^Hallo Hanna,\n\nIhre Buchung ist bestätigt\./);
      assert.ok(mail.text_body.includes('Reihe A, Platz 1'), mail.text_body);
      const tickets = attached(mail, /^tickets\.pdf$/);
      assert.ok(tickets.includes(when), tickets.join('\n'));
      assert.ok(tickets.includes('Reihe A  Platz 2'), tickets.join('\n'));
      assert.ok(tickets.includes('Standard · 12,00 €'), tickets.join('\n'));
      const receipt = attached(mail, /^receipt-/);
      assert.ok(
        receipt.some((l) => /^Beleg /.test(l)),
        receipt.join('\n'),
      );
      assert.ok(receipt.includes('Summe') && receipt.includes('24,00 €'), receipt.join('\n'));
      // Downloads too: the account's language beats an English browser; `?lang` beats both.
      const download = async (path: string) => {
        const res = await t.app.http.inject({
          method: 'GET',
          url: `/api/v1/bookings/${booking.id}/${path}`,
          headers: { authorization: `Bearer ${user.token}`, 'accept-language': 'en-GB,en;q=0.9' },
        });
        assert.equal(res.statusCode, 200, res.body);
        return pdfLines(res.rawPayload).map(plain);
      };
      assert.ok((await download('tickets.pdf')).includes('Reihe A  Platz 2'));
      assert.ok((await download('receipt.pdf')).some((l) => /^Beleg /.test(l)));
      assert.ok((await download('tickets.pdf?lang=en')).includes('Row A  Seat 2'));
    });

    test("a guest's mail is in the language the guest booked in; the movie's French title, the original elsewhere", async () => {
      const s = await makeShowtime(t);
      const original = await titleOf(s.movieId);
      const french = `Le film ${original}`;
      const translations = { fr: { title: french, synopsis: 'Une histoire.' } };
      const set = await t.request({
        method: 'PATCH',
        url: `/api/v1/movies/${s.movieId}`,
        token: admin.token,
        payload: { translations },
      });
      assert.equal(set.status, 200, set.text);
      assert.deepEqual(set.body.translations, translations);

      const read = (query: string, headers: Record<string, string> = {}) =>
        t.request({ method: 'GET', url: `/api/v1/movies/${s.movieId}${query}`, headers });
      const inFrench = await read('', { 'accept-language': 'fr-FR,fr;q=0.9' });
      assert.equal(inFrench.body.title, original, 'the original stays in title');
      assert.deepEqual(inFrench.body.localized, {
        language: 'fr',
        title: french,
        synopsis: 'Une histoire.',
        genres: [],
      });
      // Cached per language: the German read right after gets the original, not the French copy.
      const inGerman = await read('?lang=de', { 'accept-language': 'fr' });
      assert.equal(inGerman.body.localized.title, original);
      assert.equal(inGerman.body.localized.language, 'de');
      assert.notEqual(inGerman.headers.etag, inFrench.headers.etag);
      assert.match(String(inFrench.headers.vary), /accept-language/i);
      assert.equal((await read('?lang=xx')).status, 422);

      const email = uniqueEmail('camille');
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('B', 3).id], email, name: 'Camille' },
        headers: { 'accept-language': 'fr-CA, en;q=0.5' },
      });
      assert.equal(held.status, 201, held.text);
      const paid = await t.request({
        method: 'POST',
        url: `/api/v1/guest/bookings/${held.body.id}/payments`,
        headers: { authorization: `Booking ${held.body.managementToken}` },
        payload: { card: card() },
      });
      assert.equal(paid.status, 201, paid.text);
      const [mail] = (await mailsTo(t, email)) as unknown as Mail[];
      assert.ok(mail);
      const when = plain(formatDateTime(s.startsAt, 'Europe/Berlin', 'fr'));
      assert.match(when, /^\w+ \d+ \S+ \d{4} à \d\d:\d\d UTC\+[12]$/);
      assert.equal(plain(mail.subject), `Vos billets : ${french}, ${when}`);
      assert.match(mail.text_body, /^Bonjour Camille,\n\nVotre réservation est confirmée\./);
      const tickets = attached(mail, /^tickets\.pdf$/);
      assert.ok(tickets.includes(french), tickets.join('\n'));
      assert.ok(tickets.includes('Rang B  Place 3'), tickets.join('\n'));
      assert.ok(tickets.includes('Standard · 12,00 €'), tickets.join('\n'));
      assert.ok(attached(mail, /^receipt-/).some((l) => /^Reçu /.test(l)));
    });
  });
}
