// Customer emails about payments, rendered by a job from notifications queued in the transactions
// that caused them: the confirmation (tickets PDF attached, QR codes inline), a refund, a charge
// reversed because the seats were gone, a showtime cancelled. Times in the cinema's own zone.
import type { Kysely } from 'kysely';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Job } from '../../platform/jobs.ts';
import { formatMoney } from '../../platform/money.ts';
import type { MailMessage } from '../notifications/notifications.module.ts';
import { renderTickets } from '../tickets/render-pool.ts';
import { localTime } from '../tickets/ticket-render.ts';
import type { ShowtimeInfo, TicketView } from '../tickets/tickets.service.ts';
import { leaseDueNotifications, markSent, type NotificationRow, notificationFailed } from './notifications.store.ts';
import type { PaymentsDeps } from './payments.ports.ts';

const BATCH = 20;
const LEASE_MS = 60_000;
const CONCURRENCY = 4;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function ticketSheet(bookingId: string, showtime: ShowtimeInfo, tickets: TicketView[]) {
  return {
    bookingId,
    movie: {
      title: showtime.movie.title,
      ageRating: showtime.movie.ageRating,
      durationMinutes: showtime.movie.durationMinutes,
    },
    cinema: showtime.cinema,
    hall: { name: showtime.hall.name },
    startsAt: showtime.startsAt,
    tickets: tickets.map((t) => ({
      id: t.id,
      code: t.code,
      row: t.seat.row,
      number: t.seat.number,
      seatType: t.seat.type,
      price: t.price,
      status: t.status,
    })),
  };
}

export function createPaymentMails(deps: {
  db: Kysely<DB>;
  clock: Clock;
  logger: Logger;
  ports: PaymentsDeps;
  publicUrl: string;
}) {
  const { db, clock, ports } = deps;
  const limit = pLimit(CONCURRENCY);

  async function compose(n: NotificationRow): Promise<MailMessage | null> {
    // Our own payment row knows whose booking it is and for which showtime.
    const booking = await db
      .selectFrom('payments')
      .select(['booking_id as id', 'user_id', 'showtime_id'])
      .where('booking_id', '=', n.booking_id)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!booking) return null;
    const [to, showtime, tickets] = await Promise.all([
      ports.recipient(booking.user_id),
      ports.showtime(booking.showtime_id),
      ports.tickets.forBooking(db, booking.id),
    ]);
    // An erased account or a vanished showtime: nobody to tell, or nothing to say.
    if (!to || !showtime) return null;
    const when = localTime(showtime.startsAt, showtime.cinema.timezone);
    const what = `${showtime.movie.title}, ${when}, ${showtime.cinema.name} (${showtime.hall.name})`;
    const link = `${deps.publicUrl}/bookings/${booking.id}`;
    const refund = n.refund_id
      ? await db.selectFrom('refunds').selectAll().where('id', '=', n.refund_id).executeTakeFirst()
      : undefined;
    const money = refund ? formatMoney(refund.amount, refund.currency.trim()) : '';
    const hello = `Hello ${to.name || 'there'},`;

    if (n.kind === 'booking_confirmed') {
      const live = tickets.filter((t) => t.status !== 'void');
      const { pdf, pngs } = await renderTickets(
        ticketSheet(booking.id, showtime, live),
        live.map((t) => t.code),
      );
      const seats = live.map((t) => `Row ${t.seat.row}, seat ${t.seat.number}`);
      return {
        to: to.email,
        subject: `Your tickets: ${showtime.movie.title}, ${when}`,
        text: `${hello}\n\nYour booking is confirmed.\n\n${what}\n${seats.join('\n')}\n\nYour tickets are attached as a PDF; show them at the door.\n${link}\n`,
        html:
          `<p>${escape(hello)}</p><p>Your booking is confirmed.</p><p><strong>${escape(showtime.movie.title)}</strong><br>${escape(when)}<br>` +
          `${escape(showtime.cinema.name)}, ${escape(showtime.hall.name)}</p>` +
          live
            .map(
              (t) =>
                `<p>Row ${escape(t.seat.row)}, seat ${t.seat.number}<br><img src="cid:qr-${t.id}" alt="Ticket QR code" width="200" height="200"></p>`,
            )
            .join('') +
          `<p>Your tickets are attached as a PDF. <a href="${escape(link)}">Your booking</a></p>`,
        attachments: [
          { filename: 'tickets.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
          ...live.map((t, i) => ({
            filename: `ticket-${t.seat.row}${t.seat.number}.png`,
            contentType: 'image/png',
            contentBase64: (pngs[i] as Buffer).toString('base64'),
            cid: `qr-${t.id}`,
          })),
        ],
      };
    }
    if (n.kind === 'refund_issued') {
      const cancelled = refund ? tickets.filter((t) => refund.ticket_ids.includes(t.id)) : [];
      const seats = cancelled.map((t) => `Row ${t.seat.row}, seat ${t.seat.number}`).join('\n');
      return {
        to: to.email,
        subject: `Refund of ${money}: ${showtime.movie.title}`,
        text: `${hello}\n\nThese tickets for ${what} are cancelled:\n${seats}\n\n${money} is on its way back to your card.\n${link}\n`,
        html: `<p>${escape(hello)}</p><p>These tickets for ${escape(what)} are cancelled:</p><p>${escape(seats).replace(/\n/g, '<br>')}</p><p><strong>${escape(money)}</strong> is on its way back to your card.</p>`,
      };
    }
    if (n.kind === 'payment_reversed') {
      const payment = refund
        ? await db.selectFrom('payments').select('failure_code').where('id', '=', refund.payment_id).executeTakeFirst()
        : undefined;
      const why = payment?.failure_code === 'booking_released' ? 'was released' : 'ran out';
      return {
        to: to.email,
        subject: `Your payment was refunded: ${showtime.movie.title}`,
        text: `${hello}\n\nYour hold on seats for ${what} ${why} while your payment was going through, so we could not issue tickets. We have refunded the full ${money} to your card.\n`,
        html: `<p>${escape(hello)}</p><p>Your hold on seats for ${escape(what)} ${why} while your payment was going through, so we could not issue tickets.</p><p>We have refunded the full <strong>${escape(money)}</strong> to your card.</p>`,
      };
    }
    return {
      to: to.email,
      subject: `Cancelled: ${showtime.movie.title}, ${when}`,
      text: `${hello}\n\nWe are sorry: the showtime ${what} has been cancelled. Your tickets are no longer valid and ${money || 'your payment'} is refunded to your card.\n`,
      html: `<p>${escape(hello)}</p><p>We are sorry: the showtime <strong>${escape(what)}</strong> has been cancelled.</p><p>Your tickets are no longer valid and <strong>${escape(money || 'your payment')}</strong> is refunded to your card.</p>`,
    };
  }

  async function send(n: NotificationRow): Promise<void> {
    try {
      const message = await compose(n);
      await db.transaction().execute(async (trx) => {
        if (!(await markSent(trx, n.id, clock.now()))) return;
        if (message) await ports.mail.enqueue(trx, message);
      });
    } catch (err) {
      deps.logger.warn({ err, notificationId: n.id }, 'payment email not composed yet; will retry');
      const delayMs = Math.min(3600_000, 30_000 * 2 ** Math.min(n.attempts, 10));
      await notificationFailed(
        db,
        n.id,
        (err as Error).message ?? String(err),
        new Date(clock.now().getTime() + delayMs),
      ).catch(() => {});
    }
  }

  async function runOnce(): Promise<number> {
    const due = await leaseDueNotifications(db, clock.now(), LEASE_MS, BATCH);
    // A few at once: the render worker draws one email's PDF while the next one's rows are read,
    // without taking more than a few of the connections that requests need.
    await Promise.all(due.map((n) => limit(() => send(n))));
    return due.length;
  }

  const job: Job = { name: 'payments.mails', runOnce };
  return { job, runOnce };
}
