// What gift cards leave behind, over real SMTP: once the recipient's email is delivered no live code
// is in the database (the sealed code is cleared, the kept copy has neither code nor PDF), an erased
// buyer's orders forget addresses, names and messages (a card still to be mailed, once delivered); orders only in the currencies sold; money
// given back to a void card is voided at once (a refund's is owed to the customer: a payout), to an
// expired card extends it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mailsTo, signedInUser } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/support/smtp-receiver.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };
const CODE = /\b[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}\b/;

for (const backend of backends()) {
  describe(`gift cards at rest on ${backend.name}`, () => {
    let receiver: SmtpReceiver;
    let t: TestApp;
    let customer: TestUser;
    let admin: TestUser;
    let refuse: (to: string[]) => boolean = () => false;
    before(async () => {
      receiver = await startSmtpReceiver(0, {
        gate: (to) => (refuse(to) ? Promise.reject(new Error('451 try again later')) : undefined),
      });
      t = await startTestApp(backend, {
        env: { SMTP_URL: receiver.url, GIFT_CARD_CURRENCIES: 'EUR,CHF:1000-30000', REFUND_CUTOFF_MINUTES: '10' },
      });
      [customer, admin] = await Promise.all([makeUser(t), makeUser(t, { role: 'admin' })]);
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });

    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, user?: { token: string }, payload?: unknown) =>
      t.request({ method, url, token: user?.token, ...(payload === undefined ? {} : { payload: payload as object }) });
    const db = () => t.app.platform.database.db;
    const card = (id: string) =>
      db().selectFrom('gift_cards').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const orderOf = (id: string) =>
      db().selectFrom('gift_card_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const ledger = async (id: string) =>
      (await call('GET', `/api/v1/gift-cards/${id}`, admin)).body.ledger.map((l: { kind: string; amount: number }) => [
        l.kind,
        l.amount,
      ]);
    async function giftCard(amount: number) {
      const gc = t.app.modules.giftcards.service;
      const { card: c, code } = await db()
        .transaction()
        .execute((trx) =>
          gc.issue(trx, { amount, currency: 'EUR', channel: 'online', method: 'card', sealForMail: false }),
        );
      return { id: c.id, code };
    }
    async function held(s: TestShowtime, seats: string[]): Promise<string> {
      const seatIds = seats.map((x) => s.seat(x[0] as string, Number(x.slice(1))).id);
      const res = await call('POST', '/api/v1/bookings', customer, { showtimeId: s.showtimeId, seatIds });
      assert.equal(res.status, 201, res.text);
      return res.body.id;
    }
    const settled = (check: () => Promise<boolean>) =>
      eventually(async () => {
        await t.app.runJobsOnce();
        return check();
      });

    test('delivered: the code goes from the card row and the kept copy; an erased buyer is forgotten', async () => {
      const buyer = await signedInUser(t);
      const order = await call('POST', '/api/v1/gift-cards/orders', buyer, {
        amount: { amount: 3000, currency: 'EUR' },
        recipientEmail: 'sealed@example.test',
        recipientName: 'Sam',
        message: 'For you',
      });
      assert.equal(order.status, 201, order.text);
      const paid = await call('POST', `/api/v1/gift-cards/orders/${order.body.id}/payments`, buyer, { card: CARD });
      assert.equal(paid.status, 201, paid.text);
      const cardId = paid.body.order.giftCard.id as string;
      const [kept] = await mailsTo(t, 'sealed@example.test');
      assert.ok(kept?.sent_at, 'delivered');
      const received = receiver.messages.find((m) => m.to.includes('sealed@example.test'));
      const code = CODE.exec(received?.raw.replace(/=\r?\n/g, '') ?? '')?.[0] as string;
      assert.ok(code?.endsWith(paid.body.order.giftCard.last4), 'the recipient got the code');
      assert.match(received?.raw ?? '', /gift-card\.pdf/);
      assert.equal((await card(cardId)).code_sealed, null, 'no sealed code once delivered');
      assert.equal(CODE.test(`${kept.text_body}\n${kept.html_body}`), false, 'no code in the kept copy');
      assert.match(kept.text_body, /\[redacted\]/);
      assert.deepEqual(kept.attachments, [], 'no PDF in the kept copy');
      const balance = await call('POST', '/api/v1/gift-cards/balance', buyer, { code });
      assert.equal(balance.body.balance.amount, 3000, 'the code itself still works');

      // The buyer erases the account: amounts stay, personal data goes.
      const erased = await t.request({
        method: 'DELETE',
        url: '/api/v1/me',
        payload: { password: buyer.password },
        token: buyer.token,
      });
      assert.equal(erased.status, 204, erased.text);
      const orderRow = () => orderOf(order.body.id);
      await settled(async () => (await orderRow()).recipient_name === null);
      const o = await orderRow();
      assert.deepEqual(
        [o.buyer_user_id, o.buyer_email, o.recipient_email, o.recipient_name, o.message, o.amount, o.status],
        [buyer.id, null, '', null, null, 3000, 'issued'],
      );
      const c = await card(cardId);
      assert.deepEqual([c.recipient_email, c.recipient_name, c.message, c.balance], [null, null, null, 3000]);
    });

    test('a card still to be mailed when its buyer is erased forgets its recipient once delivered', async () => {
      const buyer = await signedInUser(t);
      refuse = (to) => to.includes('later@example.test');
      const order = await call('POST', '/api/v1/gift-cards/orders', buyer, {
        amount: { amount: 2000, currency: 'EUR' },
        recipientEmail: 'later@example.test',
        recipientName: 'Lee',
        message: 'Soon',
      });
      const paid = await call('POST', `/api/v1/gift-cards/orders/${order.body.id}/payments`, buyer, { card: CARD });
      assert.equal(paid.status, 201, paid.text);
      const cardId = paid.body.order.giftCard.id as string;
      const erased = await call('DELETE', '/api/v1/me', buyer, { password: buyer.password });
      assert.equal(erased.status, 204, erased.text);
      await settled(async () => (await orderOf(order.body.id)).recipient_email === '');
      const waiting = await card(cardId);
      assert.deepEqual([waiting.recipient_email, waiting.message], ['later@example.test', 'Soon'], 'kept to mail it');
      refuse = () => false;
      await eventually(async () => {
        t.clock.advance(60_000);
        await t.app.runJobsOnce();
        return (await card(cardId)).code_sealed === null;
      });
      assert.ok(
        receiver.messages.some((m) => m.accepted && m.to.includes('later@example.test')),
        'delivered',
      );
      const c = await card(cardId);
      assert.deepEqual([c.recipient_email, c.recipient_name, c.message, c.balance], [null, null, null, 2000]);
    });

    test('orders only in the currencies sold, within their range', async () => {
      const order = (amount: number, currency: string) =>
        call('POST', '/api/v1/gift-cards/orders', customer, {
          amount: { amount, currency },
          recipientEmail: 'x@example.test',
        });
      for (const [amount, currency, status] of [
        [2000, 'XXX', 422],
        [2000, 'USD', 422],
        [400, 'EUR', 422],
        [50_001, 'EUR', 422],
        [500, 'CHF', 422],
        [1000, 'CHF', 201],
        [50_000, 'EUR', 201],
      ] as const) {
        const res = await order(amount, currency);
        assert.equal(res.status, status, `${amount} ${currency}: ${res.text}`);
        if (status === 422) assert.equal(res.body.code, 'validation_failed');
      }
    });

    test('money back on a void card is voided with it; on an expired card it extends the card', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      // A released hold on a card voided meanwhile: written back and voided, nothing to spend.
      const a = await giftCard(1000);
      const hold = await held(s, ['A1']);
      assert.equal((await call('POST', `/api/v1/bookings/${hold}/gift-cards`, customer, { code: a.code })).status, 200);
      assert.equal((await call('POST', `/api/v1/gift-cards/${a.id}/void`, admin)).status, 200);
      assert.equal((await call('DELETE', `/api/v1/bookings/${hold}`, customer)).status, 204);
      await settled(async () => (await ledger(a.id)).length === 5);
      assert.deepEqual(await ledger(a.id), [
        ['issue', 1000],
        ['redeem', -1000],
        ['void', 0],
        ['release', 1000],
        ['void', -1000],
      ]);
      assert.equal((await card(a.id)).balance, 0);

      // A refund of tickets a card (void since) paid: written back, voided, recorded as a payout owed.
      const b = await giftCard(500);
      const paidId = await held(s, ['A2']);
      await call('POST', `/api/v1/bookings/${paidId}/gift-cards`, customer, { code: b.code });
      assert.equal((await call('POST', `/api/v1/bookings/${paidId}/payments`, customer, { card: CARD })).status, 201);
      await call('POST', `/api/v1/gift-cards/${b.id}/void`, admin);
      const cancelled = await call('POST', `/api/v1/bookings/${paidId}/cancel`, customer, {});
      assert.equal(cancelled.status, 200, cancelled.text);
      await settled(async () => (await ledger(b.id)).length === 5);
      assert.deepEqual((await ledger(b.id)).slice(2), [
        ['void', 0],
        ['refund', 500],
        ['void', -500],
      ]);
      assert.equal((await card(b.id)).balance, 0);
      // The hold's money went with card a; the refund on b is the customer's: owed until paid out.
      assert.deepEqual((await call('GET', `/api/v1/gift-cards/${a.id}`, admin)).body.payouts, []);
      const [owed] = (await call('GET', `/api/v1/gift-cards/${b.id}`, admin)).body.payouts;
      assert.deepEqual([owed.bookingId, owed.amount, owed.paidAt], [paidId, { amount: 500, currency: 'EUR' }, null]);
      const owedIds = async (status = 'owed') =>
        (await call('GET', `/api/v1/gift-card-payouts?status=${status}`, admin)).body.items.map((p: any) => p.id);
      assert.ok((await owedIds()).includes(owed.id), 'listed as owed');
      assert.equal((await call('GET', '/api/v1/gift-card-payouts', customer)).status, 403);
      const markPaid = (id: string) => call('POST', `/api/v1/gift-card-payouts/${id}/paid`, admin);
      const marked = await markPaid(owed.id);
      assert.equal(marked.status, 200, marked.text);
      assert.deepEqual([marked.body.paidBy, marked.body.last4], [admin.id, (await card(b.id)).last4]);
      // Recorded row by row in the audit log (issue 19), not just as the request.
      const audit = await call('GET', `/api/v1/audit?objectType=gift_card_payout&objectId=${owed.id}`, admin);
      assert.deepEqual(
        audit.body.items.map((e: any) => [e.action, e.after?.paid_by]),
        [['gift_card_payout.update', admin.id]],
      );
      assert.equal((await markPaid(owed.id)).body.code, 'gift_card_payout_paid');
      assert.equal((await markPaid(crypto.randomUUID())).body.code, 'gift_card_payout_not_found');
      assert.deepEqual([(await owedIds()).includes(owed.id), (await owedIds('paid')).includes(owed.id)], [false, true]);

      // A refund to a card expired since: credited, and valid 30 days from now.
      const c = await giftCard(500);
      const later = await held(s, ['A3']);
      await call('POST', `/api/v1/bookings/${later}/gift-cards`, customer, { code: c.code });
      assert.equal((await call('POST', `/api/v1/bookings/${later}/payments`, customer, { card: CARD })).status, 201);
      const yesterday = new Date(t.clock.now().getTime() - 24 * 3600_000);
      await db().updateTable('gift_cards').set({ expires_at: yesterday }).where('id', '=', c.id).execute();
      assert.equal((await call('POST', `/api/v1/bookings/${later}/cancel`, customer, {})).status, 200);
      await settled(async () => (await card(c.id)).balance === 500);
      const extended = (await card(c.id)).expires_at as Date;
      assert.equal(extended.getTime(), t.clock.now().getTime() + 30 * 24 * 3600_000);
      const balance = await call('POST', '/api/v1/gift-cards/balance', customer, { code: c.code });
      assert.equal(balance.body.status, 'active');
    });
  });
}
