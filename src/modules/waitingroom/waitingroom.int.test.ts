// The waiting room through HTTP on a real database: admins guard a showtime, early visitors are
// drawn into a random order at the on-sale moment and later ones queue in order, places are admitted
// at the rate (and one more per freed hold), holds need the admission token of their session or guest
// email and showtime, one place per account, guest email and device, joins are rate limited, and a
// new app on the same database keeps every place.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startOnDatabase, startTestApp, type TestApp, type TestResponse } from '../../../test/support/test-app.ts';
import { signAdmission, sessionKey } from './admission-token.ts';

const JOINS_PER_MINUTE = 5;
let address = 0;
/** A fresh client address per join (the join limit counts per address). */
const nextAddress = () => `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}`;

for (const backend of backends()) {
  describe(`waiting room on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { WAITING_ROOM_JOINS_PER_MINUTE: String(JOINS_PER_MINUTE) } });
      admin = await makeUser(t, { role: 'admin' });
      staff = await makeUser(t, { role: 'staff' });
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
    async function guard(show: TestShowtime, body: Record<string, unknown>) {
      const res = await call('PUT', `/api/v1/showtimes/${show.showtimeId}/waiting-room`, admin, body);
      assert.equal(res.status, 200, res.text);
      return res.body;
    }
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
    /** The on-sale moment passes: the job draws the early visitors' places. */
    async function openAt(onSaleAt: string) {
      t.clock.set(new Date(new Date(onSaleAt).getTime() + 1000));
      await t.app.runJobsOnce();
    }

    test('admins guard a showtime; customers cannot; holds need an admission token, staff excepted', async () => {
      const show = await makeShowtime(t);
      const customer = await makeUser(t);
      assert.equal(
        (
          await call('PUT', `/api/v1/showtimes/${show.showtimeId}/waiting-room`, customer, {
            onSaleAt: inMinutes(5),
            admissionsPerMinute: 10,
          })
        ).status,
        403,
      );
      assert.equal((await holdWith(show, customer, '1')).status, 201, 'not guarded yet');
      const room = await guard(show, { onSaleAt: inMinutes(5), admissionsPerMinute: 10 });
      assert.deepEqual(
        [room.status, room.scope, room.showtimeId, room.waiting],
        ['scheduled', 'showtime', show.showtimeId, 0],
      );
      const info = await call('GET', `/api/v1/showtimes/${show.showtimeId}/waiting-room`, null);
      assert.deepEqual([info.body.active, info.body.status], [true, 'scheduled']);
      const refused = await holdWith(show, customer, '2');
      assert.equal(refused.status, 403, refused.text);
      assert.equal(refused.body.code, 'waiting_room_required');
      assert.equal((await holdWith(show, staff, '3')).status, 201, 'staff are exempt');
      const bad = await call('PUT', `/api/v1/showtimes/${show.showtimeId}/waiting-room`, admin, {
        onSaleAt: 'soon',
        admissionsPerMinute: 0,
      });
      assert.equal(bad.status, 422);
      const unknown = await call('PUT', `/api/v1/showtimes/${crypto.randomUUID()}/waiting-room`, admin, {
        onSaleAt: inMinutes(5),
        admissionsPerMinute: 1,
      });
      assert.equal(unknown.body.code, 'showtime_not_found');
      assert.equal((await call('DELETE', `/api/v1/showtimes/${show.showtimeId}/waiting-room`, admin)).status, 204);
      assert.equal((await holdWith(show, customer, '4')).status, 201, 'an ended room guards nothing');
    });

    test('early visitors are drawn into a random order at the on-sale moment; later ones queue in order', async () => {
      const show = await makeShowtime(t);
      const onSaleAt = inMinutes(10);
      await guard(show, { onSaleAt, admissionsPerMinute: 1 });
      const early = await Promise.all(Array.from({ length: 12 }, () => makeUser(t)));
      const visitIds: string[] = [];
      for (const u of early) {
        const v = await join(show, u);
        assert.equal(v.status, 200, v.text);
        assert.deepEqual([v.body.status, v.body.position], ['waiting', null], 'no place before the draw');
        visitIds.push(v.body.visitId);
        t.clock.advance(1000); // each arrives a second after the one before
      }
      await openAt(onSaleAt);
      const places = await Promise.all(early.map(async (u) => (await current(show, u)).body.position as number));
      assert.deepEqual(
        [...places].sort((a, b) => a - b),
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      assert.notDeepEqual(
        places,
        Array.from({ length: 12 }, (_, i) => i + 1),
        'arriving first is no advantage',
      );
      const late = await Promise.all(Array.from({ length: 3 }, () => makeUser(t)));
      for (const [i, u] of late.entries()) assert.equal((await join(show, u)).body.position, 13 + i);
      const stats = await call('GET', `/api/v1/waiting-rooms/${(await guardOf(show)).id}`, staff);
      assert.deepEqual([stats.body.status, stats.body.waiting, stats.body.admitted], ['open', 15, 0]);
    });
    const guardOf = async (show: TestShowtime) =>
      ((await call('GET', '/api/v1/waiting-rooms', staff)).body.items as { id: string; showtimeId: string }[]).find(
        (r) => r.showtimeId === show.showtimeId,
      )!;

    test('places are admitted at the rate, in order, and one more for each freed hold', async () => {
      const show = await makeShowtime(t);
      const onSaleAt = inMinutes(1);
      await guard(show, { onSaleAt, admissionsPerMinute: 2 });
      await openAt(onSaleAt);
      const users = await Promise.all(Array.from({ length: 6 }, () => makeUser(t)));
      for (const u of users) await join(show, u);
      const statusOf = async () => Promise.all(users.map(async (u) => (await current(show, u)).body.status as string));
      assert.deepEqual(await statusOf(), Array(6).fill('waiting'));
      t.clock.advance(30_000);
      await t.app.runJobsOnce();
      assert.deepEqual(await statusOf(), ['admitted', 'waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
      t.clock.advance(60_000);
      await t.app.runJobsOnce();
      const visit = (await current(show, users[3]!)).body;
      assert.deepEqual([visit.position, visit.ahead, visit.estimatedWaitSeconds], [1, 0, 30]);
      assert.deepEqual(await statusOf(), ['admitted', 'admitted', 'admitted', 'waiting', 'waiting', 'waiting']);
      // The first admitted holds and releases: its seats back, one more comes in at once.
      const token = (await current(show, users[0]!)).body.admission.token as string;
      const held = await holdWith(show, users[0]!, '1', token);
      assert.equal(held.status, 201, held.text);
      assert.equal((await call('DELETE', `/api/v1/bookings/${held.body.id}`, users[0]!)).status, 204);
      await t.app.runJobsOnce();
      assert.deepEqual(await statusOf(), ['admitted', 'admitted', 'admitted', 'admitted', 'waiting', 'waiting']);
      const room = await guardOf(show);
      await call('POST', `/api/v1/waiting-rooms/${room.id}/pause`, staff);
      t.clock.advance(10 * 60_000);
      await t.app.runJobsOnce();
      assert.equal((await current(show, users[4]!)).body.status, 'waiting', 'paused: nobody admitted');
      const resumed = await call('POST', `/api/v1/waiting-rooms/${room.id}/resume`, staff);
      assert.equal(resumed.body.status, 'open');
      await call('PATCH', `/api/v1/waiting-rooms/${room.id}`, staff, { admissionsPerMinute: 60 });
      t.clock.advance(2000);
      await t.app.runJobsOnce();
      assert.deepEqual((await statusOf()).slice(4), ['admitted', 'admitted']);
    });

    test('the token admits its session to its showtime until it expires: forged, other showtime or session refused', async () => {
      const show = await makeShowtime(t);
      const other = await makeShowtime(t);
      const onSaleAt = inMinutes(1);
      await guard(show, { onSaleAt, admissionsPerMinute: 60, admissionMinutes: 5 });
      await guard(other, { onSaleAt, admissionsPerMinute: 60 });
      await openAt(onSaleAt);
      const ann = await makeUser(t);
      const bob = await makeUser(t);
      await join(show, ann);
      t.clock.advance(1500);
      await t.app.runJobsOnce();
      const visit = (await current(show, ann)).body;
      assert.equal(visit.status, 'admitted');
      const token = visit.admission.token as string;
      const reasonOf = async (res: Awaited<ReturnType<typeof holdWith>>) => {
        assert.equal(res.status, 403, res.text);
        assert.equal(res.body.code, 'waiting_room_required');
        return res.body.reason as string;
      };
      assert.equal(await reasonOf(await holdWith(show, ann, '1')), 'no admission token');
      assert.equal(
        await reasonOf(await holdWith(show, ann, '1', `${token.split('.')[0]}.AAAA`)),
        'forged admission token',
      );
      const forged = signAdmission('not-the-secret', {
        visitId: visit.visitId,
        roomId: (await guardOf(show)).id,
        holder: sessionKey('x'),
        expiresAt: 9e9,
      });
      assert.equal(await reasonOf(await holdWith(show, ann, '1', forged)), 'forged admission token');
      assert.equal(
        await reasonOf(await holdWith(show, bob, '1', token)),
        'admission token of another session or guest',
      );
      const elsewhere = await call(
        'POST',
        '/api/v1/bookings',
        ann,
        { showtimeId: other.showtimeId, seatIds: [other.seat('A', 1).id] },
        { 'waiting-room-token': token },
      );
      assert.equal(await reasonOf(elsewhere), 'admission token of another showtime');
      assert.equal((await holdWith(show, ann, '1', token)).status, 201);
      t.clock.advance(5 * 60_000);
      assert.equal(await reasonOf(await holdWith(show, ann, '2', token)), 'expired admission token');
      assert.deepEqual(
        [(await current(show, ann)).body.status, (await current(show, ann)).body.admission],
        ['expired', null],
      );
    });

    test('one place per account, guest email and device; guests hold with their email’s token', async () => {
      const show = await makeShowtime(t);
      const onSaleAt = inMinutes(1);
      await guard(show, { onSaleAt, admissionsPerMinute: 1 });
      await openAt(onSaleAt);
      const ann = await makeUser(t);
      const first = await join(show, ann);
      const again = await join(show, ann);
      assert.deepEqual([again.body.visitId, again.body.position], [first.body.visitId, first.body.position]);
      const guest = await join(show, null, { email: 'Guest.One@example.test' });
      assert.equal(guest.status, 200, guest.text);
      const cookie = String(guest.headers['set-cookie']).split(';')[0]!;
      assert.match(cookie, /^wr_device=/);
      const sameEmail = await join(show, null, { email: 'guest.one@EXAMPLE.test' }, { cookie });
      assert.equal(sameEmail.body.visitId, guest.body.visitId, 'the same address, in any case');
      const otherDevice = await join(show, null, { email: 'guest.one@example.test' });
      assert.deepEqual([otherDevice.status, otherDevice.body.code], [409, 'waiting_room_place_taken']);
      assert.equal(otherDevice.body.admission, undefined, 'no token for an email alone');
      const sameDevice = await join(show, null, { email: 'someone.else@example.test' }, { cookie });
      assert.equal(sameDevice.status, 409);
      assert.equal(sameDevice.body.code, 'waiting_room_device_in_use');
      const byDevice = await call(
        'GET',
        `/api/v1/showtimes/${show.showtimeId}/waiting-room/visits/current`,
        null,
        undefined,
        { cookie },
      );
      assert.equal(byDevice.body.visitId, guest.body.visitId, 'a guest finds their place again by device');
      assert.equal((await join(show, null, {})).status, 401, 'no account and no email');
      t.clock.advance(3 * 60_000);
      await t.app.runJobsOnce();
      const admitted = (
        await call('GET', `/api/v1/showtimes/${show.showtimeId}/waiting-room/visits/current`, null, undefined, {
          cookie,
        })
      ).body;
      assert.equal(admitted.status, 'admitted');
      const guestHold = (email: string, token?: string) =>
        call(
          'POST',
          '/api/v1/guest/bookings',
          null,
          { showtimeId: show.showtimeId, seatIds: [show.seat('B', 1).id], email, name: 'Guest' },
          {
            'sec-fetch-site': 'same-origin',
            ...(token ? { 'waiting-room-token': token } : {}),
          },
        );
      assert.equal((await guestHold('guest.one@example.test')).status, 403);
      assert.equal((await guestHold('other@example.test', admitted.admission.token)).status, 403);
      const ok = await guestHold('GUEST.one@example.test', admitted.admission.token);
      assert.equal(ok.status, 201, ok.text);
    });

    test('the first join after the on-sale moment makes the draw before taking its place', async () => {
      const show = await makeShowtime(t);
      const onSaleAt = inMinutes(1);
      await guard(show, { onSaleAt, admissionsPerMinute: 1 });
      const [early, late] = await Promise.all([makeUser(t), makeUser(t)]);
      await join(show, early);
      t.clock.set(new Date(new Date(onSaleAt).getTime() + 1));
      assert.equal((await join(show, late)).body.position, 2, 'no job has run: the join drew first');
      assert.equal((await current(show, early)).body.position, 1);
    });

    test('joins are rate limited per client address', async () => {
      const show = await makeShowtime(t);
      await guard(show, { onSaleAt: inMinutes(5), admissionsPerMinute: 1 });
      const statuses: number[] = [];
      for (let i = 0; i <= JOINS_PER_MINUTE; i++) {
        const res = await t.request({
          method: 'POST',
          url: `/api/v1/showtimes/${show.showtimeId}/waiting-room/visits`,
          payload: { email: `scripted${i}@example.test` },
          remoteAddress: '192.0.2.77',
        });
        statuses.push(res.status);
      }
      assert.deepEqual(statuses, [...Array(JOINS_PER_MINUTE).fill(200), 429]);
    });

    test('a new app on the same database keeps every place', async () => {
      const show = await makeShowtime(t);
      const onSaleAt = inMinutes(1);
      await guard(show, { onSaleAt, admissionsPerMinute: 1 });
      const users = await Promise.all(Array.from({ length: 4 }, () => makeUser(t)));
      for (const u of users) await join(show, u);
      await openAt(onSaleAt);
      const before = await Promise.all(users.map(async (u) => (await current(show, u)).body));
      const second = await startOnDatabase(t.app.platform.database, t.databaseUrl, {
        clock: t.clock,
        namespace: t.config.redisPrefix.replace(/:$/, ''),
      });
      try {
        for (const [i, u] of users.entries()) {
          const res = await second.request({
            method: 'GET',
            url: `/api/v1/showtimes/${show.showtimeId}/waiting-room/visits/current`,
            token: u.token,
          });
          assert.deepEqual([res.body.visitId, res.body.position], [before[i]!.visitId, before[i]!.position]);
          const again = await second.request({
            method: 'POST',
            url: `/api/v1/showtimes/${show.showtimeId}/waiting-room/visits`,
            token: u.token,
            payload: {},
          });
          assert.equal(again.body.visitId, before[i]!.visitId, 'joining again in the new app: the same place');
        }
      } finally {
        await second.close();
      }
    });

    test('a crowd joining at once gets distinct places, admitted strictly in place order by two processes', async () => {
      const show = await makeShowtime(t);
      const onSaleAt = inMinutes(1);
      await guard(show, { onSaleAt, admissionsPerMinute: 10 });
      await openAt(onSaleAt);
      const crowd = await Promise.all(Array.from({ length: 40 }, () => makeUser(t)));
      const joined = await Promise.all(crowd.map((u) => join(show, u)));
      const places = joined.map((r) => r.body.position as number);
      assert.deepEqual(
        [...places].sort((a, b) => a - b),
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      t.clock.advance(60_000);
      // Two processes run the admissions job at the same moment: the minute's 10 are admitted once.
      const second = await startOnDatabase(t.app.platform.database, t.databaseUrl, {
        clock: t.clock,
        namespace: t.config.redisPrefix.replace(/:$/, ''),
      });
      let now: TestResponse[];
      try {
        await Promise.all([t.app.modules.waitingRoom.rooms.tick(), second.app.modules.waitingRoom.rooms.tick()]);
        // Read through the second process: it has read no room yet, so its first read comes after both
        // ticks. Either process may win the admissions, and the other one's cached room hears of them
        // by a pub/sub announcement (or its 1 s TTL) that, on a busy machine, can come after reads made
        // at once (and never comes without Redis).
        now = await Promise.all(
          crowd.map((u) =>
            second.request({
              method: 'GET',
              url: `/api/v1/showtimes/${show.showtimeId}/waiting-room/visits/current`,
              token: u.token,
            }),
          ),
        );
      } finally {
        await second.close();
      }
      const standing = joined.map((r, i) => `${r.body.position}:${now[i]!.status}/${now[i]!.body.status}`);
      const admittedPlaces = joined
        .filter((_, i) => now[i]!.body.status === 'admitted')
        .map((r) => r.body.position as number);
      assert.deepEqual(
        admittedPlaces.sort((a, b) => a - b),
        Array.from({ length: 10 }, (_, i) => i + 1),
        `place:http/status per visitor: ${standing.join(' ')}`,
      );
    });
  });
}
