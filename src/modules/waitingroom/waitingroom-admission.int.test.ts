// The waiting room's admissions through HTTP on a real database: a movie room's token admits to every
// showtime of the movie, an admission lasts from the moment the place came up (not from the first
// look), a guest's place and token stay on the device that took them, and a freed hold lets one more
// in only for a hold made with an admission token, once per visit; and those holds' records are pruned.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pay } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

let address = 0;
/** A fresh client address per call (the join limit counts per address). */
const nextAddress = () => `10.9.${(address >> 8) & 255}.${address++ & 255}`;

for (const backend of backends()) {
  describe(`waiting room admissions on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    const call = (method: string, url: string, user: TestUser | null, payload?: unknown, headers = {}) =>
      t.request({
        method: method as 'GET',
        url,
        ...(user ? { token: user.token } : {}),
        headers,
        remoteAddress: nextAddress(),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const inMinutes = (m: number) => new Date(t.clock.now().getTime() + m * 60_000).toISOString();
    const join = (show: TestShowtime, user: TestUser | null, body: object = {}, headers = {}) =>
      call('POST', `/api/v1/showtimes/${show.showtimeId}/waiting-room/visits`, user, body, headers);
    const current = (show: TestShowtime, user: TestUser) =>
      call('GET', `/api/v1/showtimes/${show.showtimeId}/waiting-room/visits/current`, user);
    const holdWith = (show: TestShowtime, user: TestUser, seat: string, token?: string) =>
      call(
        'POST',
        '/api/v1/bookings',
        user,
        { showtimeId: show.showtimeId, seatIds: [show.seat('A', Number(seat)).id] },
        token ? { 'waiting-room-token': token } : {},
      );
    /** A room on the showtime, opened (the on-sale moment passes and the job draws). */
    async function openRoom(url: string, admissionsPerMinute: number, admissionMinutes?: number) {
      const onSaleAt = inMinutes(1);
      const res = await call('PUT', url, admin, { onSaleAt, admissionsPerMinute, admissionMinutes });
      assert.equal(res.status, 200, res.text);
      t.clock.set(new Date(new Date(onSaleAt).getTime() + 1000));
      await t.app.runJobsOnce();
      return res.body as { id: string };
    }
    /** A second showtime of the same movie. */
    async function sameMovie(show: TestShowtime): Promise<TestShowtime> {
      const other = await makeShowtime(t);
      await t.app.platform.database.db
        .updateTable('showtimes')
        .set({ movie_id: show.movieId })
        .where('id', '=', other.showtimeId)
        .execute();
      return other;
    }

    test('a movie room admits its visitor to every showtime of the movie', async () => {
      const a = await makeShowtime(t);
      const b = await sameMovie(a);
      await openRoom(`/api/v1/movies/${a.movieId}/waiting-room`, 60);
      const ann = await makeUser(t);
      assert.equal((await join(a, ann)).status, 200);
      t.clock.advance(1500);
      await t.app.runJobsOnce();
      const onB = (await current(b, ann)).body;
      assert.deepEqual([onB.status, onB.showtimeId], ['admitted', b.showtimeId], 'visits/current answers for B');
      assert.equal((await holdWith(b, ann, '1')).status, 403, 'B is guarded too');
      const held = await holdWith(b, ann, '1', onB.admission.token);
      assert.equal(held.status, 201, held.text);
      const viaA = (await current(a, ann)).body.admission.token as string;
      assert.equal((await holdWith(a, ann, '2', viaA)).status, 201, 'and A with the token got through A');
    });

    test('an admission lasts admissionMinutes from the moment the place came up, not from the first look', async () => {
      const show = await makeShowtime(t);
      await openRoom(`/api/v1/showtimes/${show.showtimeId}/waiting-room`, 60, 5);
      const ann = await makeUser(t);
      await join(show, ann);
      t.clock.advance(1500);
      await t.app.runJobsOnce(); // admitted now
      t.clock.advance(4 * 60_000);
      const late = (await current(show, ann)).body;
      assert.equal(late.status, 'admitted');
      assert.equal(
        new Date(late.admission.expiresAt).getTime(),
        t.clock.now().getTime() - 4 * 60_000 + 5 * 60_000,
        'expires five minutes after the tick that admitted',
      );
      t.clock.advance(60_000);
      assert.equal((await current(show, ann)).body.status, 'expired', 'looking late earns no more time');
    });

    test('a guest’s place and token stay on the device that took it', async () => {
      const show = await makeShowtime(t);
      await openRoom(`/api/v1/showtimes/${show.showtimeId}/waiting-room`, 60);
      const first = await join(show, null, { email: 'premiere.guest@example.test' });
      assert.equal(first.status, 200, first.text);
      const cookie = String(first.headers['set-cookie']).split(';')[0]!;
      t.clock.advance(1500);
      await t.app.runJobsOnce();
      const mine = await join(show, null, { email: 'premiere.guest@example.test' }, { cookie });
      assert.deepEqual([mine.body.visitId, mine.body.status], [first.body.visitId, 'admitted']);
      const thief = await join(show, null, { email: 'Premiere.Guest@example.test' });
      assert.equal(thief.status, 409, thief.text);
      assert.equal(thief.body.code, 'waiting_room_place_taken');
      assert.equal(JSON.stringify(thief.body).includes(mine.body.admission.token), false);
    });

    test('a hold/release loop by one admitted visitor lets one more in, not the whole line', async () => {
      const show = await makeShowtime(t);
      // An ended room of the same showtime first: the freed hold must find the open one.
      await openRoom(`/api/v1/showtimes/${show.showtimeId}/waiting-room`, 1);
      await join(show, await makeUser(t));
      assert.equal((await call('DELETE', `/api/v1/showtimes/${show.showtimeId}/waiting-room`, admin)).status, 204);
      const room = await openRoom(`/api/v1/showtimes/${show.showtimeId}/waiting-room`, 1);
      const users = await Promise.all(Array.from({ length: 6 }, () => makeUser(t)));
      for (const u of users) await join(show, u);
      t.clock.advance(60_000);
      await t.app.runJobsOnce();
      const admitted = async () =>
        (await call('GET', `/api/v1/waiting-rooms/${room.id}`, admin)).body.admitted as number;
      assert.equal(await admitted(), 1);
      const token = (await current(show, users[0]!)).body.admission.token as string;
      for (let i = 0; i < 4; i++) {
        const held = await holdWith(show, users[0]!, String(i + 1), token);
        assert.equal(held.status, 201, held.text);
        assert.equal((await call('DELETE', `/api/v1/bookings/${held.body.id}`, users[0]!)).status, 204);
        await t.app.runJobsOnce();
      }
      assert.equal(await admitted(), 2, 'one more for the visit, not one per release');
      const staffHold = await holdWith(show, admin, '9');
      assert.equal((await call('DELETE', `/api/v1/bookings/${staffHold.body.id}`, admin)).status, 204);
      await t.app.runJobsOnce();
      assert.equal(await admitted(), 2, 'a hold made without a token frees no admission');
    });

    test('token holds are forgotten by the prune job: a paid one after its hold could have lapsed, an ended room’s at once', async () => {
      const records = (bookingIds: string[]) =>
        t.app.platform.database.db
          .selectFrom('waiting_room_holds')
          .select('booking_id')
          .where('booking_id', 'in', bookingIds)
          .execute()
          .then((rows) => rows.map((r) => r.booking_id).sort());
      const admittedVisitor = async (show: TestShowtime) => {
        await openRoom(`/api/v1/showtimes/${show.showtimeId}/waiting-room`, 60);
        const user = await makeUser(t);
        await join(show, user);
        t.clock.advance(1500);
        await t.app.runJobsOnce();
        return { user, token: (await current(show, user)).body.admission.token as string };
      };
      const a = await makeShowtime(t);
      const ann = await admittedVisitor(a);
      const heldAt = t.clock.now().getTime();
      const paid = (await holdWith(a, ann.user, '1', ann.token)).body.id as string;
      assert.equal((await pay(t, ann.user, paid)).status, 201);
      const b = await makeShowtime(t);
      const bob = await admittedVisitor(b);
      const live = (await holdWith(b, bob.user, '1', bob.token)).body.id as string;
      assert.deepEqual(await records([paid, live]), [paid, live].sort());

      assert.equal((await call('DELETE', `/api/v1/showtimes/${b.showtimeId}/waiting-room`, admin)).status, 204);
      await t.app.runJobsOnce();
      assert.deepEqual(await records([paid, live]), [paid], 'the ended room admits nobody: its record goes');
      assert.equal((await call('GET', `/api/v1/bookings/${live}`, bob.user)).body.status, 'held', 'the hold stays');

      const { holdMinutes, holdExtensionMinutes } = t.config;
      t.clock.set(new Date(heldAt + 24 * 3_600_000 + (holdMinutes + holdExtensionMinutes - 1) * 60_000));
      await t.app.runJobsOnce();
      assert.deepEqual(await records([paid]), [paid], 'kept while a hold made with it could still be live (+ a day)');
      t.clock.advance(2 * 60_000);
      await t.app.runJobsOnce();
      assert.deepEqual(await records([paid]), [], 'then forgotten');
    });
  });
}
