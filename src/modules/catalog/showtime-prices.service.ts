// Changing a showtime's prices (admin): holds made from then on pay the new ones; seats held or
// sold keep the price they were given (booking_seats stores it). Booking keeps showtimes in a short
// in-process cache for its holds: every process is told on SHOWTIME_PRICES_CHANNEL to read afresh.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { PubSub } from '../../platform/events/pubsub.ts';
import type { CatalogCache } from './catalog.cache.ts';
import { showtimeNotFound } from './catalog.errors.ts';
import type { CatalogDb, ShowtimePrices } from './catalog.tables.ts';
import { cinemaPricing, composeTicketPrices, updateShowtimePrices } from './showtime-prices.ts';
import type { SetShowtimePricesInput } from './showtimes.schemas.ts';
import { hallSeatTypes } from './showtimes.store.ts';
import { SHOWTIME_PRICES_CHANNEL } from './showtime-channel.ts';

export { SHOWTIME_PRICES_CHANNEL };

export function createShowtimePricer(deps: {
  database: ModuleDatabase;
  clock: Clock;
  cache: CatalogCache;
  pubsub: PubSub;
}): (id: string, input: SetShowtimePricesInput) => Promise<void> {
  const db = moduleDb<CatalogDb>(deps.database);
  return async function setShowtimePrices(id, input) {
    await db.transaction().execute(async (trx) => {
      const st = await trx
        .selectFrom('showtimes')
        .select(['id', 'hall_id', 'cinema_id', 'prices', 'ticket_prices'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!st) throw showtimeNotFound();
      const pricing = await cinemaPricing(trx, st.cinema_id);
      const prices = (input.prices ?? input.ticketPrices?.[pricing.defaultCode] ?? st.prices) as ShowtimePrices;
      const path = input.prices ? '/prices' : `/ticketPrices/${pricing.defaultCode}`;
      for (const type of await hallSeatTypes(trx, st.hall_id))
        if (prices[type] === undefined)
          throw validationFailed(`${path}/${type}`, `is required: the hall has ${type} seats`);
      // Without ticketPrices the other types keep theirs; with it, it replaces them.
      const ticketPrices = composeTicketPrices(
        pricing,
        prices,
        input.ticketPrices,
        input.ticketPrices ? {} : st.ticket_prices,
      );
      await updateShowtimePrices(trx, id, prices, ticketPrices, deps.clock.now());
    });
    await deps.cache.liveChanged();
    await deps.cache.contentChanged();
    await deps.pubsub.publish(SHOWTIME_PRICES_CHANNEL, id);
  };
}
