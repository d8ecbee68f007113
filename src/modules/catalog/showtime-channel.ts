// The pubsub channel every process's booking module listens on to drop its few-second copy of a
// showtime (booking-catalog.cache.ts): published with the showtime id after a change holds must see
// at once (new prices, another hall). Named for prices, the first change that needed it.
export const SHOWTIME_PRICES_CHANNEL = 'catalog.showtime-prices';
