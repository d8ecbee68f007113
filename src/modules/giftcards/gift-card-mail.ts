// What the gift card emails need (notifications asks when its job composes them): the recipient's
// copy with the code, unsealed here from the card row, and the PDF; the buyer's copy without it.
import type { Kysely } from 'kysely';
import type { Lang } from '../../platform/i18n.ts';
import { giftCardPdf } from './gift-card-render.ts';
import { unsealGiftCode } from './gift-code.ts';
import * as store from './giftcards.store.ts';
import type { GiftcardsDb } from './giftcards.tables.ts';

export interface GiftCardMail {
  giftCardId: string;
  last4: string;
  amount: number;
  currency: string;
  expiresAt: Date | null;
  recipient: { email: string; name: string | null } | null;
  message: string | null;
  /**
   * The code and its PDF, drawn in the language asked; null once the card is void, or when it was
   * never sealed (a till card).
   */
  code: string | null;
  pdf: ((lang: Lang) => Promise<Buffer>) | null;
  /** Who bought it online: an account, or a guest's address. */
  buyer: { userId: string | null; email: string | null } | null;
}

export function createGiftCardMail(deps: { db: Kysely<GiftcardsDb>; secret: () => Promise<string> }) {
  return async function mailOf(giftCardId: string): Promise<GiftCardMail | null> {
    const card = await store.findCard(deps.db, giftCardId);
    if (!card) return null;
    const order = card.order_id ? await store.findOrder(deps.db, card.order_id) : undefined;
    const code =
      card.code_sealed && card.status === 'active'
        ? unsealGiftCode(await deps.secret(), card.code_sealed, card.id)
        : null;
    const common = {
      amount: card.initial_amount,
      currency: card.currency.trim(),
      expiresAt: card.expires_at,
      recipientName: card.recipient_name,
      message: card.message,
    };
    return {
      giftCardId: card.id,
      last4: card.last4,
      amount: common.amount,
      currency: common.currency,
      expiresAt: card.expires_at,
      recipient: card.recipient_email ? { email: card.recipient_email, name: card.recipient_name } : null,
      message: card.message,
      code,
      pdf: code ? (lang) => giftCardPdf({ ...common, code }, lang) : null,
      buyer: order ? { userId: order.buyer_user_id, email: order.buyer_email } : null,
    };
  };
}
