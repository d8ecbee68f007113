// The counter: a pickup code scanned or typed hands the order over EXACTLY ONCE. The order row is
// locked first (so a second scan, and a refund that locks it too, waits), and the lines move in one
// conditional UPDATE that never takes more than is left: whichever scan comes second finds nothing
// left and answers 409 already_collected. Lines may be handed over a part at a time.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { Clock } from '../../platform/clock.ts';
import type { SharedTx } from '../../platform/db/module-db.ts';
import type { Principal } from '../../platform/http/auth.ts';
import {
  alreadyCollected,
  orderNotPaid,
  orderRefunded,
  pickupLineInvalid,
  pickupNotFound,
  pickupWrongCinema,
} from './concessions.errors.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import type { OrdersBookingPort } from './orders.service.ts';
import type { PickupInput } from './orders.schemas.ts';
import * as store from './orders.store.ts';
import { leftToHandOver, namesIn, orderView } from './orders.views.ts';
import { normalisePickupCode } from './pickup-code.ts';

export function createPickupService(deps: { db: Kysely<ConcessionsDb>; clock: Clock; booking: OrdersBookingPort }) {
  const { db, clock } = deps;

  /** A held order whose booking is sold (its event not yet consumed) is paid now; other states refuse. */
  async function payable(trx: store.Db, o: store.OrderRow): Promise<store.OrderRow> {
    if (o.status === 'refunded') throw orderRefunded();
    if (o.status === 'cancelled') throw orderNotPaid(o.status);
    if (o.status === 'held') {
      const b =
        o.booking_id &&
        (await deps.booking
          .getForPayment(trx as unknown as SharedTx, o.booking_id, null, { lock: false })
          .catch(() => null));
      if (!b || b.effectiveStatus !== 'confirmed') throw orderNotPaid(o.status);
      return (await store.moveHeld(trx, { orderId: o.id }, 'paid', clock.now())) ?? o;
    }
    return o;
  }

  /** The order of a code; 404 pickup_not_found for a code that is no order's (or cannot be one). */
  async function byCode(trx: store.Db, code: string, lock: boolean) {
    const normal = normalisePickupCode(code);
    const o = normal ? await store.findOrder(trx, { code: normal }, lock) : undefined;
    if (!o) throw pickupNotFound();
    return o;
  }

  return {
    /** What the counter would hand over for a code, without collecting (staff). */
    async preview(code: string, lang: string) {
      const o = await byCode(db, code, false);
      const lines = await store.linesOf(db, [o.id]);
      const names = await namesIn(db, lines, lang);
      const paid = o.status === 'held' && o.booking_id !== null && (await sold(o.booking_id));
      return { order: orderView(o, lines, names, paid), toHandOver: leftToHandOver(lines, names) };
    },

    /**
     * Hands over what is left of an order (or the lines given): 404 pickup_not_found, 409
     * pickup_wrong_cinema, order_not_paid, order_refunded, already_collected (with collectedAt),
     * 422 pickup_line_invalid. Exactly once under concurrent scans.
     */
    async collect(staff: Principal, input: PickupInput, lang: string) {
      const done = await db.transaction().execute(async (trx) => {
        const found = await byCode(trx, input.code, true);
        // Required by the schema: no counter hands over another cinema's order.
        if (input.cinemaId !== found.cinema_id) throw pickupWrongCinema(found.cinema_id);
        const o = await payable(trx, found);
        const lines = await store.linesOf(trx, [o.id]);
        const left = new Map(lines.map((l) => [l.id, l.quantity - l.collected_quantity - l.refunded_quantity]));
        const collectedAt = o.collected_at ? new Date(o.collected_at).toISOString() : null;
        let take: { lineId: string; quantity: number }[];
        if (input.lines) {
          take = mergeLines(input.lines);
          const foreign = take.filter((l) => !left.has(l.lineId)).map((l) => l.lineId);
          if (foreign.length > 0) throw pickupLineInvalid(foreign);
          const over = take.filter((l) => l.quantity > (left.get(l.lineId) ?? 0)).map((l) => l.lineId);
          if (over.length > 0) throw alreadyCollected(collectedAt, over);
        } else {
          take = [...left].filter(([, n]) => n > 0).map(([lineId, quantity]) => ({ lineId, quantity }));
        }
        if (take.length === 0) {
          // Nothing left: handed over already, or refunded instead.
          if (lines.some((l) => l.collected_quantity > 0)) throw alreadyCollected(collectedAt);
          throw orderRefunded();
        }
        const moved = await store.collectLines(trx, o.id, take);
        // The lock makes this unreachable; the guard in the UPDATE is the rule if it ever is not.
        if (moved.length !== take.length) throw alreadyCollected(collectedAt);
        await store.recordCollection(
          trx,
          { id: randomUUID(), orderId: o.id, staffUserId: staff.userId, lines: take },
          clock.now(),
        );
        return { orderId: o.id, take };
      });
      const o = (await store.findOrder(db, { id: done.orderId })) as store.OrderRow;
      const lines = await store.linesOf(db, [o.id]);
      const names = await namesIn(db, lines, lang);
      const byId = new Map(lines.map((l) => [l.id, l]));
      return {
        order: orderView(o, lines, names),
        handedOver: done.take.map((t) => {
          const l = byId.get(t.lineId) as store.LineRow;
          return {
            lineId: t.lineId,
            name: names.get(l.variant_id) ?? l.name,
            quantity: t.quantity,
            choices: l.choices.map((c) => ({
              slotId: c.slotId,
              variantId: c.variantId,
              name: names.get(c.variantId) ?? c.name,
            })),
          };
        }),
      };
    },
  };

  async function sold(bookingId: string): Promise<boolean> {
    const b = await deps.booking
      .getForPayment(db as unknown as SharedTx, bookingId, null, { lock: false })
      .catch(() => null);
    return b?.effectiveStatus === 'confirmed';
  }
}

/** The same line named twice is one line of the sum. */
function mergeLines(lines: { lineId: string; quantity: number }[]) {
  const by = new Map<string, number>();
  for (const l of lines) by.set(l.lineId, (by.get(l.lineId) ?? 0) + l.quantity);
  return [...by].map(([lineId, quantity]) => ({ lineId, quantity }));
}

/** The pickup QR: the code alone, nothing a photo of it could tell besides. */
export async function pickupSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The pickup QR as a PNG (for the confirmation email, inline). */
export async function pickupPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

export type PickupService = ReturnType<typeof createPickupService>;
