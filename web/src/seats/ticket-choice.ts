// Ticket types on the seat picker (pure, so tests and the page agree): which types a seat may take,
// what each costs there, and which one a seat has when the customer has not chosen.
import { seatPrice, toMoney, currencyOf } from '../api/money.ts';
import type { Money, Seat, Showtime, TicketPrices, TicketType } from '../api/types.ts';

type Named = Pick<TicketType, 'code' | 'names'>;

/** A type's name in `lang`, English when it has none in that language. */
export function ticketTypeName(type: Named, lang: string): string {
  return type.names[lang] ?? type.names.en ?? type.code;
}

/** A type's rule ("proof of age at the door") in `lang`, or null. */
export function ticketTypeRule(type: Pick<TicketType, 'rule'>, lang: string): string | null {
  return type.rule ? (type.rule[lang] ?? type.rule.en ?? null) : null;
}

/**
 * The youngest age an age rating admits: "12", "FSK 16", "PG-13", "18+" → the number; "R" → 17;
 * "G", "PG", "U", none → null (anyone). The server decides; this only hides what it would refuse.
 */
export function minimumAge(rating: string | null | undefined): number | null {
  if (!rating) return null;
  const digits = /(\d{1,2})/.exec(rating);
  if (digits) return Number(digits[1]);
  return /^\s*r\s*$/i.test(rating) ? 17 : null;
}

function showtimePrices(showtime: Showtime | undefined): TicketPrices {
  return showtime?.ticketPrices ?? {};
}

/** What a ticket of type `code` costs on `seat`: the default type costs the seat's own price. */
export function ticketPrice(
  seat: Pick<Seat, 'price' | 'type'>,
  type: Pick<TicketType, 'code' | 'isDefault'>,
  showtime: Showtime | undefined,
): Money | null {
  const listed = showtimePrices(showtime)[type.code]?.[seat.type];
  if (listed !== undefined) return toMoney(listed, currencyOf(showtime));
  return type.isDefault ? seatPrice(seat, showtime) : null;
}

/** The active types `seat` can be sold as here: priced for its seat type and allowed by the film's rating. */
export function typesFor(
  seat: Pick<Seat, 'price' | 'type'>,
  types: readonly TicketType[],
  showtime: Showtime | undefined,
  ageRating: string | null | undefined,
): TicketType[] {
  const minAge = minimumAge(ageRating);
  return types
    .filter((t) => t.active && ticketPrice(seat, t, showtime) !== null)
    .filter((t) => t.isDefault || minAge === null || t.maxAge === null || t.maxAge >= minAge)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
}

/** The type a seat has: the customer's choice while it is offered, else the default (or the first offered). */
export function chosenType(choice: string | undefined, offered: readonly TicketType[]): TicketType | undefined {
  return offered.find((t) => t.code === choice) ?? offered.find((t) => t.isDefault) ?? offered[0];
}
