// What notifications read from the other modules to compose an email, stated here by the consumer.
// app.ts passes the real functions (accounts, catalog through tickets, tickets); notifications never
// reads their tables.
import type { Lang } from '../../platform/i18n.ts';
import type { ShowtimeInfo, TicketView } from '../tickets/tickets.service.ts';

/** A booking's live tickets drawn for an email. */
export interface TicketArtwork {
  tickets: { id: string; row: string; number: number }[];
  /** Every ticket in one PDF. */
  pdf: Buffer;
  /** One QR code PNG per ticket, in the order of `tickets`. */
  pngs: Buffer[];
}

/** What a mailed link lets its reader do. */
export type LinkPurpose = 'verify_email' | 'password_reset';

export interface NotificationsDeps {
  /** A user's address, name and language as they are now; null when the account is erased or has no address. */
  contact(userId: string): Promise<{ email: string; name: string; language: Lang } | null>;
  /**
   * A new single-use token for a link to mail the account (older ones of the purpose stop working);
   * null when there is nobody to mail it to (erased, or already verified for `verify_email`).
   */
  issueLink(userId: string, purpose: LinkPurpose): Promise<string | null>;
  /** The showtime as tickets print it, its movie's texts in `lang` (issue 20); null when it is gone. */
  showtime(showtimeId: string, lang?: Lang): Promise<ShowtimeInfo | null>;
  /** A booking's tickets, void ones too. */
  tickets(bookingId: string): Promise<TicketView[]>;
  /** A booking's live tickets as a PDF (in `lang`) and QR codes; null when none is live. */
  ticketArtwork(bookingId: string, lang: Lang): Promise<TicketArtwork | null>;
  /**
   * A guest booking's address and name, with a new management token for the link its email carries
   * (minted now, like issueLink's); null for a booking that is not a guest's.
   */
  guestLink(bookingId: string): Promise<{ email: string; name: string; language: Lang; token: string } | null>;
  /**
   * A sold booking's receipt (finance issues it now if its consumer has not yet) with its PDF; null
   * when there is none. Optional: without it the confirmation has no receipt.
   */
  receipt?(bookingId: string, lang: Lang): Promise<MailedReceipt | null>;
  /**
   * A gift card's email data (giftcards): the recipient, the code unsealed for this email and the PDF
   * (null once void), and who bought it; null when there is no such card. Optional: without it no
   * gift card email is sent.
   */
  giftCardMail?(giftCardId: string): Promise<GiftCardMailData | null>;
  /** A gift card sale's receipt with its PDF (finance issues it now if need be); null when there is none. */
  giftCardReceipt?(giftCardId: string, lang: Lang): Promise<MailedReceipt | null>;
  /** The recipient's gift card email is delivered: giftcards forgets the code it sealed for it. */
  giftCardMailSent?(giftCardId: string): Promise<void>;
  /**
   * Issue 17: a sold booking's food (concessions) with its pickup code and QR; null without food.
   * Optional: without it the confirmation lists no food.
   */
  food?(bookingId: string, lang: Lang): Promise<MailedFood | null>;
  /**
   * Issue 20: per live ticket, its Apple Wallet download and Google Wallet save links (each only
   * when configured). Optional: without it the confirmation offers no wallet.
   */
  walletLinks?(ticketIds: string[]): Promise<Map<string, WalletLinks>>;
}

/** A ticket's wallet links as the confirmation email offers them. */
export interface WalletLinks {
  apple?: string;
  google?: string;
}

/** Food and drink as the confirmation email lists it, with the code the counter scans. */
export interface MailedFood {
  pickupCode: string;
  items: { name: string; quantity: number; choices: string[] }[];
  total: Money;
  /** The pickup code's QR as a PNG, shown inline. */
  qrPng: Buffer;
}

/** A receipt as the confirmation email shows it: its number, net/tax/gross per rate, and the PDF. */
export interface MailedReceipt {
  number: string;
  taxes: { rate: number; net: Money; tax: Money; gross: Money }[];
  pdf: Buffer;
}

type Money = { amount: number; currency: string };

/** What the gift card emails are made from. */
export interface GiftCardMailData {
  last4: string;
  amount: number;
  currency: string;
  expiresAt: Date | null;
  recipient: { email: string; name: string | null } | null;
  message: string | null;
  code: string | null;
  /** The card as a PDF in the language asked; null with no code. */
  pdf: ((lang: Lang) => Promise<Buffer>) | null;
  buyer: { userId: string | null; email: string | null } | null;
}
