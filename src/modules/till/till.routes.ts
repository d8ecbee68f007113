// HTTP for the box office counter: tills (admin creates), sessions (staff open, sell, refund,
// close), and receipts. Staff see their own sessions; admins every till's history.
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import { type FiscalReceipt, receiptPdf } from './receipt-render.ts';
import { saleNotFound } from './till.errors.ts';
import * as S from './till.schemas.ts';
import type { TillService } from './till.service.ts';
import type { FoodReceiptLine, ReceiptLine } from './till.views.ts';

const tags = ['till'];
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
const noStore = 'private, no-store';

/** Finance's receipt of a till sale (issued now if need be); null when it has none. */
export type FiscalReceiptLookup = (sale: {
  bookingId: string | null;
  giftCardId: string | null;
  /** Issue 17: food sold alone. */
  concessionOrderId?: string | null;
  amount: number;
  currency: string;
  cinemaId: string;
  method: string;
}) => Promise<FiscalReceipt | null>;

export function registerTillRoutes(
  app: HttpApp,
  auth: AuthHooks,
  till: TillService,
  catalog: CatalogService,
  fiscalReceipt?: FiscalReceiptLookup,
): void {
  const staff = { onRequest: auth.require('staff') };
  const admin = { onRequest: auth.require('admin') };

  app.get(
    '/api/v1/cinemas/:id/tills',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: "A cinema's tills (staff)",
        params: S.IdParams,
        response: { 200: S.TillList },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', noStore).send({ items: await till.tills(request.params.id) }),
  );
  app.post(
    '/api/v1/cinemas/:id/tills',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Create a named till at a cinema (admin)',
        description: '409 till_name_taken; 404 cinema_not_found.',
        params: S.IdParams,
        body: S.NewTill,
        response: { 201: S.Till },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await till.createTill(request.params.id, {
          name: request.body.name,
          currency: request.body.currency ?? 'EUR',
        }),
      ),
  );
  app.post(
    '/api/v1/till-sessions',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'Open a session on a till with a float (staff)',
        description:
          "409 till_already_open: the till, or the caller, has an open session (sessionId: the caller's own).",
        body: S.OpenSession,
        response: { 201: S.Session },
      },
    },
    async (request, reply) => reply.code(201).send(await till.open(principalOf(request), request.body)),
  );
  app.get(
    '/api/v1/till-sessions',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: "Till sessions, newest first, with their reports: staff their own, admins every till's",
        querystring: S.SessionQuery,
        response: { 200: S.SessionList },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', noStore).send({ items: await till.list(principalOf(request), request.query) }),
  );
  app.get(
    '/api/v1/till-sessions/:id',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'A till session with its live report and its ledger of sales and refunds',
        params: S.IdParams,
        response: { 200: S.SessionDetail },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', noStore).send(await till.get(principalOf(request), request.params.id)),
  );
  app.post(
    '/api/v1/till-sessions/:id/sales',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'Sell a booking the cashier holds, for cash or on the card terminal',
        description:
          '404 booking_not_found: not a booking this staff member holds. 409 till_closed, booking_expired, booking_not_payable. ' +
          '422 tendered_too_little (cash handed over is less than the total), till_currency_mismatch, ' +
          "till_wrong_cinema (the booking's showtime is at another cinema than this till). " +
          'The answer has the change due, and the receipt is GET /api/v1/till-sales/{id}/receipt.pdf. ' +
          'giftCard {code}: the card pays first (as POST /api/v1/bookings/{id}/gift-cards, same errors), the method the rest.',
        params: S.IdParams,
        body: S.NewSale,
        response: { 201: S.Sale },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await till.sell(principalOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/till-sessions/:id/gift-cards',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'Sell a gift card for cash or on the card terminal; the answer shows its code once, to print',
        description:
          '409 till_closed; 422 tendered_too_little. recipientEmail: the card is also emailed there with its code and PDF. ' +
          'The receipt is receiptUrl (GET /api/v1/till-sales/{id}/receipt.pdf, without the code).',
        params: S.IdParams,
        body: S.NewGiftCardSale,
        response: { 201: S.GiftCardSold },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', noStore)
        .send(await till.sellGiftCard(principalOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/till-sessions/:id/refunds',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'Refund tickets of a booking sold at a till (all when none are named), paid back from this drawer',
        description:
          'Tickets are voided and their seats freed as for any refund; the money is paid back by the method of the sale. ' +
          'Staff at the till refund in full until the showtime starts, whatever the customer refund policy ' +
          '(REFUND_CUTOFF_MINUTES, REFUND_POLICY) says; once it has started, 409 cancellation_window_closed. ' +
          '409 booking_not_sold_at_till, till_closed. 422 till_wrong_cinema (the showtime is at another cinema ' +
          "than this till), till_currency_mismatch (the sale's currency is not this drawer's).",
        params: S.IdParams,
        body: S.NewRefund,
        response: { 201: S.Movement },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await till.refund(principalOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/till-sessions/:id/close',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'Close a session with the counted cash: the report shows expected against counted',
        description: '409 till_closed when it is closed already.',
        params: S.IdParams,
        body: S.CloseSession,
        response: { 200: S.Session },
      },
    },
    async (request) => till.close(principalOf(request), request.params.id, request.body.countedCash),
  );
  app.get(
    '/api/v1/till-sales/:id/receipt.pdf',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'The receipt of a till sale, 80 mm wide for a thermal printer',
        params: S.IdParams,
      },
    },
    async (request, reply) => {
      const found = await till.saleForReceipt(principalOf(request), request.params.id);
      if (!found) throw saleNotFound();
      const { sale } = found;
      const showtime = sale.showtime_id ? await catalog.getShowtime(sale.showtime_id) : null;
      const cinema = showtime?.cinema ?? (sale.showtime_id ? null : await catalog.getCinema(found.session.cinema_id));
      const fiscal = await fiscalReceipt?.({
        bookingId: sale.booking_id,
        giftCardId: sale.kind === 'gift_card_sale' ? sale.gift_card_id : null,
        concessionOrderId: sale.kind === 'food_sale' ? sale.concession_order_id : null,
        amount: sale.amount,
        currency: sale.currency.trim(),
        cinemaId: found.session.cinema_id,
        method: sale.method,
      });
      const pdf = await receiptPdf({
        saleId: found.sale.id,
        bookingId: found.sale.booking_id,
        till: found.session.till_name,
        cinema: cinema?.name ?? '',
        timezone: cinema?.timezone ?? 'UTC',
        movie:
          showtime?.movie.title ??
          (sale.kind === 'gift_card_sale' ? 'Gift card' : sale.kind === 'food_sale' ? 'Food and drink' : ''),
        hall: showtime?.hall.name ?? '',
        startsAt: showtime?.startsAt ?? null,
        soldAt: found.sale.created_at,
        method: found.sale.method,
        currency: found.sale.currency.trim(),
        total: found.sale.amount,
        tendered: found.sale.tendered,
        lines: found.sale.lines as unknown as (ReceiptLine | FoodReceiptLine)[],
        giftCard:
          sale.kind === 'gift_card_sale'
            ? { sold: true, amount: sale.amount }
            : sale.gift_card_amount > 0
              ? { sold: false, amount: sale.gift_card_amount }
              : undefined,
        fiscal,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="receipt-${found.sale.id.slice(0, 8)}.pdf"`)
        .header('cache-control', noStore)
        .send(pdf);
    },
  );
}
