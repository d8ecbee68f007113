// The audit log through HTTP (issue 19): a staff or admin write in each area is recorded with who,
// from where, the object and its fields before and after; customers' writes are not; the database
// refuses to change or remove entries even through raw SQL; admins search and export; every staff
// or admin write route is covered or exempt with a reason.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { AUDITED_ROUTES, NOT_AUDITED_ROUTES } from './audit.module.ts';

const CLIENT = '203.0.113.7';

interface Entry {
  id: number;
  actor: { id: string; email: string | null; role: string } | null;
  clientAddress: string | null;
  requestId: string | null;
  route: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  cinemaId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

for (const backend of backends()) {
  describe(`audit log on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let staff: TestUser;
    let customer: TestUser;
    let s: TestShowtime;
    before(async () => {
      // Behind a proxy, so the client's address is the one the proxy forwards.
      t = await startTestApp(backend, { env: { TRUST_PROXY: 'true' } });
      admin = await makeUser(t, { role: 'admin' });
      staff = await makeUser(t, { role: 'staff' });
      customer = await makeUser(t, { role: 'customer' });
      s = await makeShowtime(t, { prices: { standard: 1000 } });
    });
    after(() => t.close());

    const call = (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      user?: TestUser,
      payload?: unknown,
    ) =>
      t.request({
        method,
        url,
        headers: { 'x-forwarded-for': CLIENT },
        ...(user ? { token: user.token } : {}),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const ok = async (...args: Parameters<typeof call>) => {
      const res = await call(...args);
      assert.ok(res.status < 300, `${args[0]} ${args[1]}: ${res.status} ${res.text}`);
      return res;
    };
    const entries = async (query: string): Promise<Entry[]> => {
      const res = await call('GET', `/api/v1/audit?limit=200&${query}`, admin);
      assert.equal(res.status, 200, res.text);
      return res.body.items;
    };

    test('catalog, schedule, prices, role, block and setting writes: who, where, what, before and after', async () => {
      await ok('PATCH', `/api/v1/movies/${s.movieId}`, admin, { title: 'Renamed by admin' });
      const [movie] = await entries(`objectType=movie&objectId=${s.movieId}`);
      assert.equal(movie?.action, 'movie.update');
      assert.deepEqual(movie?.actor, { id: admin.id, email: admin.email, role: 'admin' });
      assert.equal(movie?.clientAddress, CLIENT);
      assert.equal(movie?.route, 'PATCH /api/v1/movies/:id');
      assert.match(movie?.requestId ?? '', /\S/);
      assert.match(String(movie?.before?.title), /^Movie /);
      assert.equal(movie?.after?.title, 'Renamed by admin');
      assert.equal('search_tsv' in (movie?.after ?? {}), false, 'derived search columns are left out');

      const startsAt = new Date(s.startsAt.getTime() + 3600_000).toISOString();
      await ok('PATCH', `/api/v1/showtimes/${s.showtimeId}`, admin, { startsAt });
      await ok('PUT', `/api/v1/showtimes/${s.showtimeId}/prices`, admin, { prices: { standard: 1350 } });
      const showtime = await entries(`objectType=showtime&objectId=${s.showtimeId}`);
      assert.deepEqual(
        showtime.map((e) => e.route),
        ['PUT /api/v1/showtimes/:id/prices', 'PATCH /api/v1/showtimes/:id'],
      );
      const [priced, moved] = showtime as [Entry, Entry];
      assert.equal(new Date(moved.before?.starts_at as string).getTime(), s.startsAt.getTime());
      assert.equal(new Date(moved.after?.starts_at as string).toISOString(), startsAt);
      assert.deepEqual([priced.before?.prices, priced.after?.prices], [{ standard: 1000 }, { standard: 1350 }]);
      assert.equal(priced.cinemaId, s.cinemaId);

      await ok('PATCH', `/api/v1/users/${customer.id}`, admin, { role: 'staff' });
      const [role] = await entries(`objectType=user&objectId=${customer.id}`);
      assert.deepEqual([role?.before?.role, role?.after?.role], ['customer', 'staff']);
      assert.equal('password_hash' in (role?.after ?? {}), false, 'only the listed user fields are kept');
      await ok('PATCH', `/api/v1/users/${customer.id}`, admin, { role: 'customer' });

      const seatId = s.seat('B', 2).id;
      await ok('POST', `/api/v1/showtimes/${s.showtimeId}/blocks`, staff, { seatIds: [seatId], reason: 'Broken' });
      await ok('DELETE', `/api/v1/showtimes/${s.showtimeId}/blocks/${seatId}`, staff);
      const blocks = await entries(`objectType=seat_block&objectId=${s.showtimeId}/${seatId}`);
      assert.deepEqual(
        blocks.map((e) => [e.action, e.actor?.email]),
        [
          ['seat_block.delete', staff.email],
          ['seat_block.create', staff.email],
        ],
      );
      assert.equal(blocks[1]?.after?.block_reason, 'Broken');

      const tax = {
        country: 'DE',
        legalName: 'Kino Audit GmbH',
        legalAddress: 'Teststraße 1, 10115 Berlin',
        taxId: 'DE999999999',
        taxRates: { tickets: 7, food: 19, default: 19 },
      };
      await ok('PUT', `/api/v1/cinemas/${s.cinemaId}/tax`, admin, tax);
      const [setting] = await entries(`objectType=tax_settings&objectId=${s.cinemaId}`);
      assert.equal(setting?.action, 'tax_settings.create');
      assert.equal(setting?.after?.legal_name, 'Kino Audit GmbH');
      // The same settings again change no row: the request leaves one entry of its own, with what it sent.
      await ok('PUT', `/api/v1/cinemas/${s.cinemaId}/tax`, admin, tax);
      const [again] = await entries(`objectType=tax_settings&objectId=${s.cinemaId}`);
      assert.equal(again?.action, 'tax_settings.request');
      assert.deepEqual([again?.before, again?.after?.legalName], [null, 'Kino Audit GmbH']);
      assert.equal(again?.actor?.email, admin.email);

      // An admin setting kept among the server's own settings shows its value (theirs never do).
      await ok('PUT', '/api/v1/admin/security', admin, { requireSecondFactorForStaff: true });
      await ok('PUT', '/api/v1/admin/security', admin, { requireSecondFactorForStaff: false });
      const required = await entries('objectType=setting&objectId=accounts.require_second_factor');
      assert.deepEqual(
        required.map((e) => [e.action, e.before?.value ?? null, e.after?.value ?? null]),
        [
          ['setting.update', 'true', 'false'],
          ['setting.create', null, 'true'],
        ],
      );
    });

    test('till: a session, a sale and a refund at the counter; a customer hold is not recorded', async () => {
      const till = await ok('POST', `/api/v1/cinemas/${s.cinemaId}/tills`, admin, { name: 'Audit counter' });
      const session = await ok('POST', '/api/v1/till-sessions', staff, { tillId: till.body.id, float: 5000 });
      const hold = await ok('POST', '/api/v1/bookings', staff, {
        showtimeId: s.showtimeId,
        seatIds: [s.seat('C', 1).id, s.seat('C', 2).id],
      });
      const sale = await ok('POST', `/api/v1/till-sessions/${session.body.id}/sales`, staff, {
        bookingId: hold.body.id,
        method: 'cash',
      });
      await ok('POST', `/api/v1/till-sessions/${session.body.id}/refunds`, staff, {
        bookingId: hold.body.id,
        ticketIds: [sale.body.tickets[0].id],
      });
      const mine = await entries(`actorId=${staff.id}`);
      const kinds = new Set(mine.map((e) => e.action));
      for (const want of ['till_session.create', 'till_movement.create', 'booking.update', 'refund.create'])
        assert.ok(kinds.has(want), `${want} in ${[...kinds].join(', ')}`);
      // A ticket's code gets its holder in: it stays out of the log.
      const ticket = await entries(`objectType=ticket&objectId=${sale.body.tickets[0].id}`);
      assert.ok(ticket.length > 0, 'the sold ticket is recorded');
      for (const e of ticket) assert.equal('code' in (e.after ?? {}) || 'code' in (e.before ?? {}), false);
      const [sold] = await entries(`objectType=till_movement&objectId=${sale.body.id}`);
      assert.equal(sold?.after?.kind, 'sale');
      assert.equal(sold?.after?.amount, 2 * 1350);

      const customerHold = await ok('POST', '/api/v1/bookings', customer, {
        showtimeId: s.showtimeId,
        seatIds: [s.seat('C', 5).id],
      });
      assert.deepEqual(await entries(`objectType=booking&objectId=${customerHold.body.id}`), []);
      assert.deepEqual(await entries(`actorId=${customer.id}`), []);
    });

    test("a client's reused X-Request-Id does not stand in for this request's own entry", async () => {
      const send = (title: string) =>
        t.request({
          method: 'PATCH',
          url: `/api/v1/movies/${s.movieId}`,
          headers: { 'x-forwarded-for': CLIENT, 'x-request-id': 'reused-id-1' },
          token: admin.token,
          payload: { title },
        });
      assert.equal((await send('Reused id')).status, 200);
      // The same title again changes no row: only the request's own entry can record it.
      assert.equal((await send('Reused id')).status, 200);
      const latest = await entries(`objectType=movie&objectId=${s.movieId}`);
      assert.deepEqual(
        latest.slice(0, 2).map((e) => [e.action, e.requestId]),
        [
          ['movie.request', 'reused-id-1'],
          ['movie.update', 'reused-id-1'],
        ],
      );
    });

    test('the database refuses to change, delete or truncate entries, even through raw SQL', async () => {
      const db = t.app.platform.database.db;
      const before = await db
        .selectFrom('audit_log')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirst();
      assert.ok((before?.n ?? 0) > 0);
      for (const statement of [
        sql`update audit_log set actor_email = 'someone@else.test'`,
        sql`delete from audit_log`,
        sql`truncate audit_log`,
      ]) {
        await assert.rejects(statement.execute(db), (e: { code?: string; message: string }) => {
          assert.equal(e.code, '42501', e.message);
          assert.match(e.message, /append-only/);
          return true;
        });
      }
      const still = await db
        .selectFrom('audit_log')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirst();
      assert.equal(still?.n, before?.n);
    });

    test('search by person, object, action and time; pages; CSV with the same filters; admins only', async () => {
      const clerk = await makeUser(t, { role: 'staff', email: `audit.clerk.${Date.now()}@example.test` });
      const other = await makeShowtime(t);
      for (const [row, n] of [
        ['A', 1],
        ['A', 2],
        ['A', 3],
      ] as const) {
        await ok('POST', `/api/v1/showtimes/${other.showtimeId}/blocks`, clerk, {
          seatIds: [other.seat(row, n).id],
          reason: `Seat ${row}${n}`,
        });
      }
      const byEmail = await entries(`actorEmail=${encodeURIComponent('AUDIT.CLERK')}`);
      assert.equal(byEmail.length, 3);
      assert.ok(byEmail.every((e) => e.actor?.id === clerk.id && e.action === 'seat_block.create'));
      assert.deepEqual(await entries(`actorEmail=${encodeURIComponent('%')}&actorId=${clerk.id}`), []);

      const first = await call('GET', `/api/v1/audit?actorId=${clerk.id}&limit=2`, admin);
      assert.equal(first.body.items.length, 2);
      const rest = await call(
        'GET',
        `/api/v1/audit?actorId=${clerk.id}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        admin,
      );
      assert.equal(rest.body.nextCursor, null);
      assert.deepEqual(
        [...first.body.items, ...rest.body.items].map((e: Entry) => e.id),
        byEmail.map((e) => e.id),
      );

      const atOf = async (id: number) =>
        (await db().selectFrom('audit_log').select('at').where('id', '=', id).executeTakeFirstOrThrow()).at;
      const db = () => t.app.platform.database.db;
      const newest = new Date(await atOf(byEmail[0]?.id as number));
      const later = new Date(newest.getTime() + 1).toISOString();
      assert.equal((await entries(`actorId=${clerk.id}&from=${encodeURIComponent(later)}`)).length, 0);
      assert.equal((await entries(`actorId=${clerk.id}&to=${encodeURIComponent(later)}`)).length, 3);
      assert.equal((await entries(`actorId=${clerk.id}&action=seat_block.delete`)).length, 0);

      const csv = await call('GET', `/api/v1/audit.csv?actorId=${clerk.id}`, admin);
      assert.equal(csv.status, 200, csv.text);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      assert.equal(
        lines[0],
        'id,at,actor_id,actor_email,actor_role,client_address,request_id,route,action,object_type,object_id,cinema_id,before,after',
      );
      assert.equal(lines.length, 4);
      assert.ok(lines.slice(1).every((l) => l.includes(clerk.email) && l.includes('seat_block.create')));
      assert.ok(lines[1]?.includes('""block_reason"":""Seat A3""'), lines[1]);

      for (const bad of ['actorId=nope', 'from=yesterday', 'limit=0', 'cursor=abc', 'objectType=DROP%20TABLE']) {
        const res = await call('GET', `/api/v1/audit?${bad}`, admin);
        assert.equal(res.status, 422, `${bad}: ${res.text}`);
      }
      assert.equal((await call('GET', '/api/v1/audit.csv?to=never', admin)).status, 422);
      assert.equal((await call('GET', '/api/v1/audit', staff)).status, 403);
      assert.equal((await call('GET', '/api/v1/audit.csv', staff)).status, 403);
      assert.equal((await call('GET', '/api/v1/audit')).status, 401);
    });

    test('every staff or admin route that changes state is audited or exempt with a reason', () => {
      const routes = t.app.modules.audit.hooks.staffWriteRoutes();
      assert.ok(routes.length > 50, `${routes.length} staff write routes found`);
      const uncovered = routes.filter((r) => !(r in AUDITED_ROUTES) && !(r in NOT_AUDITED_ROUTES));
      assert.deepEqual(uncovered, [], 'add each to AUDITED_ROUTES or NOT_AUDITED_ROUTES in audit.coverage.ts');
      for (const [route, reason] of Object.entries(NOT_AUDITED_ROUTES))
        assert.ok(reason.length > 20, `${route} says why it is not audited`);
    });
  });
}
