// Tickets: issuing (inside the payment's transaction), QR codes and PDFs, check-in at the door.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { Caller } from '../../platform/http/access.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { StoredLanguage } from '../../platform/http/language.ts';
import { DEFAULT_LANG, type Lang } from '../../platform/i18n.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import { renderTickets } from './render-pool.ts';
import { qrSvg } from './ticket-render.ts';
import { registerTicketRoutes } from './tickets.routes.ts';
import { createTicketsService, type ShowtimeInfo, type TicketsService } from './tickets.service.ts';

export type { TicketsService } from './tickets.service.ts';
export { localTime, pdfBytes, pdfPrice, pdfText } from './ticket-render.ts';

/** A booking's live tickets drawn (in the render worker): the PDF of them all and one QR PNG each, in order. */
export interface TicketArtwork {
  tickets: { id: string; code: string; row: string; number: number }[];
  pdf: Buffer;
  pngs: Buffer[];
}

/** The catalog's showtime in the shape tickets print, its movie's title in `lang` when given (issue 20). */
export function showtimeLookup(catalog: CatalogService) {
  return async (showtimeId: string, lang?: Lang): Promise<ShowtimeInfo | null> => {
    const s = await catalog.getShowtime(showtimeId);
    if (!s) return null;
    // The movie's own texts per language (getMovie is cached): its title there, else the original.
    const translated = lang ? (await catalog.getMovie(s.movieId))?.translations[lang]?.title : undefined;
    return {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      movedAt: s.movedAt,
      movie: {
        id: s.movie.id,
        title: translated ?? s.movie.title,
        durationMinutes: s.movie.durationMinutes,
        ageRating: s.movie.ageRating,
      },
      hall: { id: s.hall.id, name: s.hall.name },
      cinema: {
        id: s.cinema.id,
        name: s.cinema.name,
        timezone: s.cinema.timezone,
        city: s.cinema.city,
        address: s.cinema.address || null,
      },
    };
  };
}

export function createTicketsModule(
  platform: Platform,
  deps: {
    catalog: CatalogService;
    booking: { get(caller: Caller, id: string): Promise<unknown> };
    /** The account's or guest booking's language, which the PDF speaks unless `?lang` says otherwise. */
    language: StoredLanguage;
    /** The booking account's avatar for the door (issue 20), as the checking staff member sees the booking. */
    avatarOf?: (caller: Principal, bookingId: string) => Promise<string | null>;
  },
): {
  service: TicketsService;
  /** A booking's tickets drawn for an email in `lang`; null when none is live (or its showtime is gone). */
  artwork(bookingId: string, lang?: Lang): Promise<TicketArtwork | null>;
  /** A booking's live tickets as one PDF in `lang` (guest checkout's download); null when none is live. */
  pdf(bookingId: string, lang?: Lang): Promise<Buffer | null>;
  /** A ticket's QR code (SVG) when it is this booking's; null otherwise (guest checkout's page). */
  qrOfBooking(bookingId: string, ticketId: string): Promise<string | null>;
  parts: ModuleParts;
} {
  const { database, clock, config } = platform;
  const service = createTicketsService({
    database,
    clock,
    checkinOpensMinutes: config.checkinOpensMinutes,
    showtime: showtimeLookup(deps.catalog),
    avatarOf: deps.avatarOf,
  });
  return {
    service,
    async artwork(bookingId, lang = DEFAULT_LANG) {
      const sheet = await service.sheet(bookingId, lang);
      if (!sheet) return null;
      const { pdf, pngs } = await renderTickets(
        sheet,
        sheet.tickets.map((t) => t.code),
      );
      return { tickets: sheet.tickets, pdf, pngs };
    },
    async pdf(bookingId, lang = DEFAULT_LANG) {
      const sheet = await service.sheet(bookingId, lang);
      return sheet ? (await renderTickets(sheet)).pdf : null;
    },
    async qrOfBooking(bookingId, ticketId) {
      const ticket = await service.find(ticketId);
      return ticket && ticket.booking_id === bookingId ? qrSvg(ticket.code) : null;
    },
    parts: {
      routes(app, auth) {
        registerTicketRoutes(app, auth, {
          tickets: service,
          language: deps.language,
          async assertBookingVisible(principal, bookingId) {
            await deps.booking.get(principal, bookingId);
          },
        });
      },
      // The signing key is loaded (or made) before any request, never inside a payment's transaction.
      onStart: async () => void (await service.publicKey()),
    },
  };
}
