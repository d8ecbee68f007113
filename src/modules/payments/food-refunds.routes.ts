// HTTP for giving back uncollected food alone (issue 17): staff refund a food order's lines, or all
// that is left to collect, to the card and gift cards that paid (a counter sale: at a till instead).
import { Type } from 'typebox';
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import type { FoodRefunds } from './food-refunds.ts';

const Uuid = Type.String({ format: 'uuid' });
const Money = Type.Object({ amount: Type.Integer({ description: 'Minor units' }), currency: Type.String() });

export const FoodRefundBody = Type.Object(
  {
    lines: Type.Optional(
      Type.Array(Type.Object({ lineId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 20 }) }), {
        minItems: 1,
        maxItems: 20,
        description: 'The lines (and how many) to give back; without: everything not yet collected',
      }),
    ),
  },
  { additionalProperties: false },
);

export const FoodRefundAnswer = Type.Object({
  orderId: Uuid,
  refundId: Uuid,
  bookingId: Type.Union([Uuid, Type.Null()]),
  amount: Money,
  cardAmount: Type.Object(Money.properties, { description: 'Back to the card (or the till drawer)' }),
  giftCardAmount: Type.Object(Money.properties, { description: 'Credited back to the gift cards that paid' }),
  lines: Type.Array(Type.Object({ lineId: Uuid, name: Type.String(), quantity: Type.Integer(), amount: Money })),
});

/** POST /api/v1/concession-orders/{id}/refund (staff). */
export function registerFoodRefundRoutes(app: HttpApp, auth: AuthHooks, refunds: FoodRefunds): void {
  app.post(
    '/api/v1/concession-orders/:id/refund',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags: ['concessions'],
        security: [{ bearer: [] }, { cookie: [] }],
        summary: 'Give back food not yet collected (staff): the lines given, or everything left',
        description:
          'Paid back as the booking paid: gift cards their share, the rest to the card. 404 concession_order_not_found; ' +
          '409 order_not_paid, order_refunded, already_collected (lineIds: handed over meanwhile, nothing refunded), ' +
          'refund_at_till (a counter sale: POST /till-sessions/{id}/refunds with concessionOrderId); 422 unknown_food_lines.',
        params: Type.Object({ id: Uuid }),
        body: FoodRefundBody,
        response: { 200: FoodRefundAnswer },
      },
    },
    async (request) => {
      const r = await refunds.refund(request.params.id, request.body.lines);
      const money = (amount: number) => ({ amount, currency: r.currency });
      return {
        orderId: r.orderId,
        refundId: r.refundId,
        bookingId: r.bookingId,
        amount: money(r.amount),
        cardAmount: money(r.cardAmount),
        giftCardAmount: money(r.giftCardAmount),
        lines: r.lines.map((l) => ({ lineId: l.lineId, name: l.name, quantity: l.quantity, amount: money(l.amount) })),
      };
    },
  );
}
