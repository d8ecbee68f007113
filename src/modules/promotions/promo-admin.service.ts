// Promo code campaigns for admins: create (one shared code, or single-use codes in bulk), list,
// read, change validity and limits, deactivate, and the generated codes as CSV.
import { randomInt } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { validationFailed } from '../../platform/errors.ts';
import { decodePosition, pageOf, positionKey } from '../../platform/http/cursor.ts';
import { campaignNotFound, limitBelowUses, promoCodeTaken } from './promotions.errors.ts';
import { isPgError } from '../../platform/db/pg-errors.ts';
import type { NewPromoCodeBody, PromoCodePatchBody, PromoCodeView } from './promotions.schemas.ts';
import {
  findCampaign,
  generatedCodes,
  insertCampaign,
  insertCodes,
  listCampaigns,
  updateCampaign,
} from './promotions.store.ts';
import type { PromotionsDb } from './promotions.tables.ts';
import { toPromoView } from './promotions.views.ts';

export interface PromoAdmin {
  /** Creates a campaign with its shared code or its generated codes (409 promo_code_taken). */
  create(body: NewPromoCodeBody): Promise<PromoCodeView>;
  /** Campaigns newest first, `q` on the name or shared code. */
  list(q: {
    q?: string;
    limit: number;
    cursor?: string;
  }): Promise<{ items: PromoCodeView[]; nextCursor: string | null }>;
  /** One campaign; 404 not_found. */
  get(id: string): Promise<PromoCodeView>;
  /** Changes the name, validity, limits or active flag. */
  update(id: string, patch: PromoCodePatchBody): Promise<PromoCodeView>;
  /** The generated codes as CSV: code,used. */
  codesCsv(id: string): Promise<string>;
}

// Crockford base32 without look-alikes (no I, L, O, U): easy to read out and type.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GENERATED_LENGTH = 10;

/** A random single-use code: PREFIX-XXXXXXXXXX (50 bits), or just the random part. */
function generatedCode(prefix: string | undefined): string {
  let random = '';
  for (let i = 0; i < GENERATED_LENGTH; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return prefix ? `${prefix.toUpperCase()}-${random}` : random;
}

const time = (s: string | null | undefined) => (s == null ? null : new Date(s));

function checkTerms(body: NewPromoCodeBody): void {
  if (body.code !== undefined && body.generate !== undefined)
    throw validationFailed('/generate', 'give code or generate, not both');
  if (body.code === undefined && body.generate === undefined)
    throw validationFailed('/code', 'is required (or generate)');
  if (body.kind === 'percent' && body.percent === undefined)
    throw validationFailed('/percent', 'is required for kind percent');
  if (body.kind === 'percent' && body.amount !== undefined) throw validationFailed('/amount', 'is only for kind fixed');
  if (body.kind === 'fixed' && body.amount === undefined)
    throw validationFailed('/amount', 'is required for kind fixed');
  if (body.kind === 'fixed' && body.percent !== undefined)
    throw validationFailed('/percent', 'is only for kind percent');
  checkPeriod(time(body.validFrom), time(body.validUntil));
  const scope = body.scope ?? {};
  if (scope.from && scope.to && scope.from > scope.to) throw validationFailed('/scope/to', 'is before from');
}

function checkPeriod(from: Date | null, until: Date | null): void {
  if (from && until && until.getTime() <= from.getTime())
    throw validationFailed('/validUntil', 'must be after validFrom');
}

export function createPromoAdmin(deps: { database: ModuleDatabase; clock: Clock }): PromoAdmin {
  const db = moduleDb<PromotionsDb>(deps.database);
  const { clock } = deps;

  async function get(id: string): Promise<PromoCodeView> {
    const c = await findCampaign(db, id);
    if (!c) throw campaignNotFound();
    return toPromoView(c);
  }

  return {
    async create(body) {
      checkTerms(body);
      const id = await db.transaction().execute(async (trx) => {
        const created = await insertCampaign(trx, {
          name: body.name.trim(),
          kind: body.kind,
          percent: body.kind === 'percent' ? (body.percent ?? null) : null,
          amount: body.amount?.amount ?? null,
          currency: body.amount?.currency ?? null,
          scope: body.scope ?? {},
          validFrom: time(body.validFrom),
          validUntil: time(body.validUntil),
          maxUses: body.generate ? null : (body.maxUses ?? null),
          maxUsesPerCustomer: body.maxUsesPerCustomer ?? null,
          generatedCount: body.generate?.count ?? 0,
          now: clock.now(),
        });
        if (body.code !== undefined) {
          const taken = await insertCodes(trx, created, [body.code.toUpperCase()], false);
          if (taken.length > 0) throw promoCodeTaken(taken);
        } else if (body.generate) {
          const { count, prefix } = body.generate;
          let wanted = [...new Set(Array.from({ length: count }, () => generatedCode(prefix)))];
          // A clash with an existing code (or within the batch) is drawn again; 50 bits make that rare.
          for (let left = count; left > 0;) {
            const taken = await insertCodes(trx, created, wanted, true);
            left -= wanted.length - taken.length;
            wanted = Array.from({ length: left }, () => generatedCode(prefix));
          }
        }
        return created;
      });
      return get(id);
    },

    async list(q) {
      const after = decodePosition(q.cursor, 'promo-codes') ?? undefined;
      const rows = await listCampaigns(db, { q: q.q, after, limit: q.limit + 1 });
      const page = pageOf(rows, q.limit, 'promo-codes', positionKey);
      return { items: page.items.map(toPromoView), nextCursor: page.nextCursor };
    },

    get,

    async update(id, patch) {
      const current = await findCampaign(db, id);
      if (!current) throw campaignNotFound();
      const validFrom = patch.validFrom === undefined ? current.validFrom : time(patch.validFrom);
      const validUntil = patch.validUntil === undefined ? current.validUntil : time(patch.validUntil);
      checkPeriod(validFrom, validUntil);
      if (patch.maxUses != null && current.generatedCount > 0)
        throw validationFailed('/maxUses', 'generated codes are single-use each; the campaign has no total limit');
      if (patch.maxUses != null && patch.maxUses < current.uses) throw limitBelowUses(current.uses);
      await updateCampaign(
        db,
        id,
        {
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.validFrom !== undefined ? { valid_from: validFrom } : {}),
          ...(patch.validUntil !== undefined ? { valid_until: validUntil } : {}),
          ...(patch.maxUses !== undefined ? { max_uses: patch.maxUses } : {}),
          ...(patch.maxUsesPerCustomer !== undefined ? { max_uses_per_customer: patch.maxUsesPerCustomer } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
        },
        clock.now(),
      ).catch((err: unknown) => {
        // A use counted since the read above: the table's check keeps uses within the limit.
        if (isPgError(err, '23514')) throw limitBelowUses(patch.maxUses ?? 0);
        throw err;
      });
      return get(id);
    },

    async codesCsv(id) {
      await get(id);
      const codes = await generatedCodes(db, id);
      return ['code,used', ...codes.map((c) => `${c.code},${c.uses > 0 ? 'used' : 'unused'}`)].join('\r\n') + '\r\n';
    },
  };
}
