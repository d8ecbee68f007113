// Les mots du client pour les cartes de portefeuille de l'issue 20, en français ; partie de `fr`.
import type { Translation } from './catalog.ts';
import type { walletEn } from './messages-wallet-en.ts';

export const walletFr = {
  'wallet.apple': 'Ajouter à Apple Wallet',
  'wallet.google': 'Enregistrer dans Google Wallet',
  'wallet.label': 'Portefeuille pour {seat}',
  'wallet.failed': 'La carte n’a pas pu être créée. Veuillez réessayer.',
} as const satisfies Translation<typeof walletEn>;
