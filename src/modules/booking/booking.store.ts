// SQL for bookings and their claims (everything except the hold itself, in claims.store.ts).
// Business time always comes in as a parameter, never SQL now(), so tests can move the clock.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { BookingDb, BookingStatus } from './booking.tables.ts';

export interface BookingRow {
  id: string;
  /** Null for a guest's booking or an anonymous till sale. */
  userId: string | null;
  showtimeId: string;
  status: BookingStatus;
  totalAmount: number;
  currency: string;
  expiresAt: Date;
  createdAt: Date;
  confirmedAt: Date | null;
  /** When the customer kept the hold longer (once only); null until then. */
  holdExtendedAt: Date | null;
  /** Price breakdown (issue 16): a promo code's discount and gift cards' share of totalAmount (the subtotal). */
  discountAmount: number;
  promoCode: string | null;
  giftCardAmount: number;
  /** Issue 17: the food and drink basket's total (concessions), paid with the seats; 0 without food. */
  foodAmount: number;
  /** A guest booking's email (a till sale's, when given): whom per-customer promo limits count. */
  guestEmail: string | null;
  seats: {
    seatId: string;
    row: string;
    number: number;
    type: string;
    price: number;
    /** The ticket type's code, and its English name (the code capitalised when the type is gone). */
    ticketType: string;
    ticketTypeName: string;
  }[];
}

/**
 * A seat's ticket type name: the cinema's type's English name, else the code capitalised (sold before
 * the cinema had types). `seat` is the alias of booking_seats in the statement.
 */
const ticketTypeName = (seat: 'bs' | 's') =>
  seat === 'bs'
    ? sql<string>`coalesce((select tt.names ->> 'en' from showtimes st join ticket_types tt on tt.cinema_id = st.cinema_id
        where st.id = bs.showtime_id and tt.code = bs.ticket_type), initcap(bs.ticket_type))`
    : sql<string>`coalesce((select tt.names ->> 'en' from showtimes st join ticket_types tt on tt.cinema_id = st.cinema_id
        where st.id = s.showtime_id and tt.code = s.ticket_type), initcap(s.ticket_type))`;

const bookingColumns = [
  'b.id',
  'b.user_id',
  'b.showtime_id',
  'b.status',
  'b.total_amount',
  'b.currency',
  'b.expires_at',
  'b.created_at',
  'b.confirmed_at',
  'b.hold_extended_at',
  'b.discount_amount',
  'b.promo_code',
  'b.gift_card_amount',
  'b.food_amount',
  'b.guest_email',
] as const;

type RawBooking = {
  id: string;
  user_id: string | null;
  showtime_id: string;
  status: BookingStatus;
  total_amount: number;
  currency: string;
  expires_at: Date;
  created_at: Date;
  confirmed_at: Date | null;
  hold_extended_at: Date | null;
  discount_amount: number;
  promo_code: string | null;
  gift_card_amount: number;
  food_amount: number;
  guest_email: string | null;
};

function toBookingRow(r: RawBooking, seats: BookingRow['seats']): BookingRow {
  return {
    id: r.id,
    userId: r.user_id,
    showtimeId: r.showtime_id,
    status: r.status,
    totalAmount: r.total_amount,
    currency: r.currency.trim(),
    expiresAt: new Date(r.expires_at),
    createdAt: new Date(r.created_at),
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null,
    holdExtendedAt: r.hold_extended_at ? new Date(r.hold_extended_at) : null,
    discountAmount: r.discount_amount,
    promoCode: r.promo_code,
    giftCardAmount: r.gift_card_amount,
    foodAmount: r.food_amount,
    guestEmail: r.guest_email,
    seats,
  };
}

async function withSeats(db: Executor<BookingDb>, rows: RawBooking[]): Promise<BookingRow[]> {
  if (rows.length === 0) return [];
  const seats = await db
    .selectFrom('booking_seats as bs')
    .select([
      'bs.booking_id',
      'bs.seat_id',
      'bs.row_label',
      'bs.number',
      'bs.seat_type',
      'bs.price_amount',
      'bs.ticket_type',
    ])
    .select(ticketTypeName('bs').as('ticket_type_name'))
    .where(
      'bs.booking_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('bs.row_label')
    .orderBy('bs.number')
    .execute();
  const byBooking = new Map<string, BookingRow['seats']>();
  for (const s of seats) {
    const list = byBooking.get(s.booking_id) ?? [];
    list.push({
      seatId: s.seat_id,
      row: s.row_label,
      number: s.number,
      type: s.seat_type,
      price: s.price_amount,
      ticketType: s.ticket_type,
      ticketTypeName: s.ticket_type_name,
    });
    byBooking.set(s.booking_id, list);
  }
  return rows.map((r) => toBookingRow(r, byBooking.get(r.id) ?? []));
}

/** A booking's seats as one JSON array (`b` is the booking in the statement). */
const seatsOf = sql<
  BookingRow['seats'] | null
>`(select jsonb_agg(jsonb_build_object('seatId', s.seat_id, 'row', s.row_label,
    'number', s.number, 'type', s.seat_type, 'price', s.price_amount, 'ticketType', s.ticket_type,
    'ticketTypeName', ${ticketTypeName('s')})
  order by s.row_label, s.number) from booking_seats s where s.booking_id = b.id)`;

/** One booking with its seats, in one round trip (it is on the paying path); `lock` takes the row FOR UPDATE. */
export async function findBooking(
  db: Executor<BookingDb>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<BookingRow | null> {
  let q = db.selectFrom('bookings as b').select(bookingColumns).select(seatsOf.as('seats')).where('b.id', '=', id);
  if (options.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const seats = typeof row.seats === 'string' ? (JSON.parse(row.seats) as BookingRow['seats']) : row.seats;
  return toBookingRow(row, seats ?? []);
}

interface ListFilter {
  userId?: string | undefined;
  showtimeId?: string | undefined;
  /** The status as clients see it (held past its expiry reads as expired). */
  status?: BookingStatus | undefined;
  after?: { createdAt: Date; id: string } | undefined;
  limit: number;
  now: Date;
}

/** Bookings newest first, keyset-paged on (created_at, id). */
export async function listBookings(db: Executor<BookingDb>, f: ListFilter): Promise<BookingRow[]> {
  let q = db.selectFrom('bookings as b').select(bookingColumns);
  if (f.userId) q = q.where('b.user_id', '=', f.userId);
  if (f.showtimeId) q = q.where('b.showtime_id', '=', f.showtimeId);
  if (f.status === 'held') q = q.where('b.status', '=', 'held').where('b.expires_at', '>', f.now);
  else if (f.status === 'expired') {
    q = q.where((eb) =>
      eb.or([eb('b.status', '=', 'expired'), eb.and([eb('b.status', '=', 'held'), eb('b.expires_at', '<=', f.now)])]),
    );
  } else if (f.status) q = q.where('b.status', '=', f.status);
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([eb('b.created_at', '<', createdAt), eb.and([eb('b.created_at', '=', createdAt), eb('b.id', '<', id)])]),
    );
  }
  const rows = await q.orderBy('b.created_at', 'desc').orderBy('b.id', 'desc').limit(f.limit).execute();
  return withSeats(db, rows);
}

/** Drops a booking's claims (all, or the seats named), locking them in seat order; returns the seats freed. */
export async function deleteClaims(trx: Executor<BookingDb>, bookingId: string, seatIds?: string[]): Promise<string[]> {
  const only = seatIds ? sql`and seat_id = any(${seatIds}::uuid[])` : sql``;
  const r = await sql<{ seat_id: string }>`
    delete from seat_claims where (showtime_id, seat_id) in (
      select showtime_id, seat_id from seat_claims where booking_id = ${bookingId}::uuid ${only} order by seat_id for update
    ) and booking_id = ${bookingId}::uuid
    returning seat_id::text as seat_id`.execute(trx);
  return r.rows.map((x) => x.seat_id);
}

export interface SaleOutcome {
  /** Null when the booking does not exist. */
  status: BookingStatus | null;
  userId: string | null;
  /** 'till' for a sale at the box office counter: its emails go to the email given there, if any. */
  channel: string | null;
  showtimeId: string | null;
  seats: string[];
  /** False when it was not held or lost a seat (the caller rolls back, so claims already turned stay as they were). */
  confirmed: boolean;
  version: number | null;
  /** What is left to pay as the booking stood when it was locked (dueAmount), null when it does not exist. */
  due: number | null;
}

/**
 * Sells held bookings in one statement: locks them (in id order), turns their claims `sold` (in seat
 * order) and confirms each booking whose every seat was still its own, taking a seat-change version
 * per booking. One outcome per id, in the order given.
 */
export async function sellHeldBookings(
  trx: Executor<BookingDb>,
  bookingIds: string[],
  now: Date,
): Promise<SaleOutcome[]> {
  const r = await sql<{
    id: string;
    status: BookingStatus;
    user_id: string;
    channel: string;
    showtime_id: string;
    seats: string[] | null;
    confirmed: boolean;
    version: string | number | null;
    due: number;
  }>`
    with b as (
      select id, status, user_id, channel, showtime_id, seat_count,
             greatest(0, total_amount + food_amount - discount_amount - gift_card_amount) as due from bookings where id = any(${bookingIds}::uuid[]) order by id for update
    ), sold as (
      update seat_claims c set state = 'sold', expires_at = null where (c.showtime_id, c.seat_id) in (
        select showtime_id, seat_id from seat_claims where booking_id = any(${bookingIds}::uuid[]) order by showtime_id, seat_id for update
      ) and c.state = 'held' and c.booking_id in (select id from b where b.status = 'held')
      returning c.booking_id, c.seat_id
    ), counts as (
      select booking_id, count(*)::int as n, array_agg(seat_id::text order by seat_id) as seats from sold group by booking_id
    ), confirmed as (
      update bookings set status = 'confirmed', updated_at = ${now}::timestamptz, confirmed_at = ${now}::timestamptz
      from b join counts k on k.booking_id = b.id
      where bookings.id = b.id and bookings.status = 'held' and k.n = b.seat_count
      returning bookings.id
    )
    select b.id::text as id, b.status, b.user_id::text as user_id, b.channel, b.showtime_id::text as showtime_id, k.seats, b.due,
           exists (select 1 from confirmed c where c.id = b.id) as confirmed,
           case when k.n > 0 then nextval('seat_change_seq') end as version
    from b left join counts k on k.booking_id = b.id`.execute(trx);
  const byId = new Map(r.rows.map((row) => [row.id, row]));
  return bookingIds.map((id) => {
    const row = byId.get(id);
    return {
      status: row?.status ?? null,
      userId: row?.user_id ?? null,
      channel: row?.channel ?? null,
      showtimeId: row?.showtime_id ?? null,
      seats: row?.seats ?? [],
      confirmed: row?.confirmed ?? false,
      version: row?.version == null ? null : Number(row.version),
      due: row ? Number(row.due) : null,
    };
  });
}

/**
 * A hold the cashier is selling at the counter: channel 'till', and the customer's email (or none)
 * where its emails go instead of the cashier's account.
 */
export async function markCounterSale(trx: Executor<BookingDb>, id: string, email: string | null): Promise<void> {
  await trx
    .updateTable('bookings')
    .set({ channel: 'till', guest_email: email })
    .where('id', '=', id)
    .where('status', '=', 'held')
    .execute();
}

/**
 * A held booking's price breakdown (adjustHeld): the discount and its code replaced, the gift cards'
 * amount moved by `giftCardDelta`, the food basket's total set. The row's checks keep both within the subtotal.
 */
export async function setPriceBreakdown(
  trx: Executor<BookingDb>,
  id: string,
  change: { discount?: { amount: number; code: string } | null; giftCardDelta?: number; food?: number },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('bookings')
    .set((eb) => ({
      updated_at: now,
      ...(change.discount !== undefined
        ? { discount_amount: change.discount?.amount ?? 0, promo_code: change.discount?.code ?? null }
        : {}),
      ...(change.giftCardDelta ? { gift_card_amount: eb('gift_card_amount', '+', change.giftCardDelta) } : {}),
      ...(change.food !== undefined ? { food_amount: change.food } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * A live hold's food total set in one statement (the row locked by the update itself): only while it
 * is held, unexpired at `now`, and its discount and gift cards stay within seats + food. Returns the
 * booking as it now is, or null when any of that fails (adjustHeld then says which).
 */
export async function setFoodIfLive(
  trx: Executor<BookingDb>,
  id: string,
  food: number,
  now: Date,
): Promise<BookingRow | null> {
  const row = await trx
    .updateTable('bookings as b')
    .set({ food_amount: food, updated_at: now })
    .where('b.id', '=', id)
    .where('b.status', '=', 'held')
    .where('b.expires_at', '>', now)
    .where((eb) =>
      eb(eb('b.discount_amount', '+', eb.ref('b.gift_card_amount')), '<=', eb('b.total_amount', '+', food)),
    )
    .returning(bookingColumns)
    .returning(seatsOf.as('seats'))
    .executeTakeFirst();
  if (!row) return null;
  const seats = typeof row.seats === 'string' ? (JSON.parse(row.seats) as BookingRow['seats']) : row.seats;
  return toBookingRow(row, seats ?? []);
}

export async function setBookingStatus(
  trx: Executor<BookingDb>,
  id: string,
  status: BookingStatus,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('bookings')
    .set({
      status,
      updated_at: now,
      ...(status === 'confirmed' ? { confirmed_at: now } : {}),
      ...(status === 'cancelled' || status === 'expired' || status === 'refunded' ? { closed_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
}
