// "Need more time?": keeps the hold HOLD_EXTENSION_MINUTES longer, once. The server refuses a second
// time (409 hold_already_extended); either way the offer is gone afterwards, and a booking that says
// it was extended (holdExtendedAt, e.g. after a reload) is not offered it at all.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { bookings } from '../api/endpoints.ts';
import { ApiError } from '../api/http.ts';
import { keys } from '../api/queries.ts';
import type { Booking } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';

export function ExtendHold({ booking }: { booking: Booking }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [done, setDone] = useState(false);
  const extending = useMutation({
    mutationFn: () => bookings.extend(booking.id),
    onSuccess: (next) => {
      client.setQueryData(keys.booking(booking.id), (old: Booking | undefined) =>
        old ? { ...old, expiresAt: next.expiresAt, holdExtendedAt: next.holdExtendedAt } : old,
      );
      setDone(true);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'hold_already_extended') setDone(true);
    },
  });
  if (done) {
    return (
      <p className="muted" role="status">
        {extending.isSuccess ? t('checkout.extended') : t('checkout.extendedAlready')}
      </p>
    );
  }
  if (booking.holdExtendedAt) return null;
  return (
    <div className="extend-hold">
      <Button variant="secondary" busy={extending.isPending} onClick={() => extending.mutate()}>
        {t('checkout.extend')}
      </Button>
      {extending.error && (
        <p className="field-error" role="alert">
          {errorText(extending.error, t, lang)}
        </p>
      )}
    </div>
  );
}
