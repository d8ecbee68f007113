// Who holds what: the taken seats grouped by booking, with the customer, state and check-in.
import { useI18n } from '../../i18n/staff.ts';
import { Skeleton } from '../../ui/Skeleton.tsx';
import type { StaffSeat } from '../staff-api.ts';

export function Holders({
  seats,
  focusSeat,
  timeZone,
}: {
  seats: StaffSeat[] | undefined;
  focusSeat: string | null;
  timeZone: string | undefined;
}) {
  const { t, time } = useI18n();
  const bookings = new Map<string, StaffSeat[]>();
  for (const x of seats ?? []) {
    const list = bookings.get(x.bookingId) ?? [];
    list.push(x);
    bookings.set(x.bookingId, list);
  }
  return (
    <section className="panel holders" aria-labelledby="holders-title">
      <h2 id="holders-title">{t('staff.live.holders')}</h2>
      {!seats ? (
        <Skeleton height="6rem" width="100%" />
      ) : bookings.size === 0 ? (
        <p className="empty">{t('staff.live.noHolders')}</p>
      ) : (
        <div className="table-scroll">
          <table className="staff-table holders-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.live.customer')}</th>
                <th scope="col">{t('staff.live.seats')}</th>
                <th scope="col">{t('staff.live.state')}</th>
              </tr>
            </thead>
            <tbody>
              {[...bookings.entries()].map(([bookingId, list]) => {
                const first = list[0]!;
                const focused = list.some((x) => x.seatId === focusSeat);
                const checked = list.filter((x) => x.ticket?.status === 'used').length;
                return (
                  <tr key={bookingId} className={focused ? 'is-focused' : undefined} data-booking={bookingId}>
                    <td>
                      <strong>{first.customer.name || '—'}</strong>
                      <br />
                      <span className="muted small">{first.customer.email ?? t('staff.live.erased')}</span>
                    </td>
                    <td>{list.map((x) => `${x.row}${x.number}`).join(', ')}</td>
                    <td>
                      {first.status === 'held'
                        ? t('staff.live.heldUntil', { time: first.expiresAt ? time(first.expiresAt, timeZone) : '' })
                        : checked > 0
                          ? t('staff.live.paidChecked', { checked, count: list.length })
                          : t('staff.live.paid')}
                      <br />
                      <span className="muted small mono">#{bookingId.slice(0, 8)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
