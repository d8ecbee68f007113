// The seats a customer picked: toggled one at a time up to MAX_SEATS, kept per tab across sign-in,
// and pruned (with a sentence why) when the map shows one of them taken by someone else.
import { useCallback, useEffect, useState } from 'react';
import type { Seat } from '../api/types.ts';
import { loadSelection, saveSelection, takenFrom, toggleSeat, withoutTaken } from './selection.ts';

export type NoticeTone = 'warning' | 'error' | 'info';
export interface SeatNotice {
  tone: NoticeTone;
  text: string;
}

export interface SelectionText {
  seatName(seat: Seat): string;
  takenMeanwhile(seats: Seat[]): string;
  maxReached(): string;
  deselected(seat: Seat): string;
  selected(seat: Seat, count: number): string;
}

export interface Selection {
  selected: string[];
  toggle(seat: Seat): void;
  /** Makes these seats the selection (best available). */
  replace(seatIds: string[]): void;
  /** A sentence for screen readers about the last toggle. */
  announce: string;
}

export function useSelection(
  showtimeId: string,
  byId: ReadonlyMap<string, Seat>,
  options: { text: SelectionText; onNotice(notice: SeatNotice | null): void; keep: boolean },
): Selection {
  const { text, onNotice, keep } = options;
  const [selected, setSelected] = useState<string[]>(() => loadSelection(showtimeId));
  const [announce, setAnnounce] = useState('');
  useEffect(() => saveSelection(showtimeId, selected), [showtimeId, selected]);

  // Whatever changed the map (the feed, a poll, a refused hold), taken seats leave the selection.
  // Not while a hold is on its way: its own seats turn `held` then.
  const taken = keep ? [] : takenFrom(selected, byId);
  const takenKey = taken.map((s) => s.id).join(',');
  useEffect(() => {
    if (taken.length === 0) return;
    setSelected((sel) => withoutTaken(sel, taken));
    onNotice({ tone: 'warning', text: text.takenMeanwhile(taken) });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per set of newly taken seats
  }, [takenKey]);

  // Every setter is called here, in the event handler, never inside another setter's updater.
  const toggle = useCallback(
    (seat: Seat) => {
      onNotice(null);
      const next = toggleSeat(selected, seat.id);
      if (next.outcome === 'full') return onNotice({ tone: 'info', text: text.maxReached() });
      setSelected(next.selected);
      setAnnounce(next.outcome === 'selected' ? text.selected(seat, next.selected.length) : text.deselected(seat));
    },
    [selected, text, onNotice],
  );
  const replace = useCallback((seatIds: string[]) => setSelected(seatIds), []);
  return { selected, toggle, replace, announce };
}
