// The gift card PDF's words in English, German and French (issue 20).
import { defineMessages } from '../../platform/i18n.ts';

const en = {
  title: 'Marquee gift card',
  for: 'For {name}',
  code: 'Your code',
  validUntil: 'Valid until {date}.',
  redeem: 'Redeem it online at checkout or at the box office. Keep the code secret: whoever has it can spend it.',
} as const;

export const giftCardMessages = defineMessages('gift card', en, {
  de: {
    title: 'Marquee-Gutschein',
    for: 'Für {name}',
    code: 'Ihr Code',
    validUntil: 'Gültig bis {date}.',
    redeem:
      'Lösen Sie ihn online an der Kasse oder an der Kinokasse ein. Halten Sie den Code geheim: Wer ihn hat, kann ihn einlösen.',
  },
  fr: {
    title: 'Carte cadeau Marquee',
    for: 'Pour {name}',
    code: 'Votre code',
    validUntil: "Valable jusqu'au {date}.",
    redeem:
      'Utilisez-la en ligne lors du paiement ou à la caisse. Gardez le code secret : quiconque le possède peut le dépenser.',
  },
});
