// The printed tickets' words (A6 PDF and thermal strip) in English, German and French (issue 20).
import { defineMessages } from '../../platform/i18n.ts';

const en = {
  documentTitle: 'Tickets {title}',
  rated: 'Rated {rating}',
  seat: 'Row {row}  Seat {number}',
  void: 'VOID',
  footer: 'Ticket {index} of {count} · {id} · booking {booking}',
  thermalFooter: '{id} · booking {booking}',
  empty: 'This booking has no tickets.',
  'seatType.standard': 'Standard',
  'seatType.vip': 'VIP',
  'seatType.accessible': 'Wheelchair space',
  'seatType.companion': 'Companion seat',
} as const;

export const ticketMessages = defineMessages('tickets', en, {
  de: {
    documentTitle: 'Tickets {title}',
    rated: 'Altersfreigabe {rating}',
    seat: 'Reihe {row}  Platz {number}',
    void: 'UNGÜLTIG',
    footer: 'Ticket {index} von {count} · {id} · Buchung {booking}',
    thermalFooter: '{id} · Buchung {booking}',
    empty: 'Diese Buchung hat keine Tickets.',
    'seatType.standard': 'Standard',
    'seatType.vip': 'VIP',
    'seatType.accessible': 'Rollstuhlplatz',
    'seatType.companion': 'Begleitplatz',
  },
  fr: {
    documentTitle: 'Billets {title}',
    rated: 'Classification : {rating}',
    seat: 'Rang {row}  Place {number}',
    void: 'ANNULÉ',
    footer: 'Billet {index} sur {count} · {id} · réservation {booking}',
    thermalFooter: '{id} · réservation {booking}',
    empty: "Cette réservation n'a pas de billets.",
    'seatType.standard': 'Standard',
    'seatType.vip': 'VIP',
    'seatType.accessible': 'Place fauteuil roulant',
    'seatType.companion': 'Place accompagnateur',
  },
});

type SeatTypeKey = Extract<Parameters<typeof ticketMessages.t>[1], `seatType.${string}`>;

/** A seat type as the ticket names it; a type this catalog does not know is printed as its code. */
export function seatTypeName(lang: Parameters<typeof ticketMessages.t>[0], type: string): string {
  const key = `seatType.${type}`;
  return key in ticketMessages.messages.en ? ticketMessages.t(lang, key as SeatTypeKey) : type;
}
