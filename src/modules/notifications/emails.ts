// Which event makes which email, and how it is composed: from the event's data plus reads through the
// other modules' public functions (notifications.ports.ts), as they are when the email is made. An
// erased account, a vanished showtime or a booking with no live ticket left gets no email. Account
// events name only the account: its address comes from accounts, and a link's token is minted by
// accounts now, so its life starts when the email is made.
import type { Logger } from 'pino';
import { DEFAULT_LANG, formatDate, formatDateTime, formatMoneyIn, type Lang } from '../../platform/i18n.ts';
import { PermanentJobError } from '../../platform/queue/job-queue.ts';
import type { EmailContent } from './email-layout.ts';
import { passwordResetEmail, signInAlertEmail, verificationEmail } from './emails/account-emails.ts';
import {
  confirmationEmail,
  paymentReversedEmail,
  refundEmail,
  type Showing,
  showtimeCancelledEmail,
  showtimeMovedEmail,
} from './emails/booking-emails.ts';
import { giftCardEmail, giftCardSentEmail } from './emails/gift-card-emails.ts';
import { waitlistOfferEmail } from './emails/waitlist-emails.ts';
import { webhookDisabledEmail } from './emails/webhook-emails.ts';
import type { GiftCardMailData, LinkPurpose, NotificationsDeps } from './notifications.ports.ts';

type Payload = Record<string, unknown>;

/** Each kind of email, the event type it is made from, and which of those events make one. */
export const EMAIL_KINDS = {
  'booking-confirmed': { event: 'booking.confirmed' },
  refund: { event: 'tickets.cancelled', when: (p: Payload) => p.reason !== 'showtime_cancelled' },
  'showtime-cancelled': { event: 'tickets.cancelled', when: (p: Payload) => p.reason === 'showtime_cancelled' },
  'payment-reversed': { event: 'payment.reversed' },
  // One showtime.moved names every paid booking: one email each (see mail-consumers.ts).
  'showtime-moved': { event: 'showtime.moved', each: (p: Payload) => movedBookings(p) },
  verification: { event: 'account.verification_requested' },
  'password-reset': { event: 'account.password_reset_requested' },
  'sign-in-alert': { event: 'account.sign_in_alert' },
  'gift-card': { event: 'gift_card.issued' },
  'gift-card-buyer': { event: 'gift_card.issued', when: (p: Payload) => p.channel === 'online' },
  'waitlist-offer': { event: 'waitlist.offered' },
  // Issue 19: one email to each admin the event names (webhooks lists them when it disables one).
  'webhook-disabled': { event: 'webhook_endpoint.disabled', each: (p: Payload) => eachAdmin(p) },
} as const satisfies Record<
  string,
  { event: string; when?: (p: Payload) => boolean; each?: (p: Payload) => { key: string; payload: Payload }[] }
>;

/** A webhook_endpoint.disabled event as one payload per admin it names, keyed by the admin. */
function eachAdmin(p: Payload): { key: string; payload: Payload }[] {
  const { adminIds, ...rest } = p;
  const ids = Array.isArray(adminIds) ? adminIds.filter((id): id is string => typeof id === 'string') : [];
  return ids.map((userId) => ({ key: userId, payload: { ...rest, userId } }));
}

/** A showtime.moved event as one payload per paid booking, keyed by the booking (userId null: a guest's). */
function movedBookings(p: Payload): { key: string; payload: Payload }[] {
  const list = Array.isArray(p.bookings)
    ? (p.bookings as { bookingId?: unknown; userId?: unknown; till?: unknown }[])
    : [];
  const { bookings: _all, ...rest } = p;
  return list
    .filter((b) => typeof b.bookingId === 'string')
    .map((b) => ({
      key: b.bookingId as string,
      payload: {
        ...rest,
        bookingId: b.bookingId,
        userId: typeof b.userId === 'string' ? b.userId : null,
        ...(b.till === true ? { till: true } : {}),
      },
    }));
}

export type EmailKind = keyof typeof EMAIL_KINDS;

export const isEmailKind = (kind: unknown): kind is EmailKind => typeof kind === 'string' && kind in EMAIL_KINDS;

/** An email ready to store: whom to, for which account, and what. */
export interface ComposedEmail {
  /** Null for a guest's booking (no account). */
  userId: string | null;
  to: string;
  content: EmailContent;
}

/** A field the event must carry; an event without it can never make its email. */
function field(p: Payload, name: string): string {
  const v = p[name];
  if (typeof v !== 'string' || v === '') throw new PermanentJobError(`the event has no ${name}`);
  return v;
}

function amount(p: Payload): number {
  if (typeof p.amount !== 'number') throw new PermanentJobError('the event has no amount');
  return p.amount;
}

export function createEmailComposer(deps: NotificationsDeps & { publicUrl: string; logger?: Logger }) {
  const { publicUrl } = deps;

  const money = (p: Payload, lang: Lang) => formatMoneyIn({ amount: amount(p), currency: field(p, 'currency') }, lang);

  async function showing(showtimeId: string, lang: Lang): Promise<Showing | null> {
    const s = await deps.showtime(showtimeId, lang);
    if (!s) return null;
    return {
      title: s.movie.title,
      when: formatDateTime(s.startsAt, s.cinema.timezone, lang),
      cinema: s.cinema.name,
      hall: s.hall.name,
    };
  }

  /**
   * The customer, showtime and booking link of a booking event; null when either is gone. A guest's
   * booking (the event names no account) is mailed to the guest, with a link carrying a token minted
   * now: it opens the booking without an account. The email speaks the account's language, else
   * the one the guest booked in.
   */
  async function bookingContext(p: Payload) {
    const bookingId = field(p, 'bookingId');
    if (p.userId === null || p.userId === undefined) {
      const guest = await deps.guestLink(bookingId);
      const show = guest && (await showing(field(p, 'showtimeId'), guest.language));
      if (!guest || !show) return null;
      const link = `${publicUrl}/guest/bookings/${bookingId}?token=${guest.token}`;
      const to = { email: guest.email, name: guest.name };
      return { userId: null, to, lang: guest.language, show, bookingId, link };
    }
    const userId = field(p, 'userId');
    const to = await deps.contact(userId);
    const show = to && (await showing(field(p, 'showtimeId'), to.language));
    if (!to || !show) return null;
    return { userId, to, lang: to.language, show, bookingId, link: `${publicUrl}/bookings/${bookingId}` };
  }

  /** An account event's recipient, while the account exists. */
  async function accountContext(p: Payload) {
    const userId = field(p, 'userId');
    const live = await deps.contact(userId);
    return live ? { userId, to: live.email, name: live.name, lang: live.language } : null;
  }

  /** An account email with a link: the account's contact, and a token minted for it now. */
  async function linkContext(p: Payload, purpose: LinkPurpose) {
    const c = await accountContext(p);
    const token = c && (await deps.issueLink(c.userId, purpose));
    return c && token ? { ...c, token } : null;
  }

  /** A gift card's buyer's language: their account's, else English (a guest buyer's is not kept). */
  async function buyerLanguage(m: GiftCardMailData): Promise<Lang> {
    const userId = m.buyer?.userId;
    return (userId && (await deps.contact(userId))?.language) || DEFAULT_LANG;
  }

  const compose: Record<EmailKind, (p: Payload) => Promise<ComposedEmail | null>> = {
    async 'booking-confirmed'(p) {
      const c = await bookingContext(p);
      const art = c && (await deps.ticketArtwork(c.bookingId, c.lang));
      if (!c || !art) return null;
      const link = c.link;
      const receipt = (await deps.receipt?.(c.bookingId, c.lang)) ?? null;
      const food = (await deps.food?.(c.bookingId, c.lang)) ?? null;
      // Issue 20: "Add to Apple Wallet" / "Save to Google Wallet" per ticket, when configured.
      // A wallet that cannot make its links (Google refusing the key, …) never holds back the tickets.
      const wallet = await deps.walletLinks?.(art.tickets.map((t) => t.id)).catch((err: unknown) => {
        deps.logger?.warn({ err, bookingId: c.bookingId }, 'wallet links failed; confirmation sent without them');
        return undefined;
      });
      const content = confirmationEmail(c.lang, {
        name: c.to.name,
        showing: c.show,
        link,
        ...art,
        receipt,
        food,
        wallet,
      });
      return { userId: c.userId, to: c.to.email, content };
    },
    async refund(p) {
      const c = await bookingContext(p);
      if (!c) return null;
      const ids = Array.isArray(p.ticketIds) ? p.ticketIds : [];
      const tickets = (await deps.tickets(c.bookingId))
        .filter((t) => ids.includes(t.id))
        .map((t) => ({ id: t.id, row: t.seat.row, number: t.seat.number }));
      const link = c.link;
      const content = refundEmail(c.lang, {
        name: c.to.name,
        showing: c.show,
        tickets,
        money: p.refundId ? money(p, c.lang) : '',
        link,
      });
      return { userId: c.userId, to: c.to.email, content };
    },
    async 'showtime-cancelled'(p) {
      const c = await bookingContext(p);
      if (!c) return null;
      const refunded = p.refundId ? money(p, c.lang) : '';
      return {
        userId: c.userId,
        to: c.to.email,
        content: showtimeCancelledEmail(c.lang, { name: c.to.name, showing: c.show, money: refunded }),
      };
    },
    async 'showtime-moved'(p) {
      const c = await bookingContext(p);
      const from = p.from as { startsAt?: unknown } | undefined;
      if (!c || typeof from?.startsAt !== 'string') return null;
      // Cancelled or refunded since the move: nothing to tell.
      if (!(await deps.tickets(c.bookingId)).some((t) => t.status === 'valid')) return null;
      const s = await deps.showtime(field(p, 'showtimeId'), c.lang);
      if (!s) return null;
      const was = formatDateTime(new Date(from.startsAt), s.cinema.timezone, c.lang);
      // A till sale is paid back at the box office (cancelling it online is 409 refund_at_till).
      const link = p.till === true ? null : c.link;
      const content = showtimeMovedEmail(c.lang, { name: c.to.name, showing: c.show, was, link });
      return { userId: c.userId, to: c.to.email, content };
    },
    async 'payment-reversed'(p) {
      const c = await bookingContext(p);
      if (!c) return null;
      const released = p.reason === 'booking_released';
      const content = paymentReversedEmail(c.lang, {
        name: c.to.name,
        showing: c.show,
        money: money(p, c.lang),
        released,
      });
      return { userId: c.userId, to: c.to.email, content };
    },
    async 'waitlist-offer'(p) {
      const c = await bookingContext(p);
      const s = c && (await deps.showtime(field(p, 'showtimeId'), c.lang));
      if (!c || !s) return null;
      const until = formatDateTime(new Date(field(p, 'expiresAt')), s.cinema.timezone, c.lang);
      const seats = Array.isArray(p.seatIds) ? p.seatIds.length : 1;
      // An account's link opens the hold's checkout; a guest's booking page (with its token) pays it.
      const link = c.userId ? `${c.link}/checkout` : c.link;
      const content = waitlistOfferEmail(c.lang, { name: c.to.name, showing: c.show, seats, until, link });
      return { userId: c.userId, to: c.to.email, content };
    },
    async verification(p) {
      const c = await linkContext(p, 'verify_email');
      return c && { userId: c.userId, to: c.to, content: verificationEmail(c.lang, publicUrl, c.name, c.token) };
    },
    async 'password-reset'(p) {
      const c = await linkContext(p, 'password_reset');
      return c && { userId: c.userId, to: c.to, content: passwordResetEmail(c.lang, publicUrl, c.name, c.token) };
    },
    async 'gift-card'(p) {
      const m = await deps.giftCardMail?.(field(p, 'giftCardId'));
      if (!m?.recipient || !m.code || !m.pdf) return null;
      // The recipient has no account with us: the card speaks its buyer's language.
      const lang = await buyerLanguage(m);
      const content = giftCardEmail(lang, {
        name: m.recipient.name,
        money: formatMoneyIn(m, lang),
        code: m.code,
        message: m.message,
        validUntil: m.expiresAt ? formatDate(m.expiresAt, 'UTC', lang) : null,
        pdf: await m.pdf(lang),
      });
      return { userId: null, to: m.recipient.email, content };
    },
    async 'gift-card-buyer'(p) {
      const m = await deps.giftCardMail?.(field(p, 'giftCardId'));
      if (!m?.buyer || !m.recipient) return null;
      const account = m.buyer.userId ? await deps.contact(m.buyer.userId) : null;
      const to = account?.email ?? m.buyer.email;
      if (!to) return null;
      const lang = account?.language ?? DEFAULT_LANG;
      // The sale's receipt: finance issues it now if its consumer has not yet (as for a booking).
      const receipt = (await deps.giftCardReceipt?.(field(p, 'giftCardId'), lang)) ?? null;
      const content = giftCardSentEmail(lang, {
        name: account?.name ?? null,
        money: formatMoneyIn(m, lang),
        recipient: m.recipient.email,
        last4: m.last4,
        receipt,
      });
      return { userId: m.buyer.userId, to, content };
    },
    async 'webhook-disabled'(p) {
      const c = await accountContext(p);
      const content = webhookDisabledEmail({
        name: c?.name ?? '',
        url: field(p, 'url'),
        link: `${publicUrl}/staff/webhooks`,
      });
      return c && { userId: c.userId, to: c.to, content };
    },
    async 'sign-in-alert'(p) {
      const c = await accountContext(p);
      return c && { userId: c.userId, to: c.to, content: signInAlertEmail(c.lang, publicUrl, c.name) };
    },
  };

  /** The email an event makes, or null when there is nobody to tell or nothing to say. */
  return (kind: EmailKind, payload: Payload): Promise<ComposedEmail | null> => compose[kind](payload);
}

export type EmailComposer = ReturnType<typeof createEmailComposer>;
