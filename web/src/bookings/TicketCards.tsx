import { bookings } from '../api/endpoints.ts';
import type { Booking, Ticket } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { seatIdOf } from './refund.ts';
import { WalletButtons } from './WalletButtons.tsx';

/** Row and number of a ticket's seat, from the ticket or else from the booking. */
export function ticketSeat(ticket: Ticket, booking: Booking): { row: string; number: number } | null {
  if (typeof ticket.seat === 'object' && ticket.seat.row) return { row: ticket.seat.row, number: ticket.seat.number };
  const id = seatIdOf(ticket) ?? (typeof ticket.seat === 'string' ? ticket.seat : undefined);
  const s = booking.seats.find((x) => x.seatId === id);
  return s ? { row: s.row, number: s.number } : null;
}

export function TicketCards({
  tickets,
  booking,
  qrSrc = bookings.qrUrl,
  guestBookingId,
}: {
  tickets: Ticket[];
  booking: Booking;
  /** Where a ticket's QR code is (guest checkout: an object URL fetched with the token). */
  qrSrc?: (ticketId: string) => string | undefined;
  /** Guest checkout: the booking whose token fetches the wallet passes. */
  guestBookingId?: string;
}) {
  const { t, dateTime } = useI18n();
  return (
    <ul className="ticket-grid">
      {tickets.map((tk) => {
        const seat = ticketSeat(tk, booking);
        const name = seat ? t('seat.short', { row: seat.row, number: seat.number }) : t('booking.ticket');
        return (
          <li key={tk.id} className={`ticket-card is-${tk.status}`}>
            <div className="ticket-qr">
              {tk.status === 'void' ? (
                <span className="ticket-void" aria-hidden="true">
                  {t('ticketStatus.void')}
                </span>
              ) : (
                <img src={qrSrc(tk.id)} alt={t('booking.qrAlt', { seat: name })} width={176} height={176} />
              )}
            </div>
            <p className="ticket-seat">{name}</p>
            <p className={`ticket-status status-${tk.status}`}>
              {t(`ticketStatus.${tk.status}` as 'ticketStatus.valid')}
              {tk.checkedInAt && ` · ${dateTime(tk.checkedInAt)}`}
            </p>
            {tk.status !== 'void' && <WalletButtons ticketId={tk.id} seat={name} guestBookingId={guestBookingId} />}
          </li>
        );
      })}
    </ul>
  );
}
