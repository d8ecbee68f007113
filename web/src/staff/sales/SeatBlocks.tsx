// Seats staff took out of sale for this showtime (house seats, a broken seat): pick free seats on the
// map, give a reason, block them; the list says why, who and when, with a button to give each back.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../common.tsx';
import { staff } from '../staff-api.ts';
import { staffQueries } from '../staff-queries.ts';

export function SeatBlocks({
  showtimeId,
  picking,
  picked,
  onPicking,
  onBlocked,
  timeZone,
}: {
  showtimeId: string;
  /** Whether map clicks choose seats to block. */
  picking: boolean;
  picked: ReadonlySet<string>;
  onPicking(on: boolean): void;
  /** After a block or unblock: the page refreshes its map and report. */
  onBlocked(): void;
  timeZone: string | undefined;
}) {
  const { t, day, time } = useI18n();
  const queryClient = useQueryClient();
  const blocks = useQuery(staffQueries.blocks(showtimeId));
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const key = staffQueries.blocks(showtimeId).queryKey;
  const block = useMutation({
    mutationFn: () => staff.block(showtimeId, { seatIds: [...picked], reason }),
    onSuccess: (answer) => {
      queryClient.setQueryData(key, answer);
      setDone(picked.size);
      setReason('');
      onPicking(false);
      onBlocked();
    },
  });
  const unblock = useMutation({
    mutationFn: (seatId: string) => staff.unblock(showtimeId, seatId),
    onSuccess: (answer) => {
      queryClient.setQueryData(key, answer);
      onBlocked();
    },
  });
  const items = blocks.data?.items;

  return (
    <section className="panel seat-blocks" aria-labelledby="blocks-title">
      <h2 id="blocks-title">{t('staff.blocks.title')}</h2>
      {picking ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (picked.size > 0 && reason.trim() !== '') block.mutate();
          }}
        >
          <p className="muted">{t('staff.blocks.pickHint')}</p>
          <Field
            label={t('staff.blocks.reason')}
            placeholder={t('staff.blocks.reasonPlaceholder')}
            value={reason}
            maxLength={200}
            required
            onChange={(e) => setReason(e.target.value)}
          />
          <ErrorNotice error={block.error} />
          <div className="actions">
            <Button type="submit" busy={block.isPending} disabled={picked.size === 0 || reason.trim() === ''}>
              {t('staff.blocks.confirm', { count: picked.size })}
            </Button>
            <Button type="button" variant="ghost" onClick={() => onPicking(false)}>
              {t('staff.blocks.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setDone(null);
            block.reset();
            onPicking(true);
          }}
        >
          {t('staff.blocks.start')}
        </Button>
      )}
      {done !== null && <Notice tone="success">{t('staff.blocks.done', { count: done })}</Notice>}
      <ErrorNotice error={blocks.error ?? unblock.error} />
      {!items ? (
        <Skeleton height="4rem" width="100%" />
      ) : items.length === 0 ? (
        <p className="empty">{t('staff.blocks.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="staff-table blocks-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.blocks.seat')}</th>
                <th scope="col">{t('staff.blocks.reason')}</th>
                <th scope="col">{t('staff.blocks.by')}</th>
                <th scope="col">{t('staff.blocks.at')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('staff.blocks.unblock')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => {
                const seat = `${b.row}${b.number}`;
                return (
                  <tr key={b.seatId} data-seat={seat}>
                    <td>{seat}</td>
                    <td>{b.reason}</td>
                    <td>{b.blockedBy?.name ?? '—'}</td>
                    <td>
                      {day(b.blockedAt, timeZone)}, {time(b.blockedAt, timeZone)}
                    </td>
                    <td>
                      <Button
                        type="button"
                        variant="ghost"
                        busy={unblock.isPending && unblock.variables === b.seatId}
                        aria-label={t('staff.blocks.unblockSeat', { seat })}
                        onClick={() => unblock.mutate(b.seatId)}
                      >
                        {t('staff.blocks.unblock')}
                      </Button>
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
