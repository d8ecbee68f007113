// Live seat maps hear of every committed seat change from the outbox too. The process that makes a
// change publishes it right after its commit (the fast path); if it dies in between, no other
// process would hear of it and their clients would show the seat wrong for the whole hold. The
// outbox dispatcher of whichever process claims the event echoes it to every process's feed, which
// drops what it has already sent (by version): an open map converges within a dispatcher round or two.
import type { OutboxTaps } from '../../platform/events/outbox-taps.ts';
import type { DomainEvent } from '../../platform/events/outbox.ts';
import { SEATS_CHANGED, type SeatChange, type SeatChangeBus, type SeatChanges } from './seat-changes.ts';

const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null);

/** The seat changes an event records, or null (not a seat change, or written before events carried versions). */
function seatChangesOf(event: DomainEvent): SeatChanges | null {
  const p = event.payload;
  if (typeof p.showtimeId !== 'string' || typeof p.version !== 'number') return null;
  const at = (seatIds: string[] | null, status: SeatChange['status']) =>
    seatIds && {
      showtimeId: p.showtimeId as string,
      version: p.version as number,
      seats: seatIds.map((id) => ({ id, status })),
    };
  switch (event.type) {
    case 'booking.held':
      return at(strings(p.seatIds), 'held');
    case 'booking.confirmed':
      return at(strings(p.seatIds), 'sold');
    case SEATS_CHANGED:
      return Array.isArray(p.seats)
        ? { showtimeId: p.showtimeId, version: p.version, seats: p.seats as SeatChange[] }
        : null;
    default:
      return null;
  }
}

/** Echoes the booking module's seat-change events as the dispatcher claims them; returns the removal. */
export function echoSeatChanges(taps: OutboxTaps, bus: SeatChangeBus): () => void {
  return taps.tap('booking.*', (event) => {
    const changes = seatChangesOf(event);
    if (changes) void bus.echo(changes);
  });
}
