// The emails about a booking: the confirmation (tickets PDF attached, QR codes inline), a refund, a
// charge reversed because the seats were gone, a showtime cancelled. `when` is the start in the
// cinema's own zone.
import { formatMoney } from '../../../platform/money.ts';
import { type EmailContent, emailHtml, html, lines } from '../email-layout.ts';
import type { MailedFood, MailedReceipt } from '../notifications.ports.ts';

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

const hello = (name: string) => `Hello ${name || 'there'},`;
const what = (s: Showing) => `${s.title}, ${s.when}, ${s.cinema} (${s.hall})`;
const seatLine = (t: MailedTicket) => `Row ${t.row}, seat ${t.number}`;
const money = (m: { amount: number; currency: string }) => formatMoney(m.amount, m.currency);

/** The receipt's lines in an email: its number, then net, tax and gross per rate. */
export function receiptLines(r: MailedReceipt): string[] {
  return [
    `Receipt ${r.number}`,
    ...r.taxes.map((t) => `${t.rate} %: net ${money(t.net)}, tax ${money(t.tax)}, gross ${money(t.gross)}`),
  ];
}

export function confirmationEmail(input: {
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
}): EmailContent {
  const { showing: s, tickets, link, food } = input;
  const receipt = input.receipt ? receiptLines(input.receipt) : [];
  const receiptText = receipt.length > 0 ? `\n${receipt.join('\n')}\n(attached as a PDF)\n` : '';
  const foodLines = food ? foodItemLines(food) : [];
  const foodText = food
    ? `\nFood and drink (${money(food.total)}), at the counter with pickup code ${food.pickupCode}:\n${foodLines.join('\n')}\n`
    : '';
  return {
    subject: `Your tickets: ${s.title}, ${s.when}`,
    text: `${hello(input.name)}\n\nYour booking is confirmed.\n\n${what(s)}\n${tickets.map(seatLine).join('\n')}\n\nYour tickets are attached as a PDF; show them at the door.\n${link}\n${foodText}${receiptText}`,
    html: emailHtml({
      paragraphs: [
        hello(input.name),
        'Your booking is confirmed.',
        html`<strong>${s.title}</strong><br />${s.when}<br />${s.cinema}, ${s.hall}`,
        ...tickets.map(
          (t) => html`${seatLine(t)}<br /><img src="cid:qr-${t.id}" alt="Ticket QR code" width="200" height="200" />`,
        ),
        html`Your tickets are attached as a PDF. <a href="${link}">Your booking</a>`,
        ...(food
          ? [
              html`<strong>Food and drink</strong> (${money(food.total)}): show this code at the counter<br /><strong
                  >${food.pickupCode}</strong
                ><br /><img src="cid:pickup-qr" alt="Pickup QR code" width="200" height="200" />`,
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
      ...tickets.map((t, i) => ({
        filename: `ticket-${t.row}${t.number}.png`,
        contentType: 'image/png',
        contentBase64: (input.pngs[i] as Buffer).toString('base64'),
        cid: `qr-${t.id}`,
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

/** The food lines of an email: "2 × Movie menu (Popcorn (Large), Water)". */
function foodItemLines(food: MailedFood): string[] {
  return food.items.map((i) => `${i.quantity} × ${i.name}${i.choices.length > 0 ? ` (${i.choices.join(', ')})` : ''}`);
}

/** Tickets the customer cancelled, and the money on its way back. */
export function refundEmail(input: {
  name: string;
  showing: Showing;
  tickets: MailedTicket[];
  money: string;
  link: string;
}): EmailContent {
  const { showing: s, money } = input;
  const seats = input.tickets.map(seatLine).join('\n');
  return {
    subject: `Refund of ${money}: ${s.title}`,
    text: `${hello(input.name)}\n\nThese tickets for ${what(s)} are cancelled:\n${seats}\n\n${money} is on its way back to your card.\n${input.link}\n`,
    html: emailHtml({
      paragraphs: [
        hello(input.name),
        `These tickets for ${what(s)} are cancelled:`,
        lines(seats),
        html`<strong>${money}</strong> is on its way back to your card.`,
      ],
    }),
  };
}

/** The showtime was cancelled: every ticket is void and the payment (`money`, or all of it) refunded. */
export function showtimeCancelledEmail(input: { name: string; showing: Showing; money: string }): EmailContent {
  const { showing: s } = input;
  const refunded = input.money || 'your payment';
  return {
    subject: `Cancelled: ${s.title}, ${s.when}`,
    text: `${hello(input.name)}\n\nWe are sorry: the showtime ${what(s)} has been cancelled. Your tickets are no longer valid and ${refunded} is refunded to your card.\n`,
    html: emailHtml({
      paragraphs: [
        hello(input.name),
        html`We are sorry: the showtime <strong>${what(s)}</strong> has been cancelled.`,
        html`Your tickets are no longer valid and <strong>${refunded}</strong> is refunded to your card.`,
      ],
    }),
  };
}

/**
 * The showtime moved to another time: the new time, the old one, and the way out (a full refund until
 * the start): the booking's link, or for a till sale (`link` null) the box office, where it was paid.
 */
export function showtimeMovedEmail(input: {
  name: string;
  showing: Showing;
  was: string;
  link: string | null;
}): EmailContent {
  const { showing: s, was, link } = input;
  if (link === null) {
    const refund = `Your tickets stay valid for the new time. If it does not suit you, come to the box office of ${s.cinema} before the showtime starts for a full refund.`;
    return {
      subject: `New time: ${s.title}, ${s.when}`,
      text: `${hello(input.name)}\n\nThe showtime of ${s.title} you have tickets for has moved.\n\nNew time: ${s.when}, ${s.cinema} (${s.hall})\nWas: ${was}\n\n${refund}\n`,
      html: emailHtml({
        paragraphs: [
          hello(input.name),
          html`The showtime of <strong>${s.title}</strong> you have tickets for has moved.`,
          lines(`New time: ${s.when}, ${s.cinema} (${s.hall})\nWas: ${was}`),
          refund,
        ],
      }),
    };
  }
  return {
    subject: `New time: ${s.title}, ${s.when}`,
    text: `${hello(input.name)}\n\nThe showtime of ${s.title} you have tickets for has moved.\n\nNew time: ${s.when}, ${s.cinema} (${s.hall})\nWas: ${was}\n\nYour tickets stay valid for the new time. If it does not suit you, you can cancel your booking for a full refund until the showtime starts:\n${link}\n`,
    html: emailHtml({
      paragraphs: [
        hello(input.name),
        html`The showtime of <strong>${s.title}</strong> you have tickets for has moved.`,
        lines(`New time: ${s.when}, ${s.cinema} (${s.hall})\nWas: ${was}`),
        html`Your tickets stay valid for the new time. If it does not suit you, you can cancel your booking for a full
        refund until the showtime starts.`,
      ],
      action: { label: 'View or cancel your booking', url: link },
    }),
  };
}

/** The charge went through after the hold was gone (released, or it ran out): refunded in full. */
export function paymentReversedEmail(input: {
  name: string;
  showing: Showing;
  money: string;
  released: boolean;
}): EmailContent {
  const { showing: s, money } = input;
  const why = input.released ? 'was released' : 'ran out';
  return {
    subject: `Your payment was refunded: ${s.title}`,
    text: `${hello(input.name)}\n\nYour hold on seats for ${what(s)} ${why} while your payment was going through, so we could not issue tickets. We have refunded the full ${money} to your card.\n`,
    html: emailHtml({
      paragraphs: [
        hello(input.name),
        `Your hold on seats for ${what(s)} ${why} while your payment was going through, so we could not issue tickets.`,
        html`We have refunded the full <strong>${money}</strong> to your card.`,
      ],
    }),
  };
}
