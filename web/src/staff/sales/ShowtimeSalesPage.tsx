// One showtime live: the seat map as customers see it, updated over Server-Sent Events, with who
// holds or bought each taken seat (staff only), occupancy, revenue net of refunds and check-ins, and
// the seats staff blocked (SeatBlocks.tsx).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { catalog } from '../../api/endpoints.ts';
import { queries } from '../../api/queries.ts';
import type { Seat } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { TYPE_KEYS } from '../../seats/Legend.tsx';
import { SeatMap } from '../../seats/SeatMap.tsx';
import { seatCacheWriter } from '../../seats/seat-cache.ts';
import { useSeatEvents } from '../../seats/seat-events.ts';
import '../../seats/seats.css';
import { Notice } from '../../ui/Notice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice } from '../common.tsx';
import type { StaffSeat } from '../staff-api.ts';
import { staffQueries } from '../staff-queries.ts';
import { Holders } from './Holders.tsx';
import { SeatBlocks } from './SeatBlocks.tsx';

const none = new Set<string>();

export function ShowtimeSalesPage() {
  const { t, time, day, money } = useI18n();
  const { id } = useParams({ from: '/staff/sales/$id' });
  const queryClient = useQueryClient();
  const showtime = useQuery(queries.showtime(id));
  const map = useQuery(staffQueries.seatMap(id));
  const holders = useQuery(staffQueries.holders(id));
  const report = useQuery(staffQueries.report(id));
  const summary = useQuery(staffQueries.summary(id));
  /** Live updates go into the cached map (cancelling an older answer on its way). */
  const writer = useMemo(() => seatCacheWriter(queryClient, staffQueries.seatMap(id).queryKey), [queryClient, id]);
  useEffect(() => writer.flush(), [writer, map.data]);
  const [live, setLive] = useState(true);
  const [polling, setPolling] = useState(false);
  const [focus, setFocus] = useState<string | null>(null);
  // Choosing seats to block: map clicks pick free seats instead of showing who holds them.
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<ReadonlySet<string>>(none);
  const pick = (on: boolean) => {
    setPicking(on);
    setPicked(none);
  };
  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  const st = showtime.data as
    (typeof showtime.data & { movieTitle?: string; hallName?: string; timezone?: string }) | undefined;
  useTitle(t('staff.live.title', { title: st?.movieTitle ?? '' }));

  /** Holders, report and money reload together, once per burst of changes. */
  function refreshSoon() {
    if (refresh.current) clearTimeout(refresh.current);
    refresh.current = setTimeout(() => {
      void holders.refetch();
      void report.refetch();
      void summary.refetch();
    }, 200);
  }
  useEffect(() => () => void (refresh.current && clearTimeout(refresh.current)), []);

  // While the stream is blocked the map is polled; a changed map refreshes the rest as a snapshot does.
  useSeatEvents(
    catalog.seatEventsUrl(id),
    {
      onChanges(changes) {
        writer.changes(changes);
        refreshSoon();
      },
      onSnapshot(next) {
        writer.snapshot(next);
        refreshSoon();
      },
      onReconnect: refreshSoon,
      onConnection: setLive,
      onPolling: setPolling,
    },
    catalog.seatsUrl(id),
  );

  const bySeat = useMemo(() => new Map((holders.data?.seats ?? []).map((h) => [h.seatId, h])), [holders.data]);
  const seatLabel = (seat: Seat) => {
    const h = bySeat.get(seat.id);
    const base = `${t('seat.short', { row: seat.row, number: seat.number })}, ${t(TYPE_KEYS[seat.type])}`;
    if (!h) return `${base}, ${seat.status === 'blocked' ? t('seatType.blocked') : t('staff.live.free')}`;
    return `${base}, ${holderText(h)}`;
  };
  const holderText = (h: StaffSeat) =>
    t(
      h.status === 'sold'
        ? h.ticket?.status === 'used'
          ? 'staff.live.checkedInBy'
          : 'staff.live.soldTo'
        : 'staff.live.heldBy',
      {
        who: h.customer.name || h.customer.email || '—',
      },
    );

  const r = report.data;
  const sum = summary.data;
  const tz = st?.timezone;
  const share = r && r.capacity ? (r.sold / r.capacity) * 100 : 0;
  const occupancy = share > 0 && share < 10 ? share.toFixed(1) : String(Math.round(share));

  return (
    <div className="container page live-page">
      <div className="page-head">
        <div>
          <p className="eyebrow">{t('staff.live.eyebrow')}</p>
          <h1>{st ? st.movieTitle : <Skeleton width="14rem" />}</h1>
          {st && (
            <p className="muted">
              {day(st.startsAt, tz)}, {time(st.startsAt, tz)} · {st.hallName}{' '}
              {st.status === 'cancelled' ? `· ${t('staff.schedule.cancelled')}` : ''}
            </p>
          )}
        </div>
        <span className={`live-dot${live && !polling ? ' is-live' : ''}`} role="status">
          {polling ? t('staff.live.polling') : live ? t('staff.live.connected') : t('staff.live.reconnecting')}
        </span>
      </div>
      <ErrorNotice error={showtime.error ?? map.error ?? holders.error} />
      <dl className="kpis">
        <div className="kpi">
          <dt>{t('staff.live.occupancy')}</dt>
          <dd>
            {r ? `${occupancy} %` : '—'}
            <meter min={0} max={r?.capacity || 1} value={r?.sold ?? 0} aria-label={t('staff.live.occupancy')} />
          </dd>
        </div>
        <div className="kpi">
          <dt>{t('staff.live.sold')}</dt>
          <dd data-testid="kpi-sold">{r ? `${r.sold}/${r.capacity}` : '—'}</dd>
        </div>
        <div className="kpi">
          <dt>{t('staff.live.held')}</dt>
          <dd>{r?.held ?? '—'}</dd>
        </div>
        <div className="kpi">
          <dt>{t('staff.sales.net')}</dt>
          <dd>{sum ? money(sum.net) : '—'}</dd>
        </div>
        <div className="kpi">
          <dt>{t('staff.sales.refunded')}</dt>
          <dd>{sum ? money(sum.refunded) : '—'}</dd>
        </div>
        <div className="kpi">
          <dt>{t('staff.sales.checkedIn')}</dt>
          <dd data-testid="kpi-checked-in">{r?.checkedIn ?? sum?.checkedIn ?? '—'}</dd>
        </div>
      </dl>
      {st?.status === 'cancelled' && <Notice tone="warning">{t('staff.live.cancelledNote')}</Notice>}
      <div className="live-layout">
        <div
          className="live-map"
          onClickCapture={(e) => {
            const seatId = (e.target as HTMLElement).closest<HTMLElement>('[data-seat-id]')?.dataset.seatId;
            if (seatId) setFocus(seatId);
          }}
        >
          {map.data ? (
            <SeatMap
              seats={map.data.seats}
              selected={picking ? picked : none}
              label={t('staff.live.mapLabel')}
              screenLabel={t('seats.screen')}
              seatLabel={seatLabel}
              onToggle={(seat) => {
                if (!picking) return;
                const next = new Set(picked);
                if (!next.delete(seat.id)) next.add(seat.id);
                setPicked(next);
              }}
            />
          ) : (
            <Skeleton height="18rem" width="100%" />
          )}
        </div>
        <Holders seats={holders.data?.seats} focusSeat={focus} timeZone={tz} />
      </div>
      <SeatBlocks
        showtimeId={id}
        picking={picking}
        picked={picked}
        onPicking={pick}
        onBlocked={refreshSoon}
        timeZone={tz}
      />
    </div>
  );
}
