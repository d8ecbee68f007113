// HTTP for finance: tax settings (staff read, admins change), a booking's receipt and credit notes
// (its owner, staff, or a guest with the booking's token), and the accountants' exports (admins).
import type { Caller } from '../../platform/http/access.ts';
import type { AuthHooks, RequestHook } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import { documentLanguage, type StoredLanguage } from '../../platform/http/language.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { guestPassOf } from '../booking/booking.module.ts';
import { documentPdf } from './document-pdf.ts';
import * as S from './finance.schemas.ts';
import type { ReceiptsService } from './receipts.service.ts';
import type { TaxSettingsService } from './tax-settings.service.ts';

const tags = ['finance'];
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
const guestSecurity: { [scheme: string]: string[] }[] = [{ bookingToken: [] }];
const noStore = 'private, no-store';
/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF';

export function registerFinanceRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: {
    tax: TaxSettingsService;
    receipts: ReceiptsService;
    exportCsv: (q: S.ExportQueryInput) => Promise<string>;
    /** Checks a guest's booking token (booking/guest-pass.ts). */
    guestPass: RequestHook;
    /** The account's or guest booking's language: PDFs speak it before Accept-Language. */
    language: StoredLanguage;
  },
): void {
  const { tax, receipts } = deps;
  const signedIn = { onRequest: auth.require() };

  app.get(
    '/api/v1/cinemas/:id/tax',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags,
        security,
        summary: "A cinema's country, legal seller and tax rates (staff); 404 tax_settings_not_found without them",
        params: S.IdParams,
        response: { 200: S.TaxSettings },
      },
    },
    async (request) => tax.get(request.params.id),
  );
  app.put(
    '/api/v1/cinemas/:id/tax',
    {
      onRequest: auth.require('admin'),
      schema: {
        tags,
        security,
        summary: "Set a cinema's tax settings (admin); receipts issued before keep theirs",
        params: S.IdParams,
        body: S.TaxSettingsBody,
        response: { 200: S.TaxSettings },
      },
    },
    async (request) => tax.put(request.params.id, request.body),
  );

  // The same four reads for signed-in callers and for guests with the booking's token.
  const readers: { prefix: string; hook: RequestHook; caller: (r: never) => Caller; sec: typeof security }[] = [
    { prefix: '/api/v1/bookings', hook: auth.require(), caller: principalOf as never, sec: security },
    { prefix: '/api/v1/guest/bookings', hook: deps.guestPass, caller: guestPassOf as never, sec: guestSecurity },
  ];
  for (const { prefix, hook, caller, sec } of readers) {
    const guest = prefix.includes('guest') ? ' (guest, with the booking token)' : '';
    app.get(
      `${prefix}/:id/receipt`,
      {
        onRequest: hook,
        schema: {
          tags,
          security: sec,
          summary: `A paid booking's receipt: lines, discount, tenders, net/tax/gross per rate${guest}`,
          description:
            'Issued on first request if the sale was not processed yet (dated then; supplyDate is the day of the sale); 409 booking_not_sold before payment, 409 tax_settings_missing while neither the cinema nor the chain has a seller (try again once an admin has set them).',
          params: S.IdParams,
          response: { 200: S.Receipt },
        },
      },
      async (request, reply) =>
        reply
          .header('cache-control', noStore)
          .send(await receipts.forCaller(request.params.id, caller(request as never))),
    );
    app.get(
      `${prefix}/:id/receipt.pdf`,
      {
        onRequest: hook,
        schema: {
          tags,
          security: sec,
          summary: `A paid booking's receipt as a PDF${guest}`,
          description: 'As the JSON receipt: 409 booking_not_sold, 409 tax_settings_missing.',
          params: S.IdParams,
        },
      },
      async (request, reply) => {
        const who = caller(request as never);
        const r = await receipts.forCaller(request.params.id, who);
        const lang = await documentLanguage(request, deps.language, who, request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="receipt-${r.number}.pdf"`)
          .header('cache-control', noStore)
          .send(await documentPdf(r, lang));
      },
    );
    app.get(
      `${prefix}/:id/credit-notes`,
      {
        onRequest: hook,
        schema: {
          tags,
          security: sec,
          summary: `A booking's credit notes (one per refund), oldest first${guest}`,
          params: S.IdParams,
          response: { 200: S.CreditNoteList },
        },
      },
      async (request, reply) =>
        reply
          .header('cache-control', noStore)
          .send({ items: await receipts.creditNotes(request.params.id, caller(request as never)) }),
    );
  }

  app.get(
    '/api/v1/credit-notes/:id.pdf',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: "A credit note as a PDF (its booking's owner, staff)",
        params: S.IdParams,
      },
    },
    async (request, reply) => {
      const note = await receipts.creditNote(request.params.id, principalOf(request));
      const lang = await documentLanguage(request, deps.language, principalOf(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="credit-note-${note.number}.pdf"`)
        .header('cache-control', noStore)
        .send(await documentPdf(note, lang));
    },
  );

  // A guest's credit note, with the booking's token: the booking and the note both named.
  app.get(
    '/api/v1/guest/bookings/:id/credit-notes/:creditNoteId.pdf',
    {
      onRequest: deps.guestPass,
      schema: {
        tags,
        security: guestSecurity,
        summary: "A credit note of the guest's booking as a PDF (guest, with the booking token)",
        description: '404 credit_note_not_found when the note is not of this booking.',
        params: S.GuestCreditNoteParams,
      },
    },
    async (request, reply) => {
      const { id, creditNoteId } = request.params;
      const note = await receipts.creditNote(creditNoteId, guestPassOf(request), id);
      const lang = await documentLanguage(request, deps.language, guestPassOf(request), id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="credit-note-${note.number}.pdf"`)
        .header('cache-control', noStore)
        .send(await documentPdf(note, lang));
    },
  );

  // A gift card bought online: its buyer's receipt (whoever may read the order: the signed-in buyer,
  // staff, anyone holding a guest order's id, as GET /gift-cards/orders/{id}).
  const orderRead = { onRequest: auth.identify };
  const orderSecurity = [...security, {}];
  app.get(
    '/api/v1/gift-cards/orders/:id/receipt',
    {
      ...orderRead,
      schema: {
        tags,
        security: orderSecurity,
        summary: "A paid gift card order's receipt (untaxed multi-purpose voucher, the chain's online series)",
        description:
          'Who may read the order may read it; 404 gift_card_order_not_found, 409 gift_card_order_not_paid before payment (and, saying "not issued yet", for a moment after it while the card is issued), 409 tax_settings_missing without a seller.',
        params: S.IdParams,
        response: { 200: S.Receipt },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', noStore)
        .send(await receipts.forOrder(request.principal ?? null, request.params.id)),
  );
  app.get(
    '/api/v1/gift-cards/orders/:id/receipt.pdf',
    {
      ...orderRead,
      schema: {
        tags,
        security: orderSecurity,
        summary: "A paid gift card order's receipt as a PDF",
        description:
          'As the JSON receipt: 404 gift_card_order_not_found, 409 gift_card_order_not_paid, 409 tax_settings_missing.',
        params: S.IdParams,
      },
    },
    async (request, reply) => {
      const r = await receipts.forOrder(request.principal ?? null, request.params.id);
      const lang = await documentLanguage(request, deps.language, request.principal ?? null);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="receipt-${r.number}.pdf"`)
        .header('cache-control', noStore)
        .send(await documentPdf(r, lang));
    },
  );

  app.get(
    '/api/v1/finance/export.csv',
    {
      onRequest: auth.require('admin'),
      schema: {
        tags,
        security,
        summary:
          'Finance export as CSV (admin): sales, refunds, discounts, gift-cards or payment-methods over a period',
        description:
          "Days are days of issue in the seller's zone (a day once exported never changes; a document issued late is in the day it was issued, its supply_date / refund_date column says when the sale or refund happened) (the cinema's; the chain seller's for online sales), from and to inclusive, at most 366 days. Without cinemaId: the whole chain, online sales (gift cards bought online) included; with one: that cinema's sales, and gift cards sold at its tills. Amounts are decimals. RFC 4180, UTF-8 with BOM, formula-safe.",
        querystring: S.ExportQuery,
      },
    },
    async (request, reply) => {
      const { kind, from, to } = request.query;
      const csv = await deps.exportCsv(request.query);
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="finance-${kind}-${from}-to-${to}.csv"`)
        .header('cache-control', noStore)
        .send(BOM + csv);
    },
  );
}
