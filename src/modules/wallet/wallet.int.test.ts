// Wallet passes through HTTP on a real database, signed with certificates made by OpenSSL for the
// test: the .pkpass's pass.json, its manifest hashes and its PKCS #7 signature (verified by OpenSSL
// against the test CA; a tampered manifest fails), the Google save link's JWT (verified with the
// public key), who may have which pass, the confirmation email's links, and the PassKit web service
// (register, changed serials after a move, 304, cancellation voids, token refusal), and the updates
// that reach the phone makers: APNs pushes to a local HTTP/2 TLS server that requires the pass
// certificate as client certificate (a 410 forgets the device), and the Google Wallet API's PATCHes
// to a local fake that hands out and checks an OAuth token.
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { buy, cancel, card } from '../../../test/payments/payment-helpers.ts';
import { mailsTo } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { startWalletFakes, type WalletFakes } from '../../../test/support/wallet-fakes.ts';
import {
  makeWalletCerts,
  PASS_TYPE_ID,
  unzipPass,
  verifyPassSignature,
  type WalletCerts,
} from '../../../test/support/wallet-certs.ts';

const GOOGLE_ISSUER = '3388000000012345678';
const GOOGLE_EMAIL = 'wallet@marquee-test.iam.gserviceaccount.com';
const WS = '/api/wallet/apple/v1';

const certs: WalletCerts = makeWalletCerts();
const google = generateKeyPairSync('rsa', { modulusLength: 2048 });
after(() => certs.remove());

const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('hex');

const fakes: WalletFakes = await startWalletFakes(certs, google.publicKey, GOOGLE_EMAIL);
after(() => fakes.close());
const { pushes, googleCalls } = fakes;

for (const backend of backends()) {
  describe(`wallet passes on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend, {
        runJobs: false,
        env: {
          ...certs.env,
          GOOGLE_WALLET_ISSUER_ID: GOOGLE_ISSUER,
          GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL: GOOGLE_EMAIL,
          GOOGLE_WALLET_PRIVATE_KEY: google.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          APPLE_WALLET_APNS_URL: fakes.apnsUrl,
          APPLE_WALLET_APNS_CA: fakes.apnsServerCert,
          GOOGLE_WALLET_API_URL: `${fakes.googleUrl}/v1`,
          GOOGLE_WALLET_TOKEN_URL: `${fakes.googleUrl}/token`,
        },
      });
      [alice, bob, admin] = await Promise.all([makeUser(t), makeUser(t), makeUser(t, { role: 'admin' })]);
    });
    after(() => t.close());

    /** A paid booking of alice's (or another's): its showtime and tickets. */
    async function aliceTickets(seats = 1, buyer = alice) {
      const s = await makeShowtime(t);
      const paid = await buy(
        t,
        buyer,
        s.showtimeId,
        s.seats.slice(0, seats).map((x) => x.id),
      );
      return { s, booking: paid.booking, tickets: paid.booking.tickets as any[] };
    }

    const download = async (url: string, headers: Record<string, string> = {}) => {
      const res = await t.app.http.inject({ method: 'GET', url, headers });
      return { status: res.statusCode, headers: res.headers, body: res.rawPayload, json: () => res.json() };
    };

    test('the .pkpass: pass.json fields, manifest hashes, a signature OpenSSL verifies (a tampered manifest fails)', async () => {
      const { s, tickets } = await aliceTickets(2);
      const ticket = tickets[1];
      // Coordinates set on the cinema (staff console, migration 215) reach the pass.
      await t.app.platform.database.db
        .updateTable('cinemas')
        .set({ latitude: 52.52, longitude: 13.405 })
        .where('id', '=', s.cinemaId)
        .execute();
      const offers = await t.request({ method: 'GET', url: '/api/v1/wallet' });
      assert.deepEqual(offers.body, { apple: true, google: true });

      const res = await download(`/api/v1/tickets/${ticket.id}/wallet/apple`, {
        authorization: `Bearer ${alice.token}`,
      });
      assert.equal(res.status, 200, res.body.toString());
      assert.equal(res.headers['content-type'], 'application/vnd.apple.pkpass');
      const files = unzipPass(res.body, certs.dir);
      for (const name of ['pass.json', 'manifest.json', 'signature', 'icon.png', 'icon@2x.png', 'logo.png'])
        assert.ok(files[name], `${name} is in the pass`);

      const pass = JSON.parse(files['pass.json']!.toString('utf8'));
      assert.equal(pass.formatVersion, 1);
      assert.equal(pass.passTypeIdentifier, PASS_TYPE_ID);
      assert.equal(pass.teamIdentifier, 'TEAM123456');
      assert.equal(pass.serialNumber, ticket.id);
      assert.equal(pass.webServiceURL, 'http://box.test/api/wallet/apple');
      assert.ok(pass.authenticationToken.length >= 16);
      assert.deepEqual(pass.barcodes, [
        { format: 'PKBarcodeFormatQR', message: ticket.code, messageEncoding: 'iso-8859-1' },
      ]);
      assert.equal(new Date(pass.relevantDate).getTime(), s.startsAt.getTime());
      assert.deepEqual(pass.locations, [
        { latitude: 52.52, longitude: 13.405, relevantText: pass.eventTicket.backFields[0].value },
      ]);
      const fields = Object.fromEntries(
        ['primaryFields', 'secondaryFields', 'auxiliaryFields', 'backFields'].flatMap((k) =>
          pass.eventTicket[k].map((f: { key: string; value: string }) => [f.key, f.value]),
        ),
      );
      assert.equal(fields.row, ticket.seat.row);
      assert.equal(fields.seat, String(ticket.seat.number));
      assert.match(fields.movie, /\S/);
      assert.match(fields.hall, /\S/);
      assert.match(fields.cinema, /^Cinema [0-9a-f]{8}, Testville$/);
      // The cinema's clock (Europe/Berlin), not the server's UTC.
      const berlin = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
      });
      assert.ok(fields.starts.includes(berlin.format(s.startsAt)), fields.starts);

      const manifest = JSON.parse(files['manifest.json']!.toString('utf8'));
      assert.deepEqual(
        Object.keys(manifest).sort(),
        Object.keys(files)
          .filter((n) => n !== 'manifest.json' && n !== 'signature')
          .sort(),
      );
      for (const [name, hash] of Object.entries(manifest)) assert.equal(hash, sha1(files[name]!), name);

      const verified = verifyPassSignature(certs, files.signature!, files['manifest.json']!);
      assert.ok(verified.ok, verified.stderr);
      assert.match(verified.signers, /BEGIN CERTIFICATE/);
      const tampered = Buffer.from(files['manifest.json']!.toString('utf8').replace(/[0-9a-f]{40}/, '0'.repeat(40)));
      assert.equal(verifyPassSignature(certs, files.signature!, tampered).ok, false);
    });

    test("a German account's pass speaks German: labels, the start, Google's language", async () => {
      const hanna = await makeUser(t);
      await t.request({ method: 'PATCH', url: '/api/v1/me', token: hanna.token, payload: { language: 'de' } });
      const { tickets } = await aliceTickets(1, hanna);
      const headers = { authorization: `Bearer ${hanna.token}`, 'accept-language': 'en' };
      const res = await download(`/api/v1/tickets/${tickets[0].id}/wallet/apple`, headers);
      assert.equal(res.status, 200);
      const pass = JSON.parse(unzipPass(res.body, certs.dir)['pass.json']!.toString('utf8'));
      assert.match(pass.description, /^Kinoticket: /);
      const labels = ['primaryFields', 'secondaryFields', 'auxiliaryFields', 'backFields'].flatMap((k) =>
        pass.eventTicket[k].map((f: { label: string }) => f.label),
      );
      assert.deepEqual(labels, ['Film', 'Beginn', 'Saal', 'Reihe', 'Platz', 'Kino', 'Buchung']);
      assert.match(pass.eventTicket.secondaryFields[0].value, / um \d\d:\d\d (MEZ|MESZ)$/);
      const google = await t.request({
        method: 'GET',
        url: `/api/v1/tickets/${tickets[0].id}/wallet/google`,
        token: hanna.token,
      });
      const jwt = decodeJwt(google.body.url.slice(google.body.url.lastIndexOf('/') + 1)) as any;
      assert.equal(jwt.payload.eventTicketClasses[0].eventName.defaultValue.language, 'de');
      assert.equal(jwt.payload.eventTicketObjects[0].textModulesData[0].header, 'Beginn');
    });

    test('only the owner (or staff) gets a pass; a guest by the booking token; bad ids are 4xx', async () => {
      const { tickets } = await aliceTickets();
      const url = `/api/v1/tickets/${tickets[0].id}/wallet/apple`;
      assert.equal((await t.request({ method: 'GET', url })).status, 401);
      const others = await t.request({ method: 'GET', url, token: bob.token });
      assert.equal(others.status, 404);
      assert.equal(others.body.code, 'ticket_not_found');
      assert.equal((await download(url, { authorization: `Bearer ${admin.token}` })).status, 200);
      const bad = await t.request({ method: 'GET', url: '/api/v1/tickets/nope/wallet/apple', token: alice.token });
      assert.equal(bad.status, 404);
      const gone = await t.request({
        method: 'GET',
        url: '/api/v1/tickets/00000000-0000-4000-8000-000000000000/wallet/google',
        token: alice.token,
      });
      assert.equal(gone.status, 404);

      const s = await makeShowtime(t);
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: { showtimeId: s.showtimeId, seatIds: [s.seats[0]!.id], email: 'grace@example.test', name: 'Grace' },
      });
      assert.equal(held.status, 201, held.text);
      const headers = { authorization: `Booking ${held.body.managementToken as string}` };
      const base = `/api/v1/guest/bookings/${held.body.id as string}`;
      const paid = await t.request({ method: 'POST', url: `${base}/payments`, headers, payload: { card: card() } });
      assert.equal(paid.status, 201, paid.text);
      const guestTicket = paid.body.booking.tickets[0];
      const pass = await download(`${base}/tickets/${guestTicket.id}/wallet/apple`, headers);
      assert.equal(pass.status, 200);
      const serial = JSON.parse(unzipPass(pass.body, certs.dir)['pass.json']!.toString('utf8')).serialNumber;
      assert.equal(serial, guestTicket.id);
      const link = await t.request({ method: 'GET', url: `${base}/tickets/${guestTicket.id}/wallet/google`, headers });
      assert.equal(link.status, 200);
      // Another booking's ticket through this token: as if it did not exist.
      assert.equal((await download(`${base}/tickets/${tickets[0].id}/wallet/apple`, headers)).status, 404);
      assert.equal((await download(`${base}/tickets/${guestTicket.id}/wallet/apple`)).status, 401);
    });

    test('the Google save link: an RS256 JWT for an event-ticket object, verified with the public key', async () => {
      const { s, tickets } = await aliceTickets();
      const ticket = tickets[0];
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/tickets/${ticket.id}/wallet/google`,
        token: alice.token,
      });
      assert.equal(res.status, 200, res.text);
      const prefix = 'https://pay.google.com/gp/v/save/';
      assert.ok(res.body.url.startsWith(prefix));
      const jwt = res.body.url.slice(prefix.length);
      assert.equal(decodeProtectedHeader(jwt).alg, 'RS256');
      const { payload } = await jwtVerify(jwt, google.publicKey, { issuer: GOOGLE_EMAIL, audience: 'google' });
      assert.equal(payload.typ, 'savetowallet');
      assert.deepEqual(payload.origins, ['http://box.test']);
      const body = payload.payload as any;
      const [object] = body.eventTicketObjects;
      const [klass] = body.eventTicketClasses;
      assert.equal(object.id, `${GOOGLE_ISSUER}.${ticket.id}`);
      assert.equal(object.classId, `${GOOGLE_ISSUER}.marquee-${s.showtimeId}`);
      assert.equal(klass.id, object.classId);
      assert.deepEqual(object.barcode, { type: 'QR_CODE', value: ticket.code });
      assert.equal(object.seatInfo.row.defaultValue.value, ticket.seat.row);
      assert.equal(object.seatInfo.seat.defaultValue.value, String(ticket.seat.number));
      assert.equal(object.state, 'ACTIVE');
      assert.match(klass.eventName.defaultValue.value, /\S/);
      assert.equal(new Date(klass.dateTime.start).getTime(), s.startsAt.getTime());
      assert.equal(new Date(object.validTimeInterval.start.date).getTime(), s.startsAt.getTime());
      // Signed by nobody else's key.
      const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
      await assert.rejects(jwtVerify(jwt, stranger.publicKey));
      assert.equal(decodeJwt(jwt).iss, GOOGLE_EMAIL);
    });

    test('the confirmation email offers both wallets per ticket; its Apple link opens with the pass token only', async () => {
      // A buyer of one booking only: their one confirmation is this one.
      const carol = await makeUser(t);
      const { tickets } = await aliceTickets(2, carol);
      const [mail] = (await mailsTo(t, carol.email)).filter((m) => m.subject.startsWith('Your tickets'));
      assert.ok(mail, 'a confirmation was made');
      for (const ticket of tickets) {
        assert.match(mail.html_body, new RegExp(`/api/wallet/apple/download/${ticket.id}\\?token=`));
        assert.ok(mail.text_body.includes(`/api/wallet/apple/download/${ticket.id}?token=`));
      }
      assert.match(mail.html_body, /Add to Apple Wallet/);
      assert.match(mail.html_body, /Save to Google Wallet/);
      assert.match(mail.text_body, /Save to Google Wallet: https:\/\/pay\.google\.com\/gp\/v\/save\/\S+/);
      const link = new RegExp(`http://box\\.test(/api/wallet/apple/download/${tickets[0].id}\\?token=[\\w-]+)`).exec(
        mail.text_body,
      )?.[1];
      assert.ok(link);
      assert.equal((await download(link)).status, 200);
      const wrong = await t.request({ method: 'GET', url: link.replace(/token=.*/, 'token=forged-token-value') });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.code, 'pass_token_invalid');
    });

    test('PassKit web service: register, changed serials after a move, 304, void on cancel, 401 without the token', async () => {
      const { s, booking, tickets } = await aliceTickets();
      const ticket = tickets[0];
      const first = await download(`/api/v1/tickets/${ticket.id}/wallet/apple`, {
        authorization: `Bearer ${alice.token}`,
      });
      const pass = JSON.parse(unzipPass(first.body, certs.dir)['pass.json']!.toString('utf8'));
      const auth = { authorization: `ApplePass ${pass.authenticationToken as string}` };
      const device = `device${Math.random().toString(16).slice(2)}`;
      const registration = `${WS}/devices/${device}/registrations/${PASS_TYPE_ID}/${ticket.id}`;
      const pushToken = `apns-${device}`;
      const register = (headers: Record<string, string>) =>
        t.request({ method: 'POST', url: registration, headers, payload: { pushToken } });

      assert.equal((await register({})).status, 401);
      assert.equal((await register({ authorization: 'ApplePass not-the-token-of-this-pass' })).status, 401);
      assert.equal((await register(auth)).status, 201);
      assert.equal((await register(auth)).status, 200, 'already registered');
      // A second phone holding the pass, which APNs will say is gone (410).
      const goneDevice = `gone${device}`;
      const goneRegistrations = `${WS}/devices/${goneDevice}/registrations/${PASS_TYPE_ID}`;
      const second = await t.request({
        method: 'POST',
        url: `${goneRegistrations}/${ticket.id}`,
        headers: auth,
        payload: { pushToken: `gone-${device}` },
      });
      assert.equal(second.status, 201);
      const otherType = await t.request({
        method: 'POST',
        url: `${WS}/devices/${device}/registrations/pass.other.type/${ticket.id}`,
        headers: auth,
        payload: { pushToken: 'x' },
      });
      assert.equal(otherType.status, 404);

      const list = (since?: string) =>
        t.request({
          method: 'GET',
          url: `${WS}/devices/${device}/registrations/${PASS_TYPE_ID}${since ? `?passesUpdatedSince=${since}` : ''}`,
        });
      const all = await list();
      assert.equal(all.status, 200);
      assert.deepEqual(all.body.serialNumbers, [ticket.id]);
      const tag = all.body.lastUpdated as string;
      assert.equal((await list(tag)).status, 204);

      const passUrl = `${WS}/passes/${PASS_TYPE_ID}/${ticket.id}`;
      const lastModified = String(first.headers['last-modified']);
      assert.equal((await download(passUrl, { ...auth, 'if-modified-since': lastModified })).status, 304);
      assert.equal((await download(passUrl)).status, 401);

      // The showtime moves an hour later: the pass changed, and the new one says so.
      const startsAt = new Date(s.startsAt.getTime() + 3600_000);
      const moved = await t.request({
        method: 'PATCH',
        url: `/api/v1/showtimes/${s.showtimeId}`,
        token: admin.token,
        payload: { startsAt: startsAt.toISOString() },
      });
      assert.equal(moved.status, 200, moved.text);
      await t.app.runJobsOnce();
      // One empty push per registered device, to the pass type's topic, with the pass certificate.
      const ours = () => pushes.filter((p) => p.token.endsWith(device));
      assert.deepEqual(
        ours()
          .map((p) => [p.token, p.topic, p.body, p.clientCert])
          .sort(),
        [
          [`apns-${device}`, PASS_TYPE_ID, '{}', PASS_TYPE_ID],
          [`gone-${device}`, PASS_TYPE_ID, '{}', PASS_TYPE_ID],
        ],
      );
      assert.equal((await t.request({ method: 'GET', url: goneRegistrations })).status, 204, '410 forgot it');
      const classId = `${GOOGLE_ISSUER}.marquee-${s.showtimeId}`;
      const classPatch = googleCalls.find((c) => c.url === `/v1/eventTicketClass/${classId}`);
      assert.equal(classPatch?.method, 'PATCH');
      assert.equal(classPatch.auth, 'Bearer google-access-1');
      assert.equal(new Date(classPatch.body.dateTime.start).getTime(), startsAt.getTime());
      const changed = await list(tag);
      assert.equal(changed.status, 200);
      assert.deepEqual(changed.body.serialNumbers, [ticket.id]);
      assert.ok(Number(changed.body.lastUpdated) > Number(tag));
      const fresh = await download(passUrl, { ...auth, 'if-modified-since': lastModified });
      assert.equal(fresh.status, 200);
      const movedPass = JSON.parse(unzipPass(fresh.body, certs.dir)['pass.json']!.toString('utf8'));
      assert.equal(new Date(movedPass.relevantDate).getTime(), startsAt.getTime());
      const notAgain = await download(passUrl, {
        ...auth,
        'if-modified-since': String(fresh.headers['last-modified']),
      });
      assert.equal(notAgain.status, 304);

      // Cancelled: the pass changes again and is voided.
      assert.equal((await cancel(t, alice, booking.id)).status, 200);
      await t.app.runJobsOnce();
      assert.equal(ours().length, 3, 'the forgotten device is not pushed again');
      const objectPatch = googleCalls.find((c) => c.url === `/v1/eventTicketObject/${GOOGLE_ISSUER}.${ticket.id}`);
      assert.deepEqual(
        [objectPatch?.method, objectPatch?.auth, objectPatch?.body],
        ['PATCH', 'Bearer google-access-1', { state: 'INACTIVE' }],
      );
      assert.deepEqual((await list(changed.body.lastUpdated)).body.serialNumbers, [ticket.id]);
      const voided = await download(passUrl, { ...auth, 'if-modified-since': String(fresh.headers['last-modified']) });
      assert.equal(voided.status, 200);
      assert.equal(JSON.parse(unzipPass(voided.body, certs.dir)['pass.json']!.toString('utf8')).voided, true);

      const log = await t.request({ method: 'POST', url: `${WS}/log`, payload: { logs: ['a device says hello'] } });
      assert.equal(log.status, 200);
      assert.equal((await t.request({ method: 'DELETE', url: registration })).status, 401);
      assert.equal((await t.request({ method: 'DELETE', url: registration, headers: auth })).status, 200);
      assert.equal((await list()).status, 204);
      const badTag = await t.request({
        method: 'GET',
        url: `${WS}/devices/${device}/registrations/${PASS_TYPE_ID}?passesUpdatedSince=yesterday`,
      });
      assert.equal(badTag.status, 422);
    });
  });
}
