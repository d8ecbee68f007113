// Amounts customers read in their emails and ticket PDFs are in the currency's own minor units
// (ISO 4217): a ¥1,800 refund must not read "18.00 JPY", nor a KWD 1.250 ticket "12.50 KWD".
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../support/backends.ts';
import { makeShowtime } from '../support/catalog-factories.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { deliverMail } from '../support/mail.ts';
import { pdfLines } from '../support/pdf-text.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { buy, cancel } from './payment-helpers.ts';

const CASES = [
  { currency: 'JPY', price: 1800, shown: '¥1,800' },
  { currency: 'EUR', price: 1250, shown: '€12.50' },
  { currency: 'USD', price: 1600, shown: '$16.00' },
  { currency: 'KWD', price: 1250, shown: 'KWD\u00a01.250' },
  { currency: 'BHD', price: 4500, shown: 'BHD\u00a04.500' },
];

for (const backend of backends()) {
  describe(`money in emails and tickets on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      alice = await makeUser(t);
    });
    after(() => t.close());

    for (const c of CASES) {
      test(`${c.currency}: the ticket PDF and the refund email show ${c.shown}`, async () => {
        const s = await makeShowtime(t, {
          currency: c.currency,
          prices: { standard: c.price },
          startsAt: new Date(t.clock.now().getTime() + 3 * 24 * 3600_000),
        });
        const paid = await buy(t, alice, s.showtimeId, [s.seat('A', 1).id]);
        assert.deepEqual(paid.payment.amount, { amount: c.price, currency: c.currency });
        const deliver = () => deliverMail(t);
        await deliver();
        assert.equal((await cancel(t, alice, paid.booking.id)).status, 200);
        await deliver();

        const mails = await t.app.platform.database.db
          .selectFrom('mail_outbox')
          .selectAll()
          .where('recipient', '=', alice.email)
          .execute();
        const confirmation = mails.find(
          (m) => m.subject.startsWith('Your tickets') && m.text_body.includes(paid.booking.id),
        );
        const pdf = confirmation?.attachments.find((a) => a.filename === 'tickets.pdf');
        assert.ok(pdf, 'the confirmation carries the tickets PDF');
        const lines = pdfLines(Buffer.from(pdf.contentBase64, 'base64'));
        assert.ok(lines.includes(`Standard · ${c.shown}`), JSON.stringify(lines));

        const refund = mails.find((m) => m.subject.startsWith('Refund of') && m.text_body.includes(paid.booking.id));
        assert.ok(refund, 'the refund email was sent');
        assert.ok(refund.subject.startsWith(`Refund of ${c.shown}: `), refund.subject);
        assert.ok(refund.text_body.includes(`${c.shown} is on its way back`), refund.text_body);
        assert.ok(refund.html_body.includes(`<strong>${c.shown}</strong>`), refund.html_body);
      });
    }
  });
}
