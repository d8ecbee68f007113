// The hall as the cinema drew it. One tab stop for the whole map (roving focus): arrow keys move
// by position, Home/End go to the ends of the row, Space or Enter selects. Every seat says its row,
// number, type, price and state.
import { type KeyboardEvent, memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Seat } from '../api/types.ts';
import { computeGeometry } from './geometry.ts';
import { KEY_DIRECTIONS, nextSeat } from './navigation.ts';
import { isSelectable } from './selection.ts';

export interface SeatMapProps {
  seats: Seat[];
  selected: ReadonlySet<string>;
  /** Seats held by this customer's own booking: shown as theirs, not as taken. */
  mine?: ReadonlySet<string>;
  label: string;
  screenLabel: string;
  /** Said under a hall wider than the screen (none when left out). */
  swipeHint?: string;
  /** Names of the zoom buttons (no buttons when left out). */
  zoomLabels?: { zoomIn: string; zoomOut: string };
  seatLabel(seat: Seat, selected: boolean): string;
  onToggle(seat: Seat): void;
}

/** Zoom steps of the plus/minus buttons; pinching zooms the page itself (touch-action allows it). */
const ZOOMS = [1, 1.5, 2, 3];
/** A seat is 0.84 of a column: 1.8rem a column keeps every seat at least 24 CSS px (WCAG 2.2 target size). */
const REM_PER_COLUMN = 1.8;

export function SeatMap({
  seats,
  selected,
  mine,
  label,
  screenLabel,
  swipeHint,
  zoomLabels,
  seatLabel,
  onToggle,
}: SeatMapProps) {
  const [zoom, setZoom] = useState(0);
  // Geometry depends on positions only, not on live statuses.
  const shape = seats.map((s) => `${s.id}:${s.x}:${s.y}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on `shape` so status updates keep the geometry
  const geometry = useMemo(() => computeGeometry(seats), [shape]);
  const [focusId, setFocusId] = useState<string | null>(null);
  const hallRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  // A hall wider than a phone scrolls sideways; it opens on its middle, where most seats are.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setWide(el.scrollWidth > el.clientWidth + 1);
    if (el.scrollWidth > el.clientWidth) el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2;
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [geometry, zoom]);
  const current = focusId && seats.some((s) => s.id === focusId) ? focusId : (seats.find(isSelectable) ?? seats[0])?.id;

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const direction = KEY_DIRECTIONS[e.key];
    if (!direction || !current) return;
    e.preventDefault();
    const next = nextSeat(seats, current, direction);
    setFocusId(next);
    hallRef.current?.querySelector<HTMLButtonElement>(`[data-seat-id="${next}"]`)?.focus();
  }

  return (
    <div className="hall-wrap">
      <div className="screen" aria-hidden="true">
        <span>{screenLabel}</span>
      </div>
      <div className={`hall-scroll${wide ? ' is-wide' : ''}`} ref={scrollRef}>
        <div
          ref={hallRef}
          className="hall"
          role="group"
          aria-label={label}
          onKeyDown={onKeyDown}
          style={{
            aspectRatio: `${geometry.aspect}`,
            width: `${ZOOMS[zoom]! * 100}%`,
            minWidth: `${Math.max(0, geometry.columns) * REM_PER_COLUMN * ZOOMS[zoom]!}rem`,
          }}
        >
          {geometry.rows.map((r) => (
            <span key={r.label} className="row-label" style={{ top: `${r.top}%` }} aria-hidden="true">
              <span>{r.label}</span>
              <span>{r.label}</span>
            </span>
          ))}
          {seats.map((s) => {
            const at = geometry.place.get(s.id);
            if (!at) return null;
            const isSelected = selected.has(s.id) || (mine?.has(s.id) ?? false);
            return (
              <SeatButton
                key={s.id}
                seat={s}
                left={at.left}
                top={at.top}
                size={geometry.seatSize}
                selected={isSelected}
                mine={mine?.has(s.id) ?? false}
                focusable={s.id === current}
                label={seatLabel(s, isSelected)}
                onToggle={onToggle}
                onFocusSeat={setFocusId}
              />
            );
          })}
        </div>
      </div>
      {zoomLabels && (
        <div className="zoom-buttons">
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={zoomLabels.zoomOut}
            disabled={zoom === 0}
            onClick={() => setZoom((z) => Math.max(0, z - 1))}
          >
            −
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={zoomLabels.zoomIn}
            disabled={zoom === ZOOMS.length - 1}
            onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
          >
            +
          </button>
        </div>
      )}
      {wide && swipeHint && (
        <p className="swipe-hint" aria-hidden="true">
          {swipeHint}
        </p>
      )}
    </div>
  );
}

interface SeatButtonProps {
  seat: Seat;
  left: number;
  top: number;
  size: number;
  selected: boolean;
  mine: boolean;
  focusable: boolean;
  label: string;
  onToggle(seat: Seat): void;
  onFocusSeat(id: string): void;
}

const SeatButton = memo(function SeatButton({
  seat,
  left,
  top,
  size,
  selected,
  mine,
  focusable,
  label,
  onToggle,
  onFocusSeat,
}: SeatButtonProps) {
  const unavailable = !mine && !selected && !isSelectable(seat);
  const state = mine ? 'mine' : selected ? 'selected' : seat.type === 'blocked' ? 'blocked' : seat.status;
  return (
    <button
      type="button"
      className={`seat seat-${seat.type} is-${state}`}
      style={{ left: `${left}%`, top: `${top}%`, width: `${size}%` }}
      data-seat-id={seat.id}
      data-status={seat.status}
      tabIndex={focusable ? 0 : -1}
      aria-pressed={selected}
      aria-disabled={unavailable || mine || undefined}
      aria-label={label}
      onFocus={() => onFocusSeat(seat.id)}
      onClick={() => {
        if (!unavailable && !mine) onToggle(seat);
      }}
    >
      <span className="seat-number" aria-hidden="true">
        {seat.number}
      </span>
    </button>
  );
});
