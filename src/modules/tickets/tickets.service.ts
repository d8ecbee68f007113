// Tickets: issued in the payment's transaction, one per paid seat, each with a self-signed code;
// voided on refund; checked in at the door exactly once.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb, narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { DEFAULT_LANG, type Lang } from '../../platform/i18n.ts';
import { settingOrCreate } from '../../platform/settings.ts';
import { alreadyCheckedIn, checkinClosed, checkinNotOpen, ticketNotFound, ticketVoid } from './tickets.errors.ts';
import * as store from './tickets.store.ts';
import type { TicketsDb } from './tickets.tables.ts';
import {
  generateTicketKey,
  loadTicketKeys,
  publicKeyPem,
  signTicketCode,
  type TicketCodeKeys,
  verifyTicketCode,
} from './ticket-code.ts';

const KEY_SETTING = 'tickets.signing_key';

/** What tickets need to know about a showtime (from the catalog). */
export interface ShowtimeInfo {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  /** When the start last moved (null: never); payments gives holders from before it a full refund. */
  movedAt?: Date | null;
  movie: { id: string; title: string; durationMinutes: number | null; ageRating: string | null };
  hall: { id: string; name: string };
  cinema: { id: string; name: string; city: string | null; address: string | null; timezone: string };
}

type ShowtimeLookup = (showtimeId: string, lang?: Lang) => Promise<ShowtimeInfo | null>;

export interface TicketView {
  id: string;
  bookingId: string;
  showtimeId: string;
  seat: { seatId: string; row: string; number: number; type: string };
  price: { amount: number; currency: string };
  /** The ticket type's code (adult, child, …). */
  ticketType: string;
  code: string;
  status: 'valid' | 'used' | 'void';
  checkedInAt: string | null;
}

interface IssueRequest {
  bookingId: string;
  paymentId: string;
  /** Null for a guest's ticket (the booking names the guest). */
  userId: string | null;
  showtimeId: string;
  currency: string;
  /** Every seat names its ticket type: a ticket never guesses one (settlement fills old payments' from the booking). */
  seats: { seatId: string; row: string; number: number; type: string; price: number; ticketType?: string }[];
}

const toTicketView = (t: store.TicketRow): TicketView => ({
  id: t.id,
  bookingId: t.booking_id,
  showtimeId: t.showtime_id,
  seat: { seatId: t.seat_id, row: t.row_label, number: t.seat_number, type: t.seat_type },
  price: { amount: t.price_amount, currency: t.currency.trim() },
  ticketType: t.ticket_type,
  code: t.code,
  status: t.status,
  checkedInAt: t.checked_in_at?.toISOString() ?? null,
});

/** A seat's ticket type; a seat without one is a caller's bug, never silently an adult ticket. */
function requireTicketType(seat: { seatId: string; ticketType?: string }): string {
  if (!seat.ticketType) throw new Error(`seat ${seat.seatId} was issued without a ticket type`);
  return seat.ticketType;
}

export type TicketsService = ReturnType<typeof createTicketsService>;

export function createTicketsService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  checkinOpensMinutes: number;
  showtime: ShowtimeLookup;
  /** The avatar of the account that booked (null for a guest or without one), seen by `caller`. */
  avatarOf?: (caller: Principal, bookingId: string) => Promise<string | null>;
}) {
  const { clock } = deps;
  const db = moduleDb<TicketsDb>(deps.database);
  const own = (tx: SharedTx) => narrowTx<TicketsDb>(tx);
  let keys: Promise<TicketCodeKeys> | undefined;
  const signingKeys = () => {
    keys ??= settingOrCreate(db, KEY_SETTING, generateTicketKey).then(loadTicketKeys);
    keys.catch(() => (keys = undefined));
    return keys;
  };

  /** Tickets for several payments in one statement; one list per request, in order. */
  async function issueMany(trx: SharedTx, requests: IssueRequest[]): Promise<TicketView[][]> {
    const k = await signingKeys();
    const now = clock.now();
    const rows = await store.insertTickets(
      own(trx),
      requests.flatMap((request) =>
        request.seats.map((s) => {
          const id = randomUUID();
          return {
            id,
            booking_id: request.bookingId,
            payment_id: request.paymentId,
            showtime_id: request.showtimeId,
            seat_id: s.seatId,
            user_id: request.userId,
            row_label: s.row,
            seat_number: s.number,
            seat_type: s.type,
            ticket_type: requireTicketType(s),
            price_amount: s.price,
            currency: request.currency,
            code: signTicketCode(k, id, request.showtimeId),
            status: 'valid' as const,
            issued_at: now,
          };
        }),
      ),
    );
    return requests.map((request) => rows.filter((t) => t.payment_id === request.paymentId).map(toTicketView));
  }

  return {
    /** Issues one ticket per seat in the caller's (payment) transaction. */
    async issue(trx: SharedTx, request: IssueRequest): Promise<TicketView[]> {
      return (await issueMany(trx, [request]))[0] as TicketView[];
    },

    issueMany,

    /** A booking's tickets, in seat order. */
    async forBooking(executor: SharedTx, bookingId: string): Promise<TicketView[]> {
      return (await store.ticketsOfBooking(own(executor), bookingId)).map(toTicketView);
    },

    /** Tickets of several bookings by booking id (booking lists). */
    async forBookings(executor: SharedTx, bookingIds: string[]): Promise<Map<string, TicketView[]>> {
      const map = new Map<string, TicketView[]>();
      for (const t of await store.ticketsOfBookings(own(executor), bookingIds)) {
        const list = map.get(t.booking_id) ?? [];
        list.push(toTicketView(t));
        map.set(t.booking_id, list);
      }
      return map;
    },

    /** A booking's tickets for the API (its own connection). */
    async listForBooking(bookingId: string): Promise<TicketView[]> {
      return (await store.ticketsOfBooking(db, bookingId)).map(toTicketView);
    },

    /**
     * What the PDF of a booking shows: its live tickets and their showtime, in `lang` (the movie's
     * title too); null when it has none.
     */
    async sheet(bookingId: string, lang: Lang = DEFAULT_LANG) {
      const live = (await store.ticketsOfBooking(db, bookingId)).filter((t) => t.status !== 'void');
      const first = live[0];
      if (!first) return null;
      const showtime = await deps.showtime(first.showtime_id, lang);
      if (!showtime) return null;
      return {
        bookingId,
        lang,
        movie: {
          title: showtime.movie.title,
          ageRating: showtime.movie.ageRating,
          durationMinutes: showtime.movie.durationMinutes,
        },
        cinema: showtime.cinema,
        hall: { name: showtime.hall.name },
        startsAt: showtime.startsAt,
        tickets: live.map((t) => ({
          id: t.id,
          code: t.code,
          row: t.row_label,
          number: t.seat_number,
          seatType: t.seat_type,
          price: { amount: t.price_amount, currency: t.currency.trim() },
          status: t.status,
        })),
      };
    },

    /** One ticket with its owner, or undefined. */
    async find(ticketId: string) {
      return store.findTicket(db, ticketId);
    },

    /** Voids the named valid tickets of a booking (refund); returns those voided. */
    async void(trx: SharedTx, bookingId: string, ticketIds: string[]): Promise<TicketView[]> {
      return (await store.voidTickets(own(trx), bookingId, ticketIds, clock.now())).map(toTicketView);
    },

    /** Voids every ticket of a booking, used ones too (the showtime is cancelled). */
    async voidAll(trx: SharedTx, bookingId: string): Promise<TicketView[]> {
      return (await store.voidAllTickets(own(trx), bookingId, clock.now())).map(toTicketView);
    },

    /**
     * Checks a ticket in at the door: the signature is checked before any lookup, so forged codes
     * cost nothing; the window opens CHECKIN_OPENS_MINUTES before the start and closes at the end.
     */
    async checkIn(code: string, staff: Principal) {
      const staffId = staff.userId;
      const claimed = verifyTicketCode(await signingKeys(), code);
      if (!claimed) throw ticketNotFound();
      const ticket = await store.findTicket(db, claimed.ticketId);
      if (!ticket || ticket.showtime_id !== claimed.showtimeId || ticket.code !== code) throw ticketNotFound();
      if (ticket.status === 'void') throw ticketVoid(ticket.id, ticket.voided_at);
      if (ticket.status === 'used' && ticket.checked_in_at) throw alreadyCheckedIn(ticket.id, ticket.checked_in_at);
      const showtime = await deps.showtime(ticket.showtime_id);
      if (!showtime) throw ticketNotFound();
      const now = clock.now();
      const opensAt = new Date(showtime.startsAt.getTime() - deps.checkinOpensMinutes * 60_000);
      if (now < opensAt) throw checkinNotOpen(opensAt, showtime.startsAt);
      if (now >= showtime.endsAt) throw checkinClosed(showtime.endsAt, showtime.startsAt);
      const used = await store.checkIn(db, ticket.id, staffId, now);
      if (!used) {
        const again = await store.findTicket(db, ticket.id);
        if (again?.status === 'used' && again.checked_in_at) throw alreadyCheckedIn(again.id, again.checked_in_at);
        throw ticketVoid(ticket.id, again?.voided_at ?? null);
      }
      const view = toTicketView(used);
      const type = await store.ticketTypeAt(db, showtime.cinema.id, used.ticket_type);
      return {
        ticket: view,
        // What the door checks: the type's name and its rule ("proof of age"), in English.
        ticketType: {
          code: used.ticket_type,
          name: type?.name ?? used.ticket_type.charAt(0).toUpperCase() + used.ticket_type.slice(1),
          rule: type?.rule ?? null,
        },
        showtime: {
          id: showtime.id,
          startsAt: showtime.startsAt.toISOString(),
          endsAt: showtime.endsAt.toISOString(),
          hall: showtime.hall,
          cinema: { id: showtime.cinema.id, name: showtime.cinema.name, timezone: showtime.cinema.timezone },
        },
        movie: showtime.movie,
        seat: view.seat,
        // The face that goes with an account's ticket, for the door to compare.
        avatarUrl: (await deps.avatarOf?.(staff, used.booking_id)) ?? null,
      };
    },

    /** Checked-in and live ticket counts of a showtime (staff report). */
    counts: (showtimeId: string) => store.showtimeCounts(db, showtimeId),

    /** The PEM public key door scanners use to check codes offline. */
    async publicKey(): Promise<string> {
      return publicKeyPem(await signingKeys());
    },

    /** The showtime facts printed on tickets. */
    showtime: deps.showtime,
  };
}
