// Deutsch für die Wallet-Pässe aus Issue 20; Teil von `de`.
import type { Translation } from './catalog.ts';
import type { walletEn } from './messages-wallet-en.ts';

export const walletDe = {
  'wallet.apple': 'Zu Apple Wallet hinzufügen',
  'wallet.google': 'In Google Wallet speichern',
  'wallet.label': 'Wallet für {seat}',
  'wallet.failed': 'Der Wallet-Pass konnte nicht erstellt werden. Bitte versuchen Sie es erneut.',
} as const satisfies Translation<typeof walletEn>;
