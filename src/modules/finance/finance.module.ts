// Finance: each cinema's tax settings, the receipts of sales and credit notes of refunds (numbered
// without gaps per series and year, receipts.service.ts), and the accountants' exports. It hears of
// sales and refunds by events (finance-consumers.ts) and reads the other modules through its ports.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import type { RequestHook } from '../../platform/http/auth.ts';
import type { StoredLanguage } from '../../platform/http/language.ts';
import type { Lang } from '../../platform/i18n.ts';
import { seedDemoTax } from './demo-tax.ts';
import { documentPdf } from './document-pdf.ts';
import { FINANCE_QUEUE, financeJob, subscribeFinance } from './finance-consumers.ts';
import { createFinanceExport } from './finance-export.ts';
import type { FinanceDeps } from './finance.ports.ts';
import { registerFinanceRoutes } from './finance.routes.ts';
import type { FinanceDb } from './finance.tables.ts';
import { createReceiptsService, type ReceiptsService } from './receipts.service.ts';
import { createTaxSettingsService } from './tax-settings.service.ts';

export type { FinanceDeps } from './finance.ports.ts';
export type { ReceiptView } from './finance.schemas.ts';
export { FINANCE_CONSUMERS, FINANCE_QUEUE } from './finance-consumers.ts';

export interface FinanceModule {
  receipts: ReceiptsService;
  /** A till sale's receipt number and taxes per rate (issued now if need be), for the till's printed receipt. */
  fiscalReceipt(sale: {
    bookingId: string | null;
    giftCardId: string | null;
    /** Issue 17: food sold alone at a till. */
    concessionOrderId?: string | null;
    amount: number;
    currency: string;
    cinemaId: string;
    method: string;
  }): Promise<{ number: string; taxes: { rate: number; net: number; tax: number; gross: number }[] } | null>;
  /** A booking's receipt and its PDF, issued now if need be; null when it was not sold (the confirmation email). */
  receiptWithPdf(
    bookingId: string,
    lang?: Lang,
  ): Promise<{ receipt: import('./finance.schemas.ts').ReceiptView; pdf: Buffer } | null>;
  /** A gift card's sale receipt and its PDF, issued now if need be; null without one (the buyer's email). */
  giftCardReceiptWithPdf(
    giftCardId: string,
    lang?: Lang,
  ): Promise<{ receipt: import('./finance.schemas.ts').ReceiptView; pdf: Buffer } | null>;
  parts: ModuleParts;
}

/** Null when no receipt can be issued yet (no seller anywhere): the till prints and the email goes without one. */
async function withoutSeller<T>(issue: () => Promise<T | null>): Promise<T | null> {
  try {
    return await issue();
  } catch (err) {
    if (err instanceof AppError && err.code === 'tax_settings_missing') return null;
    throw err;
  }
}

export function createFinanceModule(
  platform: Platform,
  deps: FinanceDeps & {
    guestPass: RequestHook;
    /** The account's or guest booking's language (its PDFs speak it). */
    language: StoredLanguage;
    /** The demo chain's cinemas by key (CINEMA_DEMO). */
    demoCinemas: () => Promise<Record<string, string>>;
  },
): FinanceModule {
  const { clock, events, queue, config } = platform;
  const db = moduleDb<FinanceDb>(platform.database);
  const receipts = createReceiptsService({ db, clock, ports: deps, seller: config.seller });
  const tax = createTaxSettingsService({ db, clock, ports: deps });
  const exportCsv = createFinanceExport({ db, ports: deps, chainTimezone: config.seller?.timezone ?? 'UTC' });
  queue.work(FINANCE_QUEUE, financeJob(receipts) as never, { concurrency: 2, maxAttempts: 15 });
  let subscriptions: Unsubscribe[] = [];
  return {
    receipts,
    async fiscalReceipt(sale) {
      const r = await withoutSeller(async () =>
        sale.bookingId
          ? await receipts.ofBooking(sale.bookingId)
          : sale.giftCardId
            ? await receipts.ofGiftCard({ ...sale, giftCardId: sale.giftCardId })
            : sale.concessionOrderId
              ? await receipts.ofFoodOrder(sale.concessionOrderId)
              : null,
      );
      if (!r) return null;
      const taxes = r.taxes.map((t) => ({ rate: t.rate, net: t.net.amount, tax: t.tax.amount, gross: t.gross.amount }));
      return { number: r.number, taxes };
    },
    async receiptWithPdf(bookingId, lang) {
      const receipt = await withoutSeller(() => receipts.ofBooking(bookingId));
      return receipt ? { receipt, pdf: await documentPdf(receipt, lang) } : null;
    },
    async giftCardReceiptWithPdf(giftCardId, lang) {
      const receipt = await withoutSeller(() => receipts.ofGiftCardId(giftCardId));
      return receipt ? { receipt, pdf: await documentPdf(receipt, lang) } : null;
    },
    parts: {
      routes: (app, auth) =>
        registerFinanceRoutes(app, auth, {
          tax,
          receipts,
          exportCsv,
          guestPass: deps.guestPass,
          language: deps.language,
        }),
      // After the catalog's demo seed (modules start in order).
      async onStart() {
        if (config.demo) await seedDemoTax(db, await deps.demoCinemas(), clock.now());
        subscriptions = await subscribeFinance(events, queue);
      },
      onClose: async () => {
        for (const unsubscribe of subscriptions) await unsubscribe();
      },
    },
  };
}
