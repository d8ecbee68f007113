// Ticket types (adult, child, …) per cinema and the cinema's default price list. Every cinema has
// exactly one default type (the partial unique index of migration 097 keeps it at most one; these
// rules never leave none): a cinema that has none yet is given `adult` on first use.
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { isPgError, withRetry } from '../../platform/db/pg-errors.ts';
import { validationFailed } from '../../platform/errors.ts';
import { isIso4217Currency } from '../../platform/iso-4217.ts';
import type { TicketPriceMap } from '../catalog/catalog.module.ts';
import {
  cinemaNotFound,
  ticketTypeExists,
  ticketTypeIsDefault,
  ticketTypeNotFound,
  ticketTypeUnknownInList,
} from './sales.errors.ts';
import type { SalesDb } from './sales.tables.ts';
import type {
  CreateTicketTypeInput,
  PatchTicketTypeInput,
  PriceListInput,
  TicketTypeView,
} from './ticket-types.schemas.ts';
import * as store from './ticket-types.store.ts';

export interface PriceListView {
  cinemaId: string;
  currency: string | null;
  prices: TicketPriceMap;
  updatedAt: string | null;
}

export interface TicketTypesService {
  /** The cinema's ticket types in display order (active ones unless asked); 404 for an unknown cinema. */
  list(cinemaId: string, opts?: { includeInactive?: boolean }): Promise<{ items: TicketTypeView[] }>;
  /** Adds a type (admin); 409 ticket_type_exists for a code the cinema has. */
  create(cinemaId: string, input: CreateTicketTypeInput): Promise<TicketTypeView>;
  /** Changes a type (admin); the default cannot be deactivated or stop being the default by itself. */
  update(id: string, input: PatchTicketTypeInput): Promise<TicketTypeView>;
  /** Deactivates a type (admin): sold tickets keep it; 409 ticket_type_is_default for the default. */
  deactivate(id: string): Promise<void>;
  priceList(cinemaId: string): Promise<PriceListView>;
  /** Replaces the cinema's default price list (admin); every code must be one of its types. */
  setPriceList(cinemaId: string, input: PriceListInput, by: string): Promise<PriceListView>;
}

const view = (r: store.TicketTypeRow): TicketTypeView => ({
  id: r.id,
  cinemaId: r.cinema_id,
  code: r.code,
  names: r.names,
  rule: r.rule,
  minAge: r.min_age,
  maxAge: r.max_age,
  isDefault: r.is_default,
  sortOrder: r.sort_order,
  active: r.active,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkAges(minAge: number | null | undefined, maxAge: number | null | undefined): void {
  if (minAge != null && maxAge != null && minAge > maxAge)
    throw validationFailed('/maxAge', 'must not be below minAge');
}

export function createTicketTypesService(deps: { database: ModuleDatabase; clock: Clock }): TicketTypesService {
  const db = moduleDb<SalesDb>(deps.database);

  /** The cinema's types, giving it `adult` first if it has none; 404 for an unknown cinema. */
  async function typesOf(cinemaId: string): Promise<store.TicketTypeRow[]> {
    if (!UUID.test(cinemaId)) throw cinemaNotFound();
    const rows = await store.listTicketTypes(db, cinemaId);
    if (rows.length > 0) return rows;
    try {
      await store.ensureDefaultType(db, cinemaId, deps.clock.now());
    } catch (err) {
      if (isPgError(err, '23503')) throw cinemaNotFound();
      throw err;
    }
    return store.listTicketTypes(db, cinemaId);
  }

  /** The type read again under its cinema's types' lock: what the default rules decide on. */
  async function lockedType(trx: Executor<SalesDb>, id: string): Promise<store.TicketTypeRow> {
    const found = await store.findTicketType(trx, id);
    if (!found) throw ticketTypeNotFound();
    await store.lockCinemaTypes(trx, found.cinema_id);
    const current = await store.findTicketType(trx, id);
    if (!current) throw ticketTypeNotFound();
    return current;
  }

  /** Should a writer that takes no lock (the previous release) race a default change: a 409, not a 500. */
  function defaultRace(err: unknown): never {
    const constraint = (err as { constraint?: string } | null)?.constraint ?? '';
    // The one-default index, or the table check that the default stays active (ages are checked before).
    if (isPgError(err, '23505') && constraint === 'ticket_types_one_default') throw ticketTypeIsDefault();
    if (isPgError(err, '23514') && /^ticket_types_check\d*$/.test(constraint)) throw ticketTypeIsDefault();
    throw err;
  }

  return {
    async list(cinemaId, opts = {}) {
      const rows = await typesOf(cinemaId);
      return { items: rows.filter((r) => opts.includeInactive || r.active).map(view) };
    },

    async create(cinemaId, input) {
      checkAges(input.minAge, input.maxAge);
      await typesOf(cinemaId);
      const now = deps.clock.now();
      try {
        const row = await withRetry(() =>
          db.transaction().execute(async (trx) => {
            if (input.isDefault) {
              if (input.active === false) throw ticketTypeIsDefault();
              await store.lockCinemaTypes(trx, cinemaId);
              await store.clearDefault(trx, cinemaId, now);
            }
            return store.insertTicketType(trx, {
              cinemaId,
              code: input.code,
              names: input.names as store.TicketTypeRow['names'],
              rule: (input.rule ?? null) as store.TicketTypeRow['rule'],
              min_age: input.minAge ?? null,
              max_age: input.maxAge ?? null,
              is_default: input.isDefault ?? false,
              sort_order: input.sortOrder ?? 0,
              active: input.active ?? true,
              now,
            });
          }),
        );
        return view(row);
      } catch (err) {
        if (isPgError(err, '23505')) throw ticketTypeExists(input.code);
        throw err;
      }
    },

    async update(id, input) {
      if (!UUID.test(id)) throw ticketTypeNotFound();
      const now = deps.clock.now();
      const row = await withRetry(() =>
        db.transaction().execute(async (trx) => {
          // The default rules below read the other types: decided under the cinema's lock, afresh.
          const current = await lockedType(trx, id);
          checkAges(
            input.minAge === undefined ? current.min_age : input.minAge,
            input.maxAge === undefined ? current.max_age : input.maxAge,
          );
          const willBeDefault = input.isDefault ?? current.is_default;
          if (current.is_default && input.isDefault === false) throw ticketTypeIsDefault();
          if (willBeDefault && input.active === false) throw ticketTypeIsDefault();
          if (input.isDefault && !current.is_default) {
            if (!(input.active ?? current.active)) throw ticketTypeIsDefault();
            await store.clearDefault(trx, current.cinema_id, now);
          }
          return store.updateTicketType(
            trx,
            id,
            {
              ...(input.names !== undefined ? { names: input.names as store.TicketTypeRow['names'] } : {}),
              ...(input.rule !== undefined ? { rule: input.rule as store.TicketTypeRow['rule'] } : {}),
              ...(input.minAge !== undefined ? { min_age: input.minAge } : {}),
              ...(input.maxAge !== undefined ? { max_age: input.maxAge } : {}),
              ...(input.isDefault !== undefined ? { is_default: input.isDefault } : {}),
              ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
              ...(input.active !== undefined ? { active: input.active } : {}),
            },
            now,
          );
        }),
      ).catch(defaultRace);
      return view(row);
    },

    async deactivate(id) {
      if (!UUID.test(id)) throw ticketTypeNotFound();
      await withRetry(() =>
        db.transaction().execute(async (trx) => {
          // Locked, so a PATCH making this type the default cannot slip in between the check and the write.
          const current = await lockedType(trx, id);
          if (current.is_default) throw ticketTypeIsDefault();
          await store.updateTicketType(trx, id, { active: false }, deps.clock.now());
        }),
      ).catch(defaultRace);
    },

    async priceList(cinemaId) {
      await typesOf(cinemaId);
      const row = await store.findPriceList(db, cinemaId);
      return {
        cinemaId,
        currency: row?.currency.trim() ?? null,
        prices: row?.prices ?? {},
        updatedAt: row ? new Date(row.updated_at).toISOString() : null,
      };
    },

    async setPriceList(cinemaId, input, by) {
      if (!isIso4217Currency(input.currency)) throw validationFailed('/currency', 'is not an ISO 4217 currency code');
      const codes = new Set((await typesOf(cinemaId)).map((t) => t.code));
      for (const code of Object.keys(input.prices))
        if (!codes.has(code)) throw ticketTypeUnknownInList(`/prices/${code}`, code);
      await store.upsertPriceList(db, {
        cinemaId,
        currency: input.currency,
        prices: input.prices as TicketPriceMap,
        by,
        now: deps.clock.now(),
      });
      return this.priceList(cinemaId);
    },
  };
}
