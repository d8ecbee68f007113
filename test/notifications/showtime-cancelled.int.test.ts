// A cancelled showtime, end to end: an admin cancels it through the API, its paid booking is
// refunded, tickets.cancelled (reason showtime_cancelled) is published, and its customer receives
// one "Cancelled" email over SMTP saying so, with the amount refunded; no refund email besides.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buy } from '../payments/payment-helpers.ts';
import { backends } from '../support/backends.ts';
import { makeShowtime } from '../support/catalog-factories.ts';
import { eventually } from '../support/eventually.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { deliverMail } from '../support/mail.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** The message as its reader sees it: quoted-printable soft breaks and escapes undone. */
const readable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})((?:=[0-9A-F]{2})*)/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));

for (const backend of backends()) {
  describe(`the showtime-cancelled email on ${backend.name}`, () => {
    let t: TestApp;
    let receiver: SmtpReceiver;
    let alice: TestUser;
    let admin: TestUser;
    before(async () => {
      receiver = await startSmtpReceiver();
      t = await startTestApp(backend, { env: { SMTP_URL: receiver.url, MAIL_FROM: 'tickets@marquee.test' } });
      [alice, admin] = await Promise.all([makeUser(t, { name: 'Alice Cancelled' }), makeUser(t, { role: 'admin' })]);
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });

    test('cancelling a showtime with a paid booking mails its customer once, with the refund', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1250 }, currency: 'EUR' });
      await buy(t, alice, s.showtimeId, [s.seat('A', 1).id]);
      await deliverMail(t);
      const before = receiver.messages.length;

      const res = await t.request({
        method: 'POST',
        url: `/api/v1/showtimes/${s.showtimeId}/cancel`,
        token: admin.token,
      });
      assert.equal(res.status, 200, res.text);
      const cancelled = () =>
        receiver.messages
          .slice(before)
          .filter((m) => m.to.includes(alice.email) && /^Subject: Cancelled: /m.test(m.raw));
      // The refunds may wait for the queue (and its clock) before the event is written.
      await eventually(
        async () => {
          t.clock.advance(60_000);
          await deliverMail(t);
          return cancelled().length > 0;
        },
        30_000,
        25,
        'the cancellation email received',
      );
      await deliverMail(t);

      const title = await sql<{ title: string }>`select m.title from showtimes s join movies m on m.id = s.movie_id
        where s.id = ${s.showtimeId}`.execute(t.app.platform.database.db);
      const [mail] = cancelled();
      assert.equal(cancelled().length, 1, 'one cancellation email');
      const text = readable(mail?.raw ?? '');
      assert.match(text, new RegExp(`^Subject: Cancelled: ${title.rows[0]?.title}, `, 'm'));
      assert.match(text, /Hello Alice Cancelled,/);
      assert.match(
        text,
        /has been cancelled\. Your tickets are no longer valid and €12\.50 is refunded to your card\./,
      );
      const others = receiver.messages.slice(before).filter((m) => m.to.includes(alice.email) && m !== mail);
      assert.deepEqual(
        others.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]),
        [],
        'no refund email besides',
      );
    });
  });
}
