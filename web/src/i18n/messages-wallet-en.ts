// The customer's words for issue 20's wallet passes, in English; part of `en` (messages-en.ts), so
// German must have every key (messages-wallet-de.ts).
import type { Message } from './catalog.ts';

export const walletEn = {
  'wallet.apple': 'Add to Apple Wallet',
  'wallet.google': 'Save to Google Wallet',
  'wallet.label': 'Wallet for {seat}',
  'wallet.failed': 'The wallet pass could not be made. Please try again.',
} as const satisfies Record<string, Message>;
