// Payment emails received over real SMTP: the confirmation carries the tickets PDF and one inline
// QR code per ticket (that decode back to the ticket codes), with the start in the cinema's local
// time; a refund sends its own message.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../support/backends.ts';
import { makeShowtime } from '../support/catalog-factories.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { deliverMail } from '../support/mail.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { buy, cancel } from './payment-helpers.ts';
import { decodeQr } from './qr-decode.ts';

interface Part {
  headers: string;
  body: string;
}

/** The leaf parts of a MIME message (enough of RFC 2046 for what nodemailer writes). */
function mimeParts(raw: string): Part[] {
  const split = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers.replace(/\r?\n[ \t]+/g, ' '))?.[1];
  if (!/^Content-Type:\s*multipart\//im.test(headers.replace(/\r?\n[ \t]+/g, ' ')) || !boundary)
    return [{ headers, body }];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .flatMap((p) => mimeParts(p.replace(/^\r?\n/, '')));
}

const header = (p: Part, name: string) =>
  new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(p.headers)?.[1]?.replace(/\r?\n[ \t]+/g, ' ');
const decoded = (p: Part) => Buffer.from(p.body.replace(/\s+/g, ''), 'base64');
/** The Subject header, its RFC 2047 encoded words (non-ASCII subjects) decoded. */
const subject = (raw: string) =>
  (header({ headers: raw.slice(0, raw.search(/\r?\n\r?\n/)), body: '' }, 'Subject') ?? '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );

for (const backend of backends()) {
  describe(`payment emails over SMTP on ${backend.name}`, () => {
    let t: TestApp;
    let receiver: SmtpReceiver;
    let alice: TestUser;
    before(async () => {
      receiver = await startSmtpReceiver();
      t = await startTestApp(backend, { env: { SMTP_URL: receiver.url, MAIL_FROM: 'tickets@marquee.test' } });
      alice = await makeUser(t, { name: 'Alice Reader' });
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });

    const deliverAll = () => deliverMail(t);

    test('the confirmation arrives with the tickets PDF attached and the QR codes inline, in local time', async () => {
      // 18:30 UTC is 19:30 in Berlin in winter (the factory's cinema is in Europe/Berlin).
      const startsAt = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 15, 18, 30));
      const s = await makeShowtime(t, { startsAt });
      const paid = await buy(t, alice, s.showtimeId, [s.seat('A', 1).id, s.seat('A', 2).id]);
      await deliverAll();
      const mail = receiver.messages.find((m) => m.to.includes(alice.email) && /Subject: Your tickets/.test(m.raw));
      assert.ok(mail, 'the confirmation was delivered over SMTP');
      const parts = mimeParts(mail.raw);
      const pdf = parts.find((p) => /application\/pdf/.test(header(p, 'Content-Type') ?? ''));
      assert.ok(pdf, 'a PDF attachment');
      assert.match(header(pdf, 'Content-Disposition') ?? '', /attachment/);
      const bytes = decoded(pdf);
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal((bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length, 2);
      const images = parts.filter((p) => /image\/png/.test(header(p, 'Content-Type') ?? ''));
      assert.equal(images.length, 2);
      const html = parts.find((p) => /text\/html/.test(header(p, 'Content-Type') ?? ''));
      assert.ok(html);
      const htmlText = /base64/i.test(header(html, 'Content-Transfer-Encoding') ?? '')
        ? decoded(html).toString('utf8')
        : html.body.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const codes = await Promise.all(images.map((image) => decodeQr(decoded(image))));
      assert.deepEqual(
        codes.sort(),
        paid.booking.tickets.map((x: any) => x.code).sort(),
        'the inline QR codes are the tickets',
      );
      for (const image of images) {
        const cid = (header(image, 'Content-ID') ?? '').replace(/[<>]/g, '');
        assert.ok(htmlText.includes(`cid:${cid}`), `the HTML shows ${cid} inline`);
      }
      const text = parts.find((p) => /text\/plain/.test(header(p, 'Content-Type') ?? ''));
      const plain =
        text && /base64/i.test(header(text, 'Content-Transfer-Encoding') ?? '')
          ? decoded(text).toString('utf8')
          : (text?.body ?? '').replace(/=\r?\n/g, '');
      assert.match(plain, /19:30 CET/, "the start in the cinema's own time zone");
    });

    test('cancelling sends a refund confirmation with the amount', async () => {
      const s = await makeShowtime(t, { startsAt: new Date(t.clock.now().getTime() + 3 * 24 * 3600_000) });
      const paid = await buy(t, alice, s.showtimeId, [s.seat('B', 1).id]);
      assert.equal((await cancel(t, alice, paid.booking.id)).status, 200);
      await deliverAll();
      const mail = receiver.messages.find(
        (m) => m.to.includes(alice.email) && /^Refund of €12\.00:/.test(subject(m.raw)),
      );
      assert.ok(mail, 'the refund email was delivered');
    });
  });
}
