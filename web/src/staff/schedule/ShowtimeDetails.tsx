// A scheduled showtime's details with links to its sales, its prices per ticket type, and cancelling
// it after showing how many customers will be refunded and how much.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { keys } from '../../api/queries.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../common.tsx';
import { staff, type StaffShowtime } from '../staff-api.ts';
import { staffQueries } from '../staff-queries.ts';
import { MoveShowtime } from './MoveShowtime.tsx';
import { ShowtimePrices } from './ShowtimePrices.tsx';

export function ShowtimeDetails({
  showtime,
  timeZone,
  onChanged,
  onClose,
}: {
  showtime: StaffShowtime;
  timeZone: string;
  onChanged(): void;
  onClose(): void;
}) {
  const { t, time, day, money } = useI18n();
  const [asking, setAsking] = useState(false);
  const queryClient = useQueryClient();
  // Read anew each time the dialog opens: the refunds it announces are the ones cancelling makes.
  const impact = useQuery({ ...staffQueries.summary(showtime.id), enabled: asking });
  const summary = impact.isFetching ? undefined : impact.data;
  const cancelling = useMutation({
    mutationFn: () => staff.cancelShowtime(showtime.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.showtime(showtime.id) });
      setAsking(false);
      onChanged();
    },
  });
  const error = cancelling.error ?? impact.error;
  const cancel = () => cancelling.mutate();

  const cancelled = showtime.status === 'cancelled';
  return (
    <section className="panel showtime-details" aria-labelledby="showtime-details-title">
      <h2 id="showtime-details-title">{showtime.movieTitle}</h2>
      <p>
        {day(showtime.startsAt, timeZone)}, {time(showtime.startsAt, timeZone)}–{time(showtime.endsAt, timeZone)} ·{' '}
        {showtime.hallName} · {showtime.format}
      </p>
      <p className="muted">
        {cancelled ? t('staff.schedule.cancelled') : t('staff.schedule.available', { count: showtime.seatsAvailable })}
      </p>
      <div className="staff-actions">
        <Link className="btn btn-secondary" to="/staff/sales/$id" params={{ id: showtime.id }}>
          {t('staff.schedule.openSales')}
        </Link>
        {!cancelled && <MoveShowtime showtime={showtime} timeZone={timeZone} onMoved={onChanged} />}
        {!cancelled && (
          <Button variant="danger" onClick={() => setAsking(true)}>
            {t('staff.cancel.button')}
          </Button>
        )}
        <Button variant="ghost" onClick={onClose}>
          {t('staff.common.close')}
        </Button>
      </div>
      {!cancelled && <ShowtimePrices showtime={showtime} />}
      {!asking && <ErrorNotice error={error} />}
      <Dialog
        open={asking}
        title={t('staff.cancel.title')}
        onClose={() => setAsking(false)}
        actions={
          <>
            <Button variant="ghost" onClick={() => setAsking(false)}>
              {t('staff.cancel.keep')}
            </Button>
            <Button variant="danger" onClick={cancel} busy={cancelling.isPending} disabled={!summary}>
              {t('staff.cancel.confirm')}
            </Button>
          </>
        }
      >
        {summary ? (
          <p className="cancel-impact">
            {summary.refundOnCancel.customers === 0
              ? t('staff.cancel.nobody')
              : t('staff.cancel.impact', {
                  count: summary.refundOnCancel.customers,
                  bookings: t('staff.count.bookings', { count: summary.refundOnCancel.bookings }),
                  tickets: t('staff.count.tickets', { count: summary.refundOnCancel.tickets }),
                  amount: money(summary.refundOnCancel.amount),
                })}
          </p>
        ) : (
          <Skeleton width="90%" height="1.5em" />
        )}
        <ErrorNotice error={error} />
      </Dialog>
    </section>
  );
}
