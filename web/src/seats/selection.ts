// The seats a customer picked: what a toggle does (pure, so StrictMode's double calls and tests
// see the same result) and how the picks survive a detour through sign-in (per tab, per showtime).
import type { Seat } from '../api/types.ts';

export const MAX_SEATS = 10;

/** A seat the customer may pick: free, and not one the cinema blocked. */
export function isSelectable(seat: Pick<Seat, 'status' | 'type'>): boolean {
  return seat.status === 'available' && seat.type !== 'blocked';
}

export type Toggle =
  | { outcome: 'selected'; selected: string[] }
  | { outcome: 'deselected'; selected: string[] }
  | { outcome: 'full'; selected: readonly string[] };

/** What picking `seatId` does: deselects it if picked, adds it if there is room, else nothing. */
export function toggleSeat(selected: readonly string[], seatId: string, max = MAX_SEATS): Toggle {
  if (selected.includes(seatId)) return { outcome: 'deselected', selected: selected.filter((x) => x !== seatId) };
  if (selected.length >= max) return { outcome: 'full', selected };
  return { outcome: 'selected', selected: [...selected, seatId] };
}

/** The picked seats that `byId` shows as no longer selectable (someone else took them). */
export function takenFrom(selected: readonly string[], byId: ReadonlyMap<string, Seat>): Seat[] {
  return selected.map((id) => byId.get(id)).filter((s): s is Seat => s !== undefined && !isSelectable(s));
}

/** The selection without the seats in `taken`. */
export function withoutTaken(selected: readonly string[], taken: readonly Pick<Seat, 'id'>[]): string[] {
  const ids = new Set(taken.map((s) => s.id));
  return selected.filter((id) => !ids.has(id));
}

const key = (showtimeId: string) => `marquee.selection.${showtimeId}`;

export function loadSelection(showtimeId: string): string[] {
  try {
    const raw = sessionStorage.getItem(key(showtimeId));
    const ids = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string').slice(0, MAX_SEATS) : [];
  } catch {
    return [];
  }
}

export function saveSelection(showtimeId: string, ids: string[]): void {
  try {
    if (ids.length === 0) sessionStorage.removeItem(key(showtimeId));
    else sessionStorage.setItem(key(showtimeId), JSON.stringify(ids));
  } catch {}
}

const ticketsKey = (showtimeId: string) => `marquee.selection.${showtimeId}.tickets`;

/** The ticket type chosen for each picked seat (seat id → type code), as kept across sign-in. */
export function loadTicketTypes(showtimeId: string): Record<string, string> {
  try {
    const raw = JSON.parse(sessionStorage.getItem(ticketsKey(showtimeId)) ?? '{}') as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

export function saveTicketTypes(showtimeId: string, types: Record<string, string>): void {
  try {
    if (Object.keys(types).length === 0) sessionStorage.removeItem(ticketsKey(showtimeId));
    else sessionStorage.setItem(ticketsKey(showtimeId), JSON.stringify(types));
  } catch {}
}

/** The `seats` search parameter of guest checkout: "seatId:ticketType" (or a bare seat id), comma-separated. */
export function encodeGuestSeats(seatIds: readonly string[], types: Record<string, string>): string {
  return seatIds.map((id) => (types[id] ? `${id}:${types[id]}` : id)).join(',');
}

export type GuestSeats = { seatIds: string[] } | { seats: { seatId: string; ticketType: string }[] };

/** The seats of guest checkout's `seats` parameter: with a type each when every seat names one. */
export function decodeGuestSeats(param: string | undefined): GuestSeats {
  const parts = (param ?? '').split(',').filter(Boolean);
  const seats = parts.map((p) => {
    const [seatId = '', ticketType = ''] = p.split(':');
    return { seatId, ticketType };
  });
  return seats.length > 0 && seats.every((s) => s.ticketType !== '')
    ? { seats }
    : { seatIds: seats.map((s) => s.seatId) };
}
