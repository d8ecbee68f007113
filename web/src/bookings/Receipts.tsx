// A paid booking's receipt (PDF, with net, tax and gross per rate) and, after refunds, its credit
// notes, each a PDF. A guest's files come with the booking's token (never in a URL), so they are
// fetched first.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { guest } from '../api/guest.ts';
import { receipts } from '../api/money-api.ts';
import type { Booking } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import '../checkout/money.css';

export function Receipts({ booking, asGuest = false }: { booking: Booking; asGuest?: boolean }) {
  const { t, lang, money, dateTime } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const paid = booking.status === 'confirmed' || booking.status === 'refunded';
  const refunds = (booking.refunds ?? []).length;
  const notes = useQuery({
    queryKey: ['booking', booking.id, 'credit-notes', String(refunds)],
    queryFn: () => receipts.creditNotes(booking.id, asGuest),
    enabled: paid && refunds > 0,
    // A credit note is issued just after its refund: look again for a while until each refund has one.
    refetchInterval: (q) => ((q.state.data?.length ?? 0) < refunds && q.state.dataUpdateCount < 15 ? 2000 : false),
  });
  if (!paid) return null;
  const name = `receipt-${booking.id.slice(0, 8)}.pdf`;

  /** A guest's file of this booking (`rest` under it), fetched with the token and saved as `file`. */
  async function download(rest: string, file: string) {
    setBusy(rest);
    setFailure(null);
    try {
      const url = await guest.fileUrl(booking.id, rest);
      const a = document.createElement('a');
      a.href = url;
      a.download = file;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      setFailure(errorText(err, t, lang));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="receipts mt-2">
      {asGuest ? (
        <Button variant="secondary" busy={busy === 'receipt.pdf'} onClick={() => void download('receipt.pdf', name)}>
          {t('receipt.download')}
        </Button>
      ) : (
        <a className="btn btn-secondary" href={receipts.pdfUrl(booking.id)} download={name}>
          {t('receipt.download')}
        </a>
      )}
      {failure && <p className="field-error">{failure}</p>}
      {notes.data && notes.data.length > 0 && (
        <>
          <h3 className="small-heading mt-2">{t('receipt.creditNotes')}</h3>
          <ul className="credit-notes">
            {notes.data.map((n) => {
              const label = `${t('receipt.creditNote', { number: n.number })} · ${money(n.totals.gross)} · ${dateTime(n.issuedAt)}`;
              const file = `credit-note-${n.number}.pdf`;
              const rest = receipts.guestCreditNoteFile(n.id);
              return (
                <li key={n.id}>
                  {asGuest ? (
                    <button
                      type="button"
                      className="link-button"
                      aria-busy={busy === rest}
                      disabled={busy === rest}
                      onClick={() => void download(rest, file)}
                    >
                      {label}
                    </button>
                  ) : (
                    <a href={receipts.creditNotePdfUrl(n.id)} download={file}>
                      {label}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
