// SQL for promo codes: campaigns, their codes and redemptions. Business time comes in as a parameter.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { PromoScopeValue } from './promotions.schemas.ts';
import type { PromotionsDb } from './promotions.tables.ts';

export interface CampaignRow {
  id: string;
  name: string;
  kind: 'percent' | 'fixed';
  percent: number | null;
  amount: number | null;
  currency: string | null;
  scope: PromoScopeValue;
  validFrom: Date | null;
  validUntil: Date | null;
  maxUses: number | null;
  maxUsesPerCustomer: number | null;
  uses: number;
  generatedCount: number;
  active: boolean;
  createdAt: Date;
  /** The shared code; null for a campaign of generated codes. */
  code: string | null;
}

const date = (d: Date | string | null) => (d === null ? null : new Date(d));

type Raw = {
  id: string;
  name: string;
  kind: 'percent' | 'fixed';
  percent: number | null;
  amount: number | null;
  currency: string | null;
  scope: unknown;
  valid_from: Date | null;
  valid_until: Date | null;
  max_uses: number | null;
  max_uses_per_customer: number | null;
  uses: number;
  generated_count: number;
  active: boolean;
  created_at: Date;
  code: string | null;
};

function toCampaign(r: Raw): CampaignRow {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    percent: r.percent,
    amount: r.amount,
    currency: r.currency?.trim() ?? null,
    scope: (typeof r.scope === 'string' ? JSON.parse(r.scope) : r.scope) as PromoScopeValue,
    validFrom: date(r.valid_from),
    validUntil: date(r.valid_until),
    maxUses: r.max_uses,
    maxUsesPerCustomer: r.max_uses_per_customer,
    uses: r.uses,
    generatedCount: r.generated_count,
    active: r.active,
    createdAt: new Date(r.created_at),
    code: r.code,
  };
}

function campaigns(db: Executor<PromotionsDb>) {
  return db
    .selectFrom('promo_codes as p')
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('promo_code_values as v')
        .select('v.code')
        .whereRef('v.promo_id', '=', 'p.id')
        .where('v.single_use', '=', false)
        .limit(1)
        .as('code'),
    );
}

export async function findCampaign(db: Executor<PromotionsDb>, id: string): Promise<CampaignRow | null> {
  const r = await campaigns(db).where('p.id', '=', id).executeTakeFirst();
  return r ? toCampaign(r as Raw) : null;
}

/** Campaigns newest first, keyset-paged on (created_at, id); `q` matches the name or the shared code. */
export async function listCampaigns(
  db: Executor<PromotionsDb>,
  f: { q?: string | undefined; after?: { createdAt: Date; id: string } | undefined; limit: number },
): Promise<CampaignRow[]> {
  let q = campaigns(db);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', like),
        eb.exists(
          eb
            .selectFrom('promo_code_values as v')
            .select('v.code')
            .whereRef('v.promo_id', '=', 'p.id')
            .where('v.single_use', '=', false)
            .where('v.code', 'ilike', like),
        ),
      ]),
    );
  }
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([eb('p.created_at', '<', createdAt), eb.and([eb('p.created_at', '=', createdAt), eb('p.id', '<', id)])]),
    );
  }
  const rows = await q.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(f.limit).execute();
  return rows.map((r) => toCampaign(r as Raw));
}

export interface NewCampaign {
  name: string;
  kind: 'percent' | 'fixed';
  percent: number | null;
  amount: number | null;
  currency: string | null;
  scope: PromoScopeValue;
  validFrom: Date | null;
  validUntil: Date | null;
  maxUses: number | null;
  maxUsesPerCustomer: number | null;
  generatedCount: number;
  now: Date;
}

export async function insertCampaign(trx: Executor<PromotionsDb>, c: NewCampaign): Promise<string> {
  const r = await trx
    .insertInto('promo_codes')
    .values({
      name: c.name,
      kind: c.kind,
      percent: c.percent,
      amount: c.amount,
      currency: c.currency,
      scope: JSON.stringify(c.scope),
      valid_from: c.validFrom,
      valid_until: c.validUntil,
      max_uses: c.maxUses,
      max_uses_per_customer: c.maxUsesPerCustomer,
      generated_count: c.generatedCount,
      created_at: c.now,
      updated_at: c.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts codes of a campaign in one statement; returns those already taken (not inserted). */
export async function insertCodes(
  trx: Executor<PromotionsDb>,
  promoId: string,
  codes: string[],
  singleUse: boolean,
): Promise<string[]> {
  const r = await sql<{ code: string }>`
    insert into promo_code_values (code, promo_id, single_use)
    select c, ${promoId}::uuid, ${singleUse} from unnest(${codes}::text[]) as c
    on conflict (code) do nothing
    returning code`.execute(trx);
  const inserted = new Set(r.rows.map((x) => x.code));
  return codes.filter((c) => !inserted.has(c));
}

export async function updateCampaign(
  trx: Executor<PromotionsDb>,
  id: string,
  patch: Partial<{
    name: string;
    valid_from: Date | null;
    valid_until: Date | null;
    max_uses: number | null;
    max_uses_per_customer: number | null;
    active: boolean;
  }>,
  now: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable('promo_codes')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * A code with its campaign; with `lock`, both rows FOR UPDATE: limited codes count their uses under
 * this lock. An unlimited code is read without one, so a popular code does not queue its customers.
 */
export async function findCode(
  trx: Executor<PromotionsDb>,
  code: string,
  options: { lock: boolean },
): Promise<{ campaign: CampaignRow; singleUse: boolean; codeUses: number } | null> {
  let q = trx
    .selectFrom('promo_code_values as v')
    .innerJoin('promo_codes as p', 'p.id', 'v.promo_id')
    .selectAll('p')
    .select(['v.code', 'v.single_use', 'v.uses as code_uses'])
    .where('v.code', '=', code);
  if (options.lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) return null;
  return { campaign: toCampaign(r as unknown as Raw), singleUse: r.single_use, codeUses: r.code_uses };
}

/** Live uses of a campaign by one customer. */
export async function customerUses(trx: Executor<PromotionsDb>, promoId: string, customer: string): Promise<number> {
  const r = await trx
    .selectFrom('promo_redemptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('promo_id', '=', promoId)
    .where('customer', '=', customer)
    .where('released_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function liveRedemption(
  trx: Executor<PromotionsDb>,
  bookingId: string,
): Promise<{ id: string; code: string } | null> {
  const r = await trx
    .selectFrom('promo_redemptions')
    .select(['id', 'code'])
    .where('booking_id', '=', bookingId)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  return r ?? null;
}

/** Records a use of a code by a booking (countUse counts it). */
export async function insertRedemption(
  trx: Executor<PromotionsDb>,
  r: {
    promoId: string;
    code: string;
    bookingId: string;
    customer: string;
    amount: number;
    currency: string;
    now: Date;
  },
): Promise<void> {
  await trx
    .insertInto('promo_redemptions')
    .values({
      promo_id: r.promoId,
      code: r.code,
      booking_id: r.bookingId,
      customer: r.customer,
      amount: r.amount,
      currency: r.currency,
      created_at: r.now,
    })
    .execute();
}

/**
 * Counts a use on the code and its campaign, in one statement. Called last in the transaction: the
 * row locks it takes are held only until the commit right after it.
 */
export async function countUse(trx: Executor<PromotionsDb>, promoId: string, code: string): Promise<void> {
  await sql`
    with campaign as (update promo_codes set uses = uses + 1 where id = ${promoId}::uuid returning id)
    update promo_code_values set uses = uses + 1 where code = ${code}`.execute(trx);
}

export type ReleaseReason = 'replaced' | 'removed' | 'released' | 'expired' | 'refunded';

/** Gives a booking's live use back (if any): the redemption is closed and both counts go down; its campaign's id. */
export async function releaseRedemption(
  trx: Executor<PromotionsDb>,
  bookingId: string,
  reason: ReleaseReason,
  now: Date,
): Promise<string | null> {
  const r = await sql<{ promo_id: string; code: string }>`
    with closed as (
      update promo_redemptions set released_at = ${now}::timestamptz, release_reason = ${reason}
      where booking_id = ${bookingId}::uuid and released_at is null
      returning promo_id, code
    ), campaign as (
      update promo_codes p set uses = p.uses - 1 from closed where p.id = closed.promo_id returning p.id
    ), value as (
      update promo_code_values v set uses = v.uses - 1 from closed where v.code = closed.code returning v.code
    )
    select promo_id::text as promo_id, code from closed`.execute(trx);
  return r.rows[0]?.promo_id ?? null;
}

/** A campaign's generated codes with their live uses, in code order. */
export async function generatedCodes(
  db: Executor<PromotionsDb>,
  promoId: string,
): Promise<{ code: string; uses: number }[]> {
  return db
    .selectFrom('promo_code_values')
    .select(['code', 'uses'])
    .where('promo_id', '=', promoId)
    .where('single_use', '=', true)
    .orderBy('code')
    .execute();
}
