// Promo code campaigns as the API shows them: money as {amount, currency}, times as ISO text.
import type { PromoCodeView } from './promotions.schemas.ts';
import type { CampaignRow } from './promotions.store.ts';

export function toPromoView(c: CampaignRow): PromoCodeView {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    percent: c.percent,
    amount: c.amount !== null && c.currency !== null ? { amount: c.amount, currency: c.currency } : null,
    scope: c.scope,
    validFrom: c.validFrom?.toISOString() ?? null,
    validUntil: c.validUntil?.toISOString() ?? null,
    maxUses: c.maxUses,
    maxUsesPerCustomer: c.maxUsesPerCustomer,
    uses: c.uses,
    generatedCount: c.generatedCount,
    active: c.active,
    createdAt: c.createdAt.toISOString(),
  };
}
