// A showtime's prices per ticket type (showtimes.ticket_prices, migration 097). `prices` stays the
// default ticket type's seat-type map (what a hold by seatIds pays) and is mirrored under the
// default type's code; the other types come from the request or, when it leaves them out, from the
// cinema's default price list (sales' table, read through TicketTypesReadModel).
import type { Executor } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import type { CatalogDb, ShowtimePrices, TicketPriceMap } from './catalog.tables.ts';

export interface CinemaPricing {
  /** The default ticket type's code: `adult` for a cinema that has no types yet. */
  defaultCode: string;
  /** Active ticket type codes. */
  codes: Set<string>;
  /** The cinema's default price list ({} when none was saved). */
  list: TicketPriceMap;
  /** The list's currency (null when none was saved): its amounts mean nothing in another one. */
  listCurrency: string | null;
}

/** The cinema's list as a showtime in `currency` may copy it: nothing when its amounts are in another currency. */
export function listIn(pricing: CinemaPricing, currency: string): TicketPriceMap {
  return pricing.listCurrency === currency ? pricing.list : {};
}

export async function cinemaPricing(ex: Executor<CatalogDb>, cinemaId: string): Promise<CinemaPricing> {
  const [types, list] = await Promise.all([
    ex
      .selectFrom('ticket_types')
      .select(['code', 'is_default'])
      .where('cinema_id', '=', cinemaId)
      .where('active', '=', true)
      .execute(),
    ex
      .selectFrom('cinema_price_lists')
      .select(['prices', 'currency'])
      .where('cinema_id', '=', cinemaId)
      .executeTakeFirst(),
  ]);
  const defaultCode = types.find((t) => t.is_default)?.code ?? 'adult';
  return {
    defaultCode,
    codes: new Set([defaultCode, ...types.map((t) => t.code)]),
    list: list?.prices ?? {},
    listCurrency: list?.currency.trim() ?? null,
  };
}

const unknownType = (path: string, code: string) =>
  unprocessable('ticket_type_unknown', `This cinema has no active ticket type "${code}"`, {
    errors: [{ path, message: 'is not an active ticket type of this cinema' }],
  });

/**
 * The ticket prices a showtime stores: `base` (the cinema's list, or what the showtime had) for the
 * types `given` leaves out, `given` for the rest, and the default type's entry always `prices`.
 * 422 ticket_type_unknown for a code in `given` the cinema does not sell.
 */
export function composeTicketPrices(
  pricing: CinemaPricing,
  prices: ShowtimePrices,
  given: TicketPriceMap | undefined,
  base: TicketPriceMap,
): TicketPriceMap {
  for (const code of Object.keys(given ?? {}))
    if (!pricing.codes.has(code)) throw unknownType(`/ticketPrices/${code}`, code);
  const out: TicketPriceMap = {};
  for (const [code, map] of Object.entries({ ...base, ...given }))
    if (pricing.codes.has(code) && code !== pricing.defaultCode) out[code] = map;
  out[pricing.defaultCode] = prices;
  return out;
}

export async function updateShowtimePrices(
  trx: Executor<CatalogDb>,
  id: string,
  prices: ShowtimePrices,
  ticketPrices: TicketPriceMap,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('showtimes')
    .set({
      prices: JSON.stringify(prices) as never,
      ticket_prices: JSON.stringify(ticketPrices) as never,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}
