import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { bookings } from '../api/endpoints.ts';
import { serverNow } from '../api/http.ts';
import type { Booking, Ticket } from '../api/types.ts';
import { keys } from '../api/queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { Notice } from '../ui/Notice.tsx';
import { previewRefund } from './refund.ts';

/** Cancel with the refund in plain figures first; nothing happens until the customer confirms. */
export function CancelBooking({
  booking,
  tickets,
  startsAt,
  onCancelled,
  cancel,
}: {
  booking: Booking;
  tickets: Ticket[] | undefined;
  startsAt: string;
  onCancelled(next: Booking): void;
  /** How to cancel (a guest's page sends its management token); an account's cancel by default. */
  cancel?: (bookingId: string) => Promise<Booking>;
}) {
  const { t, lang, money } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = previewRefund(booking, tickets, startsAt, serverNow());
  const nothing = preview.amount.amount === 0;

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const next = await (cancel ?? bookings.cancel)(booking.id);
      if (!cancel) {
        client.setQueryData(keys.booking(booking.id), next);
        void client.invalidateQueries({ queryKey: keys.bookings() });
      }
      void client.invalidateQueries({ queryKey: keys.seats(booking.showtimeId) });
      // The refunded seats are free again in the programmes ("few seats left", "sold out").
      void client.invalidateQueries({ queryKey: keys.showtimes() });
      setOpen(false);
      onCancelled(next);
    } catch (err) {
      setError(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="cancel-box">
      <h3>{t('cancel.title')}</h3>
      <p className="muted">
        {nothing
          ? t('cancel.nothingBack')
          : preview.percent !== null && preview.percent < 100
            ? t('cancel.partial', { amount: money(preview.amount), percent: preview.percent })
            : t('cancel.full', { amount: money(preview.amount) })}
      </p>
      <Button variant="danger" onClick={() => setOpen(true)} disabled={nothing}>
        {t('cancel.button')}
      </Button>
      <Dialog
        open={open}
        title={t('cancel.confirmTitle')}
        onClose={() => !busy && setOpen(false)}
        actions={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
              {t('cancel.keep')}
            </Button>
            <Button variant="danger" busy={busy} onClick={confirm}>
              {t('cancel.confirm', { amount: money(preview.amount) })}
            </Button>
          </>
        }
      >
        <p>{t('cancel.confirmBody', { count: booking.seats.length, amount: money(preview.amount) })}</p>
        {error && <Notice tone="error">{error}</Notice>}
      </Dialog>
    </div>
  );
}
