// The demo chain's tax settings (CINEMA_DEMO): German VAT for Berlin (tickets 7 %, food 19 %) and
// Portuguese for Lisbon. The New York cinema has none on purpose: it shows a receipt without seller
// details at rate 0. Settings an admin changed are kept.
import type { Executor } from '../../platform/db/database.ts';
import { insertTaxSettingsIfNone } from './finance.store.ts';
import type { FinanceDb } from './finance.tables.ts';
import { taxSettingsRow } from './tax-settings.service.ts';

const DEMO = {
  berlin: {
    country: 'DE',
    legalName: 'Marquee Kinobetriebe GmbH',
    legalAddress: 'Holzmarktstraße 25, 10243 Berlin',
    taxId: 'DE123456789',
    taxRates: { tickets: 7, food: 19, merchandise: 19, default: 19 },
  },
  lisbon: {
    country: 'PT',
    legalName: 'Marquee Cinemas Portugal, Lda.',
    legalAddress: 'Rua dos Remédios 42, 1100-441 Lisboa',
    taxId: 'PT501234567',
    taxRates: { tickets: 6, food: 13, merchandise: 23, default: 23 },
  },
};

/** Gives the demo cinemas their settings unless they have some. */
export async function seedDemoTax(
  db: Executor<FinanceDb>,
  cinemaIds: Record<string, string>,
  now: Date,
): Promise<void> {
  for (const [key, input] of Object.entries(DEMO)) {
    const id = cinemaIds[key];
    if (id) await insertTaxSettingsIfNone(db, taxSettingsRow(id, input, now));
  }
}
