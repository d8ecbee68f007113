// Each cinema's tax settings: its country, legal seller and tax rate per product kind. A cinema without
// them still sells: its receipts say the seller details are missing and use rate 0 (documents.ts).
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { badRate, cinemaNotFound, taxSettingsNotFound } from './finance.errors.ts';
import type { FinanceDeps } from './finance.ports.ts';
import type { TaxSettingsInput, TaxSettingsView } from './finance.schemas.ts';
import * as store from './finance.store.ts';
import type { FinanceDb } from './finance.tables.ts';
import { basisPoints, percentOf } from './tax-math.ts';

const KINDS = ['tickets', 'food', 'merchandise', 'default'] as const;

export const toTaxSettingsView = (r: store.TaxSettingsRow): TaxSettingsView => ({
  cinemaId: r.cinema_id,
  country: r.country,
  legalName: r.legal_name,
  legalAddress: r.legal_address,
  taxId: r.tax_id,
  taxRates: {
    tickets: percentOf(r.rate_tickets),
    food: percentOf(r.rate_food),
    merchandise: percentOf(r.rate_merchandise),
    default: percentOf(r.rate_default),
  },
  updatedAt: r.updated_at.toISOString(),
});

/** The row of settings as given; a kind not given takes the default rate. 422 for a rate with three decimals. */
export function taxSettingsRow(cinemaId: string, input: TaxSettingsInput, now: Date): store.TaxSettingsRow {
  const bp = Object.fromEntries(
    KINDS.map((kind) => {
      const percent = input.taxRates[kind] ?? input.taxRates.default;
      const value = basisPoints(percent);
      if (value === null) throw badRate(kind);
      return [kind, value];
    }),
  ) as Record<(typeof KINDS)[number], number>;
  return {
    cinema_id: cinemaId,
    country: input.country,
    legal_name: input.legalName.trim(),
    legal_address: input.legalAddress.trim(),
    tax_id: input.taxId?.trim() || null,
    rate_tickets: bp.tickets,
    rate_food: bp.food,
    rate_merchandise: bp.merchandise,
    rate_default: bp.default,
    updated_at: now,
  };
}

export function createTaxSettingsService(deps: { db: Kysely<FinanceDb>; clock: Clock; ports: FinanceDeps }) {
  const { db, clock, ports } = deps;

  async function requireCinema(cinemaId: string): Promise<void> {
    if (!(await ports.cinema(cinemaId))) throw cinemaNotFound();
  }

  return {
    /** A cinema's settings; 404 cinema_not_found, or tax_settings_not_found when it has none. */
    async get(cinemaId: string): Promise<TaxSettingsView> {
      await requireCinema(cinemaId);
      const row = await store.findTaxSettings(db, cinemaId);
      if (!row) throw taxSettingsNotFound();
      return toTaxSettingsView(row);
    },
    /** Sets a cinema's settings (all of them); documents issued before keep the settings they were issued with. */
    async put(cinemaId: string, input: TaxSettingsInput): Promise<TaxSettingsView> {
      await requireCinema(cinemaId);
      return toTaxSettingsView(await store.upsertTaxSettings(db, taxSettingsRow(cinemaId, input, clock.now())));
    },
  };
}

export type TaxSettingsService = ReturnType<typeof createTaxSettingsService>;
