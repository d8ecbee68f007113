// The emails about a booking: the confirmation (tickets PDF attached, QR codes inline), a refund, a
// charge reversed because the seats were gone, a showtime cancelled. `when` is the start in the
// cinema's own zone, written the reader's way; the words are in the reader's language.
import { formatMoneyIn, type Lang, type Params } from '../../../platform/i18n.ts';
import { type EmailContent, emailHtml, html, htmlMessage, lines } from '../email-layout.ts';
import { type EmailKey, emailMessages } from '../emails.messages.ts';
import type { MailedFood, MailedReceipt, WalletLinks } from '../notifications.ports.ts';

/** The showtime as the emails name it. */
export interface Showing {
  title: string;
  when: string;
  cinema: string;
  hall: string;
}

/** A ticket as the emails list it. */
export interface MailedTicket {
  id: string;
  row: string;
  number: number;
}

/** "Hello Ada," or, without a name, "Hello," in the language. */
export const greeting = (lang: Lang, name: string | null) =>
  name ? emailMessages.t(lang, 'hello', { name }) : emailMessages.t(lang, 'hello.anonymous');
/** The showtime in one line: "Title, when, cinema (hall)". */
export const showingText = (lang: Lang, s: Showing) => emailMessages.t(lang, 'showing', { ...s });
const seatLine = (lang: Lang, t: MailedTicket) =>
  emailMessages.t(lang, 'seat', { row: t.row, number: String(t.number) });
const money = (lang: Lang, m: { amount: number; currency: string }) => formatMoneyIn(m, lang);

/** The receipt's lines in an email: its number, then net, tax and gross per rate. */
export function receiptLines(lang: Lang, r: MailedReceipt): string[] {
  return [
    emailMessages.t(lang, 'receipt.number', { number: r.number }),
    ...r.taxes.map((t) =>
      emailMessages.t(lang, 'receipt.rate', {
        rate: t.rate,
        net: money(lang, t.net),
        tax: money(lang, t.tax),
        gross: money(lang, t.gross),
      }),
    ),
  ];
}

export function confirmationEmail(
  lang: Lang,
  input: {
    name: string;
    showing: Showing;
    tickets: MailedTicket[];
    link: string;
    pdf: Buffer;
    /** One QR code per ticket, in the same order. */
    pngs: Buffer[];
    /** The sale's receipt (attached as a PDF); null when finance has none. */
    receipt?: MailedReceipt | null;
    /** Issue 17: the food and drink bought with it, collected at the counter with its pickup code. */
    food?: MailedFood | null;
    /** Issue 20: each ticket's wallet links (by ticket id), when wallets are configured. */
    wallet?: Map<string, WalletLinks> | undefined;
  },
): EmailContent {
  const t = (key: EmailKey, params?: Params) => emailMessages.t(lang, key, params);
  const { showing: s, tickets, link, food } = input;
  const hello = greeting(lang, input.name);
  const receipt = input.receipt ? receiptLines(lang, input.receipt) : [];
  const receiptText = receipt.length > 0 ? `\n${receipt.join('\n')}\n${t('receipt.attached')}\n` : '';
  const foodLines = food ? foodItemLines(food) : [];
  const foodTotal = food ? money(lang, food.total) : '';
  const foodText = food
    ? `\n${t('food.text', { total: foodTotal, code: food.pickupCode })}\n${foodLines.join('\n')}\n`
    : '';
  const seats = tickets.map((ticket) => seatLine(lang, ticket));
  const wallets = tickets.map((ticket) => walletLinks(lang, input.wallet?.get(ticket.id)));
  const seatsText = seats.map((seat, i) => [seat, ...(wallets[i] ?? []).map((w) => `${w.label}: ${w.url}`)].join('\n'));
  return {
    subject: t('confirmed.subject', { title: s.title, when: s.when }),
    text: `${hello}\n\n${t('confirmed.intro')}\n\n${showingText(lang, s)}\n${seatsText.join('\n')}\n\n${t('confirmed.pdf')}\n${link}\n${foodText}${receiptText}`,
    html: emailHtml({
      lang,
      paragraphs: [
        hello,
        t('confirmed.intro'),
        html`<strong>${s.title}</strong><br />${s.when}<br />${s.cinema}, ${s.hall}`,
        ...tickets.map(
          (ticket, i) =>
            html`${seats[i] as string}<br /><img
                src="cid:qr-${ticket.id}"
                alt="${t('confirmed.qrAlt')}"
                width="200"
                height="200"
              />${(wallets[i] ?? []).map((w) => html`<br /><a href="${w.url}">${w.label}</a>`)}`,
        ),
        html`${t('confirmed.pdfLink')} <a href="${link}">${t('confirmed.link')}</a>`,
        ...(food
          ? [
              html`${htmlMessage(emailMessages.parts(lang, 'food.html', { title: t('food.title'), total: foodTotal }), [
                  'title',
                ])}<br /><strong>${food.pickupCode}</strong><br /><img
                  src="cid:pickup-qr"
                  alt="${t('food.qrAlt')}"
                  width="200"
                  height="200"
                />`,
              lines(foodLines.join('\n')),
            ]
          : []),
        ...(receipt.length > 0 ? [lines(receipt.join('\n'))] : []),
      ],
    }),
    attachments: [
      { filename: 'tickets.pdf', contentType: 'application/pdf', contentBase64: input.pdf.toString('base64') },
      ...(input.receipt
        ? [
            {
              filename: `receipt-${input.receipt.number}.pdf`,
              contentType: 'application/pdf',
              contentBase64: input.receipt.pdf.toString('base64'),
            },
          ]
        : []),
      ...tickets.map((ticket, i) => ({
        filename: `ticket-${ticket.row}${ticket.number}.png`,
        contentType: 'image/png',
        contentBase64: (input.pngs[i] as Buffer).toString('base64'),
        cid: `qr-${ticket.id}`,
      })),
      ...(food
        ? [
            {
              filename: 'pickup.png',
              contentType: 'image/png',
              contentBase64: food.qrPng.toString('base64'),
              cid: 'pickup-qr',
            },
          ]
        : []),
    ],
  };
}

/** A ticket's wallet links with their labels, Apple's first. */
function walletLinks(lang: Lang, links: WalletLinks | undefined): { label: string; url: string }[] {
  return [
    ...(links?.apple ? [{ label: emailMessages.t(lang, 'wallet.apple'), url: links.apple }] : []),
    ...(links?.google ? [{ label: emailMessages.t(lang, 'wallet.google'), url: links.google }] : []),
  ];
}

/** The food lines of an email: "2 × Movie menu (Popcorn (Large), Water)". */
function foodItemLines(food: MailedFood): string[] {
  return food.items.map((i) => `${i.quantity} × ${i.name}${i.choices.length > 0 ? ` (${i.choices.join(', ')})` : ''}`);
}

/** Tickets the customer cancelled, and the money on its way back. */
export function refundEmail(
  lang: Lang,
  input: { name: string; showing: Showing; tickets: MailedTicket[]; money: string; link: string },
): EmailContent {
  const t = (key: EmailKey, params?: Params) => emailMessages.t(lang, key, params);
  const { showing: s, money } = input;
  const hello = greeting(lang, input.name);
  const seats = input.tickets.map((ticket) => seatLine(lang, ticket)).join('\n');
  const cancelled = t('refund.cancelled', { showing: showingText(lang, s) });
  return {
    subject: t('refund.subject', { money, title: s.title }),
    text: `${hello}\n\n${cancelled}\n${seats}\n\n${t('refund.back', { money })}\n${input.link}\n`,
    html: emailHtml({
      lang,
      paragraphs: [
        hello,
        cancelled,
        lines(seats),
        htmlMessage(emailMessages.parts(lang, 'refund.back', { money }), ['money']),
      ],
    }),
  };
}

/** The showtime was cancelled: every ticket is void and the payment (`money`, or all of it) refunded. */
export function showtimeCancelledEmail(
  lang: Lang,
  input: { name: string; showing: Showing; money: string },
): EmailContent {
  const t = (key: EmailKey, params?: Params) => emailMessages.t(lang, key, params);
  const { showing: s } = input;
  const hello = greeting(lang, input.name);
  const sorry = { showing: showingText(lang, s) };
  const refunded = { money: input.money || t('cancelled.yourPayment') };
  return {
    subject: t('cancelled.subject', { title: s.title, when: s.when }),
    text: `${hello}\n\n${t('cancelled.sorry', sorry)} ${t('cancelled.refunded', refunded)}\n`,
    html: emailHtml({
      lang,
      paragraphs: [
        hello,
        htmlMessage(emailMessages.parts(lang, 'cancelled.sorry', sorry), ['showing']),
        htmlMessage(emailMessages.parts(lang, 'cancelled.refunded', refunded), ['money']),
      ],
    }),
  };
}

/**
 * The showtime moved to another time: the new time, the old one, and the way out (a full refund until
 * the start): the booking's link, or for a till sale (`link` null) the box office, where it was paid.
 */
export function showtimeMovedEmail(
  lang: Lang,
  input: { name: string; showing: Showing; was: string; link: string | null },
): EmailContent {
  const t = (key: EmailKey, params?: Params) => emailMessages.t(lang, key, params);
  const { showing: s, was, link } = input;
  const hello = greeting(lang, input.name);
  const intro = emailMessages.parts(lang, 'moved.intro', { title: s.title });
  const times = `${t('moved.new', { when: s.when, cinema: s.cinema, hall: s.hall })}\n${t('moved.was', { when: was })}`;
  const subject = t('moved.subject', { title: s.title, when: s.when });
  const introText = intro.map((p) => p.text).join('');
  if (link === null) {
    const refund = t('moved.boxOffice', { cinema: s.cinema });
    return {
      subject,
      text: `${hello}\n\n${introText}\n\n${times}\n\n${refund}\n`,
      html: emailHtml({ lang, paragraphs: [hello, htmlMessage(intro, ['title']), lines(times), refund] }),
    };
  }
  return {
    subject,
    text: `${hello}\n\n${introText}\n\n${times}\n\n${t('moved.online')}\n${link}\n`,
    html: emailHtml({
      lang,
      paragraphs: [hello, htmlMessage(intro, ['title']), lines(times), t('moved.online')],
      action: { label: t('moved.action'), url: link },
    }),
  };
}

/** The charge went through after the hold was gone (released, or it ran out): refunded in full. */
export function paymentReversedEmail(
  lang: Lang,
  input: { name: string; showing: Showing; money: string; released: boolean },
): EmailContent {
  const t = (key: EmailKey, params?: Params) => emailMessages.t(lang, key, params);
  const { showing: s, money } = input;
  const hello = greeting(lang, input.name);
  const why = t(input.released ? 'reversed.released' : 'reversed.expired', { showing: showingText(lang, s) });
  return {
    subject: t('reversed.subject', { title: s.title }),
    text: `${hello}\n\n${why} ${t('reversed.refunded', { money })}\n`,
    html: emailHtml({
      lang,
      paragraphs: [hello, why, htmlMessage(emailMessages.parts(lang, 'reversed.refunded', { money }), ['money'])],
    }),
  };
}
