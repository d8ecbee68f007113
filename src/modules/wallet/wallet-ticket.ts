// A ticket as the wallets show it, read through the tickets module (its row and its showtime as
// tickets print it): the module never reads the tickets table.
import type { Lang } from '../../platform/i18n.ts';
import { localTime, type TicketsService } from '../tickets/tickets.module.ts';
import type { WalletTicket } from './wallet.ports.ts';

/**
 * The lookup app.ts gives the wallet module. `location` answers a cinema's coordinates when the
 * catalog has them; without it passes carry no locations. `language` answers the ticket owner's
 * language (the pass's words, start and the movie's title in it).
 */
export function walletTicketLookup(
  tickets: TicketsService,
  location: (cinemaId: string) => Promise<{ lat: number; lng: number } | null> = async () => null,
  language: (owner: { userId: string | null; bookingId: string }) => Promise<Lang> = async () => 'en',
) {
  return async (ticketId: string): Promise<WalletTicket | null> => {
    const t = await tickets.find(ticketId);
    const lang = t && (await language({ userId: t.user_id, bookingId: t.booking_id }));
    const s = t && lang && (await tickets.showtime(t.showtime_id, lang));
    if (!t || !lang || !s) return null;
    return {
      id: t.id,
      bookingId: t.booking_id,
      code: t.code,
      row: t.row_label,
      number: t.seat_number,
      status: t.status,
      lang,
      localStart: localTime(s.startsAt, s.cinema.timezone, lang),
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
