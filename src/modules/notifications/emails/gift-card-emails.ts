// The gift card emails: the recipient's, with the code and the card as a PDF, and the buyer's copy,
// which says it was sent and never carries the code.
import { type EmailContent, emailHtml, html, lines } from '../email-layout.ts';
import type { MailedReceipt } from '../notifications.ports.ts';
import { receiptLines } from './booking-emails.ts';

const hello = (name: string | null) => `Hello ${name || 'there'},`;

export function giftCardEmail(input: {
  name: string | null;
  money: string;
  code: string;
  message: string | null;
  validUntil: string | null;
  pdf: Buffer;
}): EmailContent {
  const valid = input.validUntil ? `It is valid until ${input.validUntil}.` : '';
  const message = input.message ? `\n\n"${input.message}"` : '';
  return {
    subject: `Your Marquee gift card: ${input.money}`,
    text: `${hello(input.name)}\n\nYou have been given a Marquee gift card worth ${input.money}.${message}\n\nYour code: ${input.code}\n\nUse it at checkout online or at the box office. ${valid}\nThe card is attached as a PDF. Keep the code secret: whoever has it can spend it.\n`,
    html: emailHtml({
      paragraphs: [
        hello(input.name),
        html`You have been given a Marquee gift card worth <strong>${input.money}</strong>.`,
        ...(input.message ? [html`<em>${input.message}</em>`] : []),
        html`Your code: <strong style="font-family:monospace;font-size:1.2em">${input.code}</strong>`,
        `Use it at checkout online or at the box office. ${valid}`,
        'The card is attached as a PDF. Keep the code secret: whoever has it can spend it.',
      ],
    }),
    attachments: [
      { filename: 'gift-card.pdf', contentType: 'application/pdf', contentBase64: input.pdf.toString('base64') },
    ],
  };
}

export function giftCardSentEmail(input: {
  name: string | null;
  money: string;
  recipient: string;
  last4: string;
  /** The sale's receipt (attached as a PDF); null when finance has none. */
  receipt?: MailedReceipt | null;
}): EmailContent {
  const receipt = input.receipt ? receiptLines(input.receipt) : [];
  const receiptText = receipt.length > 0 ? `\n${receipt.join('\n')}\n(attached as a PDF)\n` : '';
  return {
    subject: `Your gift card for ${input.recipient} is on its way`,
    text: `${hello(input.name)}\n\nThank you for your order. The gift card worth ${input.money} (ending ${input.last4}) has been emailed to ${input.recipient} with its code.\n${receiptText}`,
    html: emailHtml({
      paragraphs: [
        hello(input.name),
        html`Thank you for your order. The gift card worth <strong>${input.money}</strong> (ending ${input.last4}) has
          been emailed to ${input.recipient} with its code.`,
        ...(receipt.length > 0 ? [lines(receipt.join('\n'))] : []),
      ],
    }),
    ...(input.receipt
      ? {
          attachments: [
            {
              filename: `receipt-${input.receipt.number}.pdf`,
              contentType: 'application/pdf',
              contentBase64: input.receipt.pdf.toString('base64'),
            },
          ],
        }
      : {}),
  };
}
