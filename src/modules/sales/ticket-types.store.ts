// SQL for ticket types and the cinemas' default price lists (migration 097).
import type { Executor } from '../../platform/db/database.ts';
import type { TicketPriceMap } from '../catalog/catalog.module.ts';
import type { LocalizedText, SalesDb } from './sales.tables.ts';

export interface TicketTypeRow {
  id: string;
  cinema_id: string;
  code: string;
  names: LocalizedText;
  rule: LocalizedText | null;
  min_age: number | null;
  max_age: number | null;
  is_default: boolean;
  sort_order: number;
  active: boolean;
}

const columns = [
  'id',
  'cinema_id',
  'code',
  'names',
  'rule',
  'min_age',
  'max_age',
  'is_default',
  'sort_order',
  'active',
] as const;

export const ADULT_NAMES: LocalizedText = { en: 'Adult', de: 'Erwachsene' };

export async function listTicketTypes(ex: Executor<SalesDb>, cinemaId: string): Promise<TicketTypeRow[]> {
  return ex
    .selectFrom('ticket_types')
    .select(columns)
    .where('cinema_id', '=', cinemaId)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export async function findTicketType(
  ex: Executor<SalesDb>,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<TicketTypeRow | undefined> {
  let q = ex.selectFrom('ticket_types').select(columns).where('id', '=', id);
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Gives a cinema without ticket types its `adult` default; a no-op when it has one. 23503 for an unknown cinema. */
export async function ensureDefaultType(ex: Executor<SalesDb>, cinemaId: string, now: Date): Promise<void> {
  await ex
    .insertInto('ticket_types')
    .values({
      cinema_id: cinemaId,
      code: 'adult',
      names: JSON.stringify(ADULT_NAMES) as never,
      is_default: true,
      sort_order: 0,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export type TicketTypeValues = Partial<Omit<TicketTypeRow, 'id' | 'cinema_id' | 'code'>>;

function encoded(v: TicketTypeValues) {
  const { names, rule, ...rest } = v;
  return {
    ...rest,
    ...(names !== undefined ? { names: JSON.stringify(names) as never } : {}),
    ...(rule !== undefined ? { rule: (rule === null ? null : JSON.stringify(rule)) as never } : {}),
  };
}

export async function insertTicketType(
  ex: Executor<SalesDb>,
  v: { cinemaId: string; code: string; names: LocalizedText; now: Date } & TicketTypeValues,
): Promise<TicketTypeRow> {
  const { cinemaId, code, now, ...values } = v;
  return ex
    .insertInto('ticket_types')
    .values({ cinema_id: cinemaId, code, ...encoded(values), created_at: now, updated_at: now } as never)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function updateTicketType(
  ex: Executor<SalesDb>,
  id: string,
  v: TicketTypeValues,
  now: Date,
): Promise<TicketTypeRow> {
  return ex
    .updateTable('ticket_types')
    .set({ ...encoded(v), updated_at: now })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

/**
 * Locks all of the cinema's types (in id order) for a change that moves or checks the default mark:
 * two such changes then run one after the other, each reading what the other wrote, instead of
 * meeting in ticket_types_one_default or the active-default check.
 */
export async function lockCinemaTypes(ex: Executor<SalesDb>, cinemaId: string): Promise<void> {
  await ex
    .selectFrom('ticket_types')
    .select('id')
    .where('cinema_id', '=', cinemaId)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Takes the default mark off the cinema's current default (before another type gets it). */
export async function clearDefault(ex: Executor<SalesDb>, cinemaId: string, now: Date): Promise<void> {
  await ex
    .updateTable('ticket_types')
    .set({ is_default: false, updated_at: now })
    .where('cinema_id', '=', cinemaId)
    .where('is_default', '=', true)
    .execute();
}

export async function findPriceList(
  ex: Executor<SalesDb>,
  cinemaId: string,
): Promise<{ currency: string; prices: TicketPriceMap; updated_at: Date } | undefined> {
  return ex
    .selectFrom('cinema_price_lists')
    .select(['currency', 'prices', 'updated_at'])
    .where('cinema_id', '=', cinemaId)
    .executeTakeFirst();
}

export async function upsertPriceList(
  ex: Executor<SalesDb>,
  v: { cinemaId: string; currency: string; prices: TicketPriceMap; by: string; now: Date },
): Promise<void> {
  const row = {
    cinema_id: v.cinemaId,
    currency: v.currency,
    prices: JSON.stringify(v.prices) as never,
    updated_at: v.now,
    updated_by: v.by,
  };
  await ex
    .insertInto('cinema_price_lists')
    .values(row)
    .onConflict((oc) =>
      oc.column('cinema_id').doUpdateSet({
        currency: row.currency,
        prices: row.prices,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}
