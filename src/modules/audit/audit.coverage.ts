// Which staff and admin write routes the audit covers, and which it leaves out and why. The test
// audit-coverage.test.ts walks the route table: a staff or admin route that changes state and is in
// neither list fails it, so a new route cannot be forgotten.
//
// Every staff or admin write runs inside its audit actor whatever these lists say, so the rows it
// changes in audited tables are recorded by the triggers. The object type named here is used when a
// covered request left no entry at all: one entry for the request itself (`<type>.request`).

/** "METHOD /url/:pattern", as Fastify names the route. */
export const routeKey = (method: string, url: string): string => `${method} ${url}`;

/** Covered routes and the object type they change. */
export const AUDITED_ROUTES: Record<string, string> = {
  'DELETE /api/v1/concession-products/:id': 'concession_product',
  'DELETE /api/v1/concession-products/:id/image': 'concession_product',
  'DELETE /api/v1/movies/:id': 'movie',
  'DELETE /api/v1/movies/:id/waiting-room': 'waiting_room',
  'DELETE /api/v1/people/:id': 'person',
  'DELETE /api/v1/promo-codes/:id': 'promo_code',
  'DELETE /api/v1/showtimes/:id/blocks': 'seat_block',
  'DELETE /api/v1/showtimes/:id/blocks/:seatId': 'seat_block',
  'DELETE /api/v1/showtimes/:id/waiting-room': 'waiting_room',
  'DELETE /api/v1/ticket-types/:id': 'ticket_type',
  'PATCH /api/v1/cinemas/:id': 'cinema',
  'PATCH /api/v1/concession-products/:id': 'concession_product',
  'PATCH /api/v1/halls/:id': 'hall',
  'PATCH /api/v1/movies/:id': 'movie',
  'PATCH /api/v1/people/:id': 'person',
  'PATCH /api/v1/promo-codes/:id': 'promo_code',
  'PATCH /api/v1/showtimes/:id': 'showtime',
  'PATCH /api/v1/ticket-types/:id': 'ticket_type',
  'PATCH /api/v1/users/:id': 'user',
  'PATCH /api/v1/waiting-rooms/:id': 'waiting_room',
  'POST /api/v1/checkins': 'ticket',
  'POST /api/v1/cinemas': 'cinema',
  'POST /api/v1/cinemas/:id/halls': 'hall',
  'POST /api/v1/cinemas/:id/stock/counts': 'concession_stock',
  'POST /api/v1/cinemas/:id/stock/deliveries': 'concession_stock',
  'POST /api/v1/cinemas/:id/stock/write-offs': 'concession_stock',
  'POST /api/v1/cinemas/:id/ticket-types': 'ticket_type',
  'POST /api/v1/cinemas/:id/tills': 'till',
  'POST /api/v1/concession-orders/:id/refund': 'refund',
  'POST /api/v1/concession-pickups': 'concession_order',
  'POST /api/v1/concession-products': 'concession_product',
  'POST /api/v1/gift-card-payouts/:id/paid': 'gift_card_payout',
  'POST /api/v1/gift-cards/:id/void': 'gift_card',
  'POST /api/v1/movies': 'movie',
  'POST /api/v1/people': 'person',
  'POST /api/v1/promo-codes': 'promo_code',
  'POST /api/v1/showtimes': 'showtime',
  'POST /api/v1/showtimes/:id/blocks': 'seat_block',
  'POST /api/v1/showtimes/:id/cancel': 'showtime',
  'POST /api/v1/till-sessions': 'till_session',
  'POST /api/v1/till-sessions/:id/close': 'till_session',
  'POST /api/v1/till-sessions/:id/food-refunds': 'till_movement',
  'POST /api/v1/till-sessions/:id/food-sales': 'till_movement',
  'POST /api/v1/till-sessions/:id/gift-cards': 'till_movement',
  'POST /api/v1/till-sessions/:id/refunds': 'till_movement',
  'POST /api/v1/till-sessions/:id/sales': 'till_movement',
  'POST /api/v1/waiting-rooms/:id/pause': 'waiting_room',
  'POST /api/v1/waiting-rooms/:id/resume': 'waiting_room',
  'PUT /api/v1/admin/security': 'setting',
  'PUT /api/v1/cinemas/:id/concession-offers/:productId': 'concession_offer',
  'PUT /api/v1/cinemas/:id/price-list': 'price_list',
  'PUT /api/v1/cinemas/:id/tax': 'tax_settings',
  'PUT /api/v1/concession-products/:id/image': 'concession_product',
  'PUT /api/v1/movies/:id/backdrop': 'movie',
  'PUT /api/v1/movies/:id/poster': 'movie',
  'PUT /api/v1/movies/:id/waiting-room': 'waiting_room',
  'PUT /api/v1/people/:id/photo': 'person',
  'PUT /api/v1/showtimes/:id/prices': 'showtime',
  'PUT /api/v1/showtimes/:id/waiting-room': 'waiting_room',
  'PUT /api/v1/staff/halls/:id/price-defaults': 'hall_prices',
  'DELETE /api/v1/webhook-endpoints/:id': 'webhook_endpoint',
  'PATCH /api/v1/webhook-endpoints/:id': 'webhook_endpoint',
  'POST /api/v1/webhook-deliveries/:id/redeliver': 'webhook_delivery',
  'POST /api/v1/webhook-endpoints': 'webhook_endpoint',
  'POST /api/v1/webhook-endpoints/:id/rotate-secret': 'webhook_endpoint',
  'POST /api/v1/webhook-endpoints/:id/test': 'webhook_endpoint',
};

/** Staff or admin routes that change state but are not the box office's data, with the reason. */
export const NOT_AUDITED_ROUTES: Record<string, string> = {
  'DELETE /api/v1/admin/jobs/:id': 'Discards a dead background job: queue housekeeping, no box-office data changes.',
  'POST /api/v1/admin/jobs/:id/retry':
    'Runs a dead background job again (queue housekeeping); the job itself runs later, outside any request.',
  'POST /api/v1/admin/jobs/retry': 'As above, for every dead job of a queue.',
  'DELETE /api/v1/me/passkeys/:id':
    'Own sign-in credentials (two-factor), not box-office data; kept out so no credential material reaches the log.',
  'PATCH /api/v1/me/passkeys/:id': 'Renames your own passkey: own credentials, as above.',
  'POST /api/v1/me/passkeys': 'Registers your own passkey: own credentials, as above.',
  'POST /api/v1/me/passkeys/options':
    'Only makes a registration challenge; nothing is stored that the box office shows.',
};
