// The gift card emails: the recipient's, with the code and the card as a PDF, and the buyer's copy,
// which says it was sent and never carries the code. The words are in the buyer's language.
import type { Lang, Params } from '../../../platform/i18n.ts';
import { type EmailContent, emailHtml, html, htmlMessage, lines } from '../email-layout.ts';
import { type EmailKey, emailMessages } from '../emails.messages.ts';
import type { MailedReceipt } from '../notifications.ports.ts';
import { greeting, receiptLines } from './booking-emails.ts';

export function giftCardEmail(
  lang: Lang,
  input: {
    name: string | null;
    money: string;
    code: string;
    message: string | null;
    /** The last day, already written the reader's way. */
    validUntil: string | null;
    pdf: Buffer;
  },
): EmailContent {
  const t = (key: EmailKey, params?: Params) => emailMessages.t(lang, key, params);
  const hello = greeting(lang, input.name);
  const use = `${t('gift.use')}${input.validUntil ? ` ${t('gift.validUntil', { date: input.validUntil })}` : ''}`;
  const message = input.message ? `\n\n"${input.message}"` : '';
  const given = { money: input.money };
  return {
    subject: t('gift.subject', given),
    text: `${hello}\n\n${t('gift.given', given)}${message}\n\n${t('gift.code', { code: input.code })}\n\n${use}\n${t('gift.secret')}\n`,
    html: emailHtml({
      lang,
      paragraphs: [
        hello,
        htmlMessage(emailMessages.parts(lang, 'gift.given', given), ['money']),
        ...(input.message ? [html`<em>${input.message}</em>`] : []),
        htmlMessage(emailMessages.parts(lang, 'gift.code', { code: input.code }), ['code']),
        use,
        t('gift.secret'),
      ],
    }),
    attachments: [
      { filename: 'gift-card.pdf', contentType: 'application/pdf', contentBase64: input.pdf.toString('base64') },
    ],
  };
}

export function giftCardSentEmail(
  lang: Lang,
  input: {
    name: string | null;
    money: string;
    recipient: string;
    last4: string;
    /** The sale's receipt (attached as a PDF); null when finance has none. */
    receipt?: MailedReceipt | null;
  },
): EmailContent {
  const t = (key: EmailKey, params?: Params) => emailMessages.t(lang, key, params);
  const hello = greeting(lang, input.name);
  const receipt = input.receipt ? receiptLines(lang, input.receipt) : [];
  const receiptText = receipt.length > 0 ? `\n${receipt.join('\n')}\n${t('receipt.attached')}\n` : '';
  const body = { money: input.money, last4: input.last4, recipient: input.recipient };
  return {
    subject: t('giftSent.subject', { recipient: input.recipient }),
    text: `${hello}\n\n${t('giftSent.body', body)}\n${receiptText}`,
    html: emailHtml({
      lang,
      paragraphs: [
        hello,
        htmlMessage(emailMessages.parts(lang, 'giftSent.body', body), ['money']),
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
