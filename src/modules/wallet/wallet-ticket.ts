// A ticket as the wallets show it, read through the tickets module (its row and its showtime as
// tickets print it): the module never reads the tickets table.
import { localTime, type TicketsService } from '../tickets/tickets.module.ts';
import type { WalletTicket } from './wallet.ports.ts';

/**
 * The lookup app.ts gives the wallet module. `location` answers a cinema's coordinates when the
 * catalog has them; without it passes carry no locations.
 */
export function walletTicketLookup(
  tickets: TicketsService,
  location: (cinemaId: string) => Promise<{ lat: number; lng: number } | null> = async () => null,
) {
  return async (ticketId: string): Promise<WalletTicket | null> => {
    const t = await tickets.find(ticketId);
    const s = t && (await tickets.showtime(t.showtime_id));
    if (!t || !s) return null;
    return {
      id: t.id,
      bookingId: t.booking_id,
      code: t.code,
      row: t.row_label,
      number: t.seat_number,
      status: t.status,
      localStart: localTime(s.startsAt, s.cinema.timezone),
      showtime: {
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        movie: { title: s.movie.title },
        hall: { name: s.hall.name },
        cinema: {
          name: s.cinema.name,
          address: s.cinema.address,
          city: s.cinema.city,
          location: await location(s.cinema.id),
        },
      },
    };
  };
}
