// Receipt numbers through HTTP on a real database: gapless and unique per cinema and year when many
// sales are receipted at once (each asked for twice, as the consumer and the mail job would), and
// when a receipt's transaction fails, the number it took goes back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buy } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const PER_CINEMA = 6;

for (const backend of backends()) {
  describe(`receipt numbering on ${backend.name}`, () => {
    let t: TestApp;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      staff = await makeUser(t, { role: 'staff' });
    });
    after(() => t.close());

    const receipt = (bookingId: string) =>
      t.request({ method: 'GET', url: `/api/v1/bookings/${bookingId}/receipt`, token: staff.token });
    const seq = (number: string) => Number(number.split('-').pop());

    /** `count` bookings of one seat each on the showtime, each by its own customer, paid. */
    async function sell(s: TestShowtime, count: number): Promise<string[]> {
      const customers = await Promise.all(Array.from({ length: count }, () => makeUser(t)));
      const paid = await Promise.all(customers.map((c, i) => buy(t, c, s.showtimeId, [s.seats[i]!.id])));
      return paid.map((p) => p.booking.id as string);
    }

    test('many sales across two cinemas receipted at once: 1..N per cinema, no gap, no duplicate', async () => {
      const [s1, s2] = [await makeShowtime(t), await makeShowtime(t)];
      const sales = [...(await sell(s1, PER_CINEMA)), ...(await sell(s2, PER_CINEMA))];
      // Every booking asked for twice at the same moment, in an interleaved order.
      const asks = [...sales, ...sales.toReversed()];
      const answers = await Promise.all(asks.map((id) => receipt(id)));
      for (const a of answers) assert.equal(a.status, 200, a.text);
      const byBooking = new Map<string, string>();
      for (const [i, a] of answers.entries()) {
        const id = asks[i] as string;
        const known = byBooking.get(id);
        if (known) assert.equal(a.body.number, known, 'both asks get the one receipt');
        byBooking.set(id, a.body.number);
      }
      for (const s of [s1, s2]) {
        const numbers = answers.filter((a) => a.body.cinemaId === s.cinemaId).map((a) => a.body.number as string);
        const distinct = [...new Set(numbers)];
        assert.equal(distinct.length, PER_CINEMA);
        assert.deepEqual(
          distinct.map(seq).sort((a, b) => a - b),
          Array.from({ length: PER_CINEMA }, (_, i) => i + 1),
        );
        assert.ok(distinct.every((n) => n.startsWith(`R-${s.cinemaId.slice(0, 8).toUpperCase()}-`)));
      }
      // The consumers' jobs find every receipt issued: nothing more is numbered.
      await t.app.runJobsOnce();
      const db = t.app.platform.database.db;
      const rows = await db
        .selectFrom('receipts')
        .select('number')
        .where('cinema_id', 'in', [s1.cinemaId, s2.cinemaId])
        .execute();
      assert.equal(rows.length, 2 * PER_CINEMA);
      const counters = await db
        .selectFrom('document_series')
        .select('last')
        .where('series', 'in', [`receipt:${s1.cinemaId}`, `receipt:${s2.cinemaId}`])
        .execute();
      assert.deepEqual(
        counters.map((c) => c.last),
        [PER_CINEMA, PER_CINEMA],
      );
    });

    test('a receipt whose transaction fails gives its number back: the next sale takes it', async () => {
      const s = await makeShowtime(t);
      const [first, failing, third] = await sell(s, 3);
      const db = t.app.platform.database.db;
      assert.equal(seq((await receipt(first!)).body.number), 1);
      // A crash inside the receipt's transaction, after its number was taken: a trigger refuses the insert.
      await sql
        .raw(
          `create function finance_test_crash() returns trigger language plpgsql as $$
           begin if new.booking_id = '${failing}' then raise exception 'simulated crash'; end if; return new; end $$`,
        )
        .execute(db);
      await sql
        .raw(
          'create trigger finance_test_crash before insert on receipts for each row execute function finance_test_crash()',
        )
        .execute(db);
      try {
        assert.equal((await receipt(failing!)).status, 500);
        assert.equal(seq((await receipt(third!)).body.number), 2, 'no gap after the failed transaction');
      } finally {
        await sql.raw('drop trigger finance_test_crash on receipts').execute(db);
        await sql.raw('drop function finance_test_crash()').execute(db);
      }
      assert.equal(seq((await receipt(failing!)).body.number), 3);
      const numbers = await db
        .selectFrom('receipts')
        .select('seq')
        .where('cinema_id', '=', s.cinemaId)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        numbers.map((n) => n.seq),
        [1, 2, 3],
      );
    });
  });
}
