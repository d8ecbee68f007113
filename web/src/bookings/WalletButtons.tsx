// "Add to Apple Wallet" and "Save to Google Wallet" under a live ticket, each only when the box office
// has it configured (GET /wallet). A guest's pass is fetched with the booking's token, so it is an
// object URL rather than a plain link.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { walletApi } from '../api/wallet-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function WalletButtons({
  ticketId,
  seat,
  guestBookingId,
}: {
  ticketId: string;
  seat: string;
  /** Set on the guest's page: the booking whose token fetches the pass. */
  guestBookingId?: string;
}) {
  const { t } = useI18n();
  const offers = useQuery({
    queryKey: ['wallet-offers'],
    queryFn: ({ signal }) => walletApi.offers(signal),
    staleTime: Infinity,
  });
  const [failed, setFailed] = useState(false);
  if (!offers.data || (!offers.data.apple && !offers.data.google)) return null;

  const run = (work: () => Promise<void>) => () => {
    setFailed(false);
    work().catch(() => setFailed(true));
  };
  const guestApple = run(async () => {
    const url = await walletApi.guestAppleUrl(guestBookingId as string, ticketId);
    const a = document.createElement('a');
    a.href = url;
    a.download = `ticket-${ticketId.slice(0, 8)}.pkpass`;
    a.click();
    // The download has its copy once the click is handled.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  });
  const google = run(async () => {
    const url = guestBookingId
      ? await walletApi.guestGoogleUrl(guestBookingId, ticketId)
      : await walletApi.googleUrl(ticketId);
    window.location.assign(url);
  });

  return (
    <div className="wallet-buttons" role="group" aria-label={t('wallet.label', { seat })}>
      {offers.data.apple &&
        (guestBookingId ? (
          <button type="button" className="btn btn-secondary btn-sm" onClick={guestApple}>
            {t('wallet.apple')}
          </button>
        ) : (
          <a className="btn btn-secondary btn-sm" href={walletApi.appleUrl(ticketId)} download>
            {t('wallet.apple')}
          </a>
        ))}
      {offers.data.google && (
        <button type="button" className="btn btn-secondary btn-sm" onClick={google}>
          {t('wallet.google')}
        </button>
      )}
      {failed && (
        <p className="muted" role="alert">
          {t('wallet.failed')}
        </p>
      )}
    </div>
  );
}
