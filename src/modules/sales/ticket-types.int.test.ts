// Ticket types and prices per ticket type through HTTP on a real database: the admin routes and
// their refusals, the cinema's price list copied into new showtimes, holds with a ticket type per
// seat (unknown, unpriced and too-young types refused), and new showtime prices for new holds only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DAY = 24 * 3600_000;

for (const backend of backends()) {
  describe(`ticket types on ${backend.name}`, () => {
    let t: TestApp;
    let customer: TestUser;
    let admin: TestUser;
    let base: TestShowtime;
    before(async () => {
      t = await startTestApp(backend);
      [customer, admin] = await Promise.all([makeUser(t), makeUser(t, { role: 'admin' })]);
      base = await makeShowtime(t);
    });
    after(() => t.close());

    const call = (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      user?: TestUser,
      payload?: unknown,
    ) =>
      t.request({ method, url, token: user?.token, ...(payload === undefined ? {} : { payload: payload as object }) });
    const types = (cinemaId: string) => `/api/v1/cinemas/${cinemaId}/ticket-types`;

    async function movie(ageRating: string | null): Promise<string> {
      const row = await t.app.platform.database.db
        .insertInto('movies')
        .values({ title: `Rated ${ageRating}`, duration_minutes: 90, age_rating: ageRating })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
    async function showtime(movieId: string, days: number, extra: Record<string, unknown> = {}) {
      const res = await call('POST', '/api/v1/showtimes', admin, {
        movieId,
        hallId: base.hallId,
        startsAt: new Date(t.clock.now().getTime() + days * DAY).toISOString(),
        prices: { standard: 1300 },
        currency: 'EUR',
        ...extra,
      });
      assert.equal(res.status, 201, res.text);
      return res.body as {
        id: string;
        startsAt: string;
        prices: Record<string, number>;
        ticketPrices: Record<string, Record<string, number>>;
      };
    }
    const seat = (label: string) => base.seat(label[0]!, Number(label.slice(1))).id;
    const hold = (showtimeId: string, payload: Record<string, unknown>) =>
      call('POST', '/api/v1/bookings', customer, { showtimeId, ...payload });

    test('every cinema has an adult default; admins add, change and deactivate types', async () => {
      const first = await call('GET', types(base.cinemaId));
      assert.equal(first.status, 200, first.text);
      assert.deepEqual(
        first.body.items.map((x: { code: string; isDefault: boolean }) => [x.code, x.isDefault]),
        [['adult', true]],
      );
      assert.equal((await call('GET', types(UNKNOWN))).status, 404);

      const child = { code: 'child', names: { en: 'Child', de: 'Kind' }, maxAge: 11, sortOrder: 1 };
      assert.equal((await call('POST', types(base.cinemaId), customer, child)).status, 403);
      const made = await call('POST', types(base.cinemaId), admin, {
        ...child,
        rule: { en: 'Under 12: proof of age may be asked' },
      });
      assert.equal(made.status, 201, made.text);
      assert.equal(made.body.maxAge, 11);
      assert.equal((await call('POST', types(base.cinemaId), admin, child)).body.code, 'ticket_type_exists');
      const bad = await call('POST', types(base.cinemaId), admin, { code: 'x', names: { de: 'Nur deutsch' } });
      assert.equal(bad.status, 422);
      const ages = await call('POST', types(base.cinemaId), admin, {
        code: 'odd',
        names: { en: 'Odd' },
        minAge: 20,
        maxAge: 10,
      });
      assert.equal(ages.status, 422);
      assert.equal((await call('POST', types(UNKNOWN), admin, { code: 'teen', names: { en: 'Teen' } })).status, 404);

      const adultId = first.body.items[0].id as string;
      const removeDefault = await call('DELETE', `/api/v1/ticket-types/${adultId}`, admin);
      assert.equal(removeDefault.status, 409);
      assert.equal(removeDefault.body.code, 'ticket_type_is_default');
      const senior = await call('POST', types(base.cinemaId), admin, {
        code: 'senior',
        names: { en: 'Senior' },
        minAge: 65,
        rule: { en: 'Proof of age at the door' },
        sortOrder: 2,
      });
      assert.equal(senior.status, 201, senior.text);
      const renamed = await call('PATCH', `/api/v1/ticket-types/${senior.body.id}`, admin, {
        names: { en: 'Seniors' },
      });
      assert.equal(renamed.body.names.en, 'Seniors');
      const gone = await call('DELETE', `/api/v1/ticket-types/${senior.body.id}`, admin);
      assert.equal(gone.status, 204);
      const listed = await call('GET', types(base.cinemaId));
      assert.deepEqual(
        listed.body.items.map((x: { code: string }) => x.code),
        ['adult', 'child'],
      );
      const all = await call('GET', `${types(base.cinemaId)}?includeInactive=true`);
      assert.equal(all.body.items.length, 3);
    });

    test('concurrent default changes and deactivations answer 2xx or 409, never 5xx; one default remains', async () => {
      const own = await makeShowtime(t);
      const made: string[] = [];
      for (const code of ['one', 'two', 'three', 'four']) {
        const res = await call('POST', types(own.cinemaId), admin, { code, names: { en: code } });
        assert.equal(res.status, 201, res.text);
        made.push(res.body.id);
      }
      const [one, two, three, four] = made as [string, string, string, string];
      const patch = (id: string) => call('PATCH', `/api/v1/ticket-types/${id}`, admin, { isDefault: true });
      const remove = (id: string) => call('DELETE', `/api/v1/ticket-types/${id}`, admin);
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all([
          patch(one),
          patch(two),
          remove(three),
          patch(three),
          patch(four),
          remove(four),
        ]);
        for (const res of answers) assert.ok([200, 204, 409].includes(res.status), res.text);
        for (const res of answers.filter((r) => r.status === 409))
          assert.equal(res.body.code, 'ticket_type_is_default');
        const all = (await call('GET', `${types(own.cinemaId)}?includeInactive=true`)).body.items as {
          isDefault: boolean;
          active: boolean;
        }[];
        const defaults = all.filter((x) => x.isDefault);
        assert.equal(defaults.length, 1);
        assert.equal(defaults[0]!.active, true);
        // Bring three and four back for the next round.
        for (const id of [three, four]) await call('PATCH', `/api/v1/ticket-types/${id}`, admin, { active: true });
      }
    });

    test("the cinema's price list is copied into new showtimes; holds pay each seat's ticket type", async () => {
      const list = `/api/v1/cinemas/${base.cinemaId}/price-list`;
      const unknownCode = await call('PUT', list, admin, { currency: 'EUR', prices: { pirate: { standard: 1 } } });
      assert.equal(unknownCode.status, 422);
      assert.equal(unknownCode.body.code, 'ticket_type_unknown');
      assert.equal((await call('PUT', list, customer, { currency: 'EUR', prices: {} })).status, 403);
      const saved = await call('PUT', list, admin, {
        currency: 'EUR',
        prices: { adult: { standard: 1200 }, child: { standard: 800 } },
      });
      assert.equal(saved.status, 200, saved.text);
      assert.deepEqual((await call('GET', list)).body.prices, { adult: { standard: 1200 }, child: { standard: 800 } });

      const st = await showtime(await movie('FSK 6'), 3);
      // The default type's prices are the request's `prices`; the others come from the list.
      assert.deepEqual(st.ticketPrices, { adult: { standard: 1300 }, child: { standard: 800 } });
      assert.deepEqual((await call('GET', `/api/v1/showtimes/${st.id}`)).body.ticketPrices, st.ticketPrices);
      // A showtime in another currency than the list's does not copy its amounts.
      const chf = await showtime(await movie(null), 30, { currency: 'CHF' });
      assert.deepEqual(chf.ticketPrices, { adult: { standard: 1300 } });

      const mixed = await hold(st.id, {
        seats: [
          { seatId: seat('A1'), ticketType: 'child' },
          { seatId: seat('A2'), ticketType: 'adult' },
        ],
      });
      assert.equal(mixed.status, 201, mixed.text);
      const bySeat = Object.fromEntries(
        mixed.body.seats.map(
          (s: { seatId: string; ticketType: string; ticketTypeName: string; price: { amount: number } }) => [
            s.seatId,
            [s.ticketType, s.ticketTypeName, s.price.amount],
          ],
        ),
      );
      assert.deepEqual(bySeat[seat('A1')], ['child', 'Child', 800]);
      assert.deepEqual(bySeat[seat('A2')], ['adult', 'Adult', 1300]);
      assert.equal(mixed.body.total.amount, 2100);
      const read = await call('GET', `/api/v1/bookings/${mixed.body.id}`, customer);
      assert.deepEqual(
        read.body.seats
          .map((s: { ticketType: string; ticketTypeName: string }) => [s.ticketType, s.ticketTypeName])
          .sort(),
        [
          ['adult', 'Adult'],
          ['child', 'Child'],
        ],
      );

      // seatIds: the default type.
      const plain = await hold(st.id, { seatIds: [seat('B1')] });
      assert.equal(plain.status, 201, plain.text);
      assert.deepEqual([plain.body.seats[0].ticketType, plain.body.seats[0].price.amount], ['adult', 1300]);

      const both = await hold(st.id, { seatIds: [seat('B2')], seats: [{ seatId: seat('B2'), ticketType: 'adult' }] });
      assert.equal(both.status, 422);
      const twice = await hold(st.id, {
        seats: [
          { seatId: seat('B2'), ticketType: 'adult' },
          { seatId: seat('B2'), ticketType: 'child' },
        ],
      });
      assert.equal(twice.status, 422);

      // Paid: each ticket keeps its type, and the door is told the type and the proof to check.
      const paid = await call('POST', `/api/v1/bookings/${mixed.body.id}/payments`, customer, {
        card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' },
      });
      assert.equal(paid.status, 201, paid.text);
      const tickets = await call('GET', `/api/v1/bookings/${mixed.body.id}/tickets`, customer);
      const childTicket = tickets.body.find((x: { seat: { seatId: string } }) => x.seat.seatId === seat('A1'));
      assert.equal(childTicket.ticketType, 'child');
      const report = await call('GET', `/api/v1/showtimes/${st.id}/report`, admin);
      assert.equal(report.status, 200, report.text);
      assert.deepEqual(report.body.byTicketType, [
        { ticketType: 'adult', name: 'Adult', sold: 1, revenue: { amount: 1300, currency: 'EUR' } },
        { ticketType: 'child', name: 'Child', sold: 1, revenue: { amount: 800, currency: 'EUR' } },
      ]);
      const day = new Date(st.startsAt).toISOString().slice(0, 10);
      const range = `from=${day}&to=${day}&cinemaId=${base.cinemaId}`;
      const sales = await call('GET', `/api/v1/staff/sales?${range}`, admin);
      assert.equal(sales.status, 200, sales.text);
      assert.deepEqual(
        sales.body.byTicketType.map((x: { ticketType: string; sold: number }) => [x.ticketType, x.sold]),
        [
          ['adult', 1],
          ['child', 1],
        ],
      );
      const csv = await call('GET', `/api/v1/staff/sales.csv?${range}`, admin);
      const [head, row] = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      assert.ok(head!.endsWith(',net,ticket_types'), head);
      assert.ok(row!.endsWith('adult 1; child 1'), row);
      t.clock.advance(new Date(st.startsAt).getTime() - t.clock.now().getTime() - 30 * 60_000);
      const door = await call('POST', '/api/v1/checkins', admin, { code: childTicket.code });
      assert.equal(door.status, 200, door.text);
      assert.deepEqual(door.body.ticketType, {
        code: 'child',
        name: 'Child',
        rule: 'Under 12: proof of age may be asked',
      });

      const unknown = await hold(st.id, { seats: [{ seatId: seat('C1'), ticketType: 'pirate' }] });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.code, 'ticket_type_unknown');
      assert.deepEqual(unknown.body.seatIds, [seat('C1')]);
    });

    test('a type the showtime does not price, or one too young for the film, is refused', async () => {
      const student = await call('POST', types(base.cinemaId), admin, { code: 'student', names: { en: 'Student' } });
      assert.equal(student.status, 201, student.text);
      const st = await showtime(await movie(null), 5);
      const unpriced = await hold(st.id, {
        seats: [
          { seatId: seat('A1'), ticketType: 'adult' },
          { seatId: seat('A2'), ticketType: 'student' },
        ],
      });
      assert.equal(unpriced.status, 422, unpriced.text);
      assert.equal(unpriced.body.code, 'ticket_type_not_priced');
      assert.deepEqual(unpriced.body.seatIds, [seat('A2')]);

      const rated = await showtime(await movie('FSK 16'), 6);
      const child = await hold(rated.id, { seats: [{ seatId: seat('A1'), ticketType: 'child' }] });
      assert.equal(child.status, 422, child.text);
      assert.equal(child.body.code, 'ticket_type_not_allowed');
      assert.deepEqual(child.body.seatIds, [seat('A1')]);
      assert.equal((await hold(rated.id, { seats: [{ seatId: seat('A1'), ticketType: 'adult' }] })).status, 201);
    });

    test("a VIP seat is not sold at a type's standard price; a new default keeps its own prices", async () => {
      const own = await makeShowtime(t, { seats: gridLayout(1, 4, { A1: 'vip', A2: 'accessible' }) });
      const made = await call('POST', types(own.cinemaId), admin, { code: 'child', names: { en: 'Child' } });
      assert.equal(made.status, 201, made.text);
      await t.app.platform.database.db
        .updateTable('showtimes')
        .set({
          ticket_prices: JSON.stringify({ adult: { standard: 1200, vip: 1800 }, child: { standard: 800 } }) as never,
        })
        .where('id', '=', own.showtimeId)
        .execute();
      const at = (label: string) => own.seat(label[0]!, Number(label.slice(1))).id;
      // Child becomes the default (before any hold reads the showtime into the hold cache): a hold
      // by seat ids pays the child prices, adults still theirs, and a VIP seat has no child price.
      const patched = await call('PATCH', `/api/v1/ticket-types/${made.body.id}`, admin, { isDefault: true });
      assert.equal(patched.status, 200, patched.text);
      const vip = await hold(own.showtimeId, { seats: [{ seatId: at('A1'), ticketType: 'child' }] });
      assert.equal(vip.status, 422, vip.text);
      assert.equal(vip.body.code, 'ticket_type_not_priced');
      assert.deepEqual(vip.body.seatIds, [at('A1')]);

      const byIds = await hold(own.showtimeId, { seatIds: [at('A2'), at('A3')] });
      assert.equal(byIds.status, 201, byIds.text);
      assert.deepEqual(
        byIds.body.seats.map((s: { ticketType: string; price: { amount: number } }) => [s.ticketType, s.price.amount]),
        [
          ['child', 800],
          ['child', 800],
        ],
      );
      const adult = await hold(own.showtimeId, { seats: [{ seatId: at('A4'), ticketType: 'adult' }] });
      assert.equal(adult.status, 201, adult.text);
      assert.equal(adult.body.seats[0].price.amount, 1200);
    });

    test('new showtime prices apply to new holds; seats held keep the price they were given', async () => {
      const st = await showtime(await movie(null), 7, { ticketPrices: { child: { standard: 850 } } });
      assert.deepEqual(st.ticketPrices, { adult: { standard: 1300 }, child: { standard: 850 } });
      const before = await hold(st.id, { seats: [{ seatId: seat('A1'), ticketType: 'child' }] });
      assert.equal(before.status, 201, before.text);

      const url = `/api/v1/showtimes/${st.id}/prices`;
      assert.equal((await call('PUT', url, customer, { prices: { standard: 1 } })).status, 403);
      const missing = await call('PUT', url, admin, { prices: { vip: 1 } });
      assert.equal(missing.status, 422, 'the hall has standard seats');
      const changed = await call('PUT', url, admin, {
        prices: { standard: 1400 },
        ticketPrices: { child: { standard: 700 } },
      });
      assert.equal(changed.status, 200, changed.text);
      assert.deepEqual(changed.body.prices, { standard: 1400 });
      assert.deepEqual(changed.body.ticketPrices, { adult: { standard: 1400 }, child: { standard: 700 } });

      const after = await hold(st.id, {
        seats: [
          { seatId: seat('A2'), ticketType: 'child' },
          { seatId: seat('A3'), ticketType: 'adult' },
        ],
      });
      assert.equal(after.status, 201, after.text);
      assert.deepEqual(after.body.seats.map((s: { price: { amount: number } }) => s.price.amount).sort(), [1400, 700]);
      const kept = await call('GET', `/api/v1/bookings/${before.body.id}`, customer);
      assert.equal(kept.body.seats[0].price.amount, 850);

      // A type deactivated is no longer sold (the price change made every process read the showtime afresh).
      const child = (await call('GET', types(base.cinemaId))).body.items.find(
        (x: { code: string }) => x.code === 'child',
      );
      assert.equal((await call('DELETE', `/api/v1/ticket-types/${child.id}`, admin)).status, 204);
      await call('PUT', url, admin, { prices: { standard: 1400 } });
      const refused = await hold(st.id, { seats: [{ seatId: seat('A4'), ticketType: 'child' }] });
      assert.equal(refused.body.code, 'ticket_type_unknown');
    });
  });
}
