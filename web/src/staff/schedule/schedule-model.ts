// Scheduling arithmetic on the loaded schedule: a showtime's end, overlaps in a hall, where a block
// sits on the day's time line, and which days a copy goes to.
import type { SeatType } from '../../api/types.ts';
import type { StaffHall, StaffShowtime } from '../staff-api.ts';
import { addDays, toWall } from '../zoned.ts';

/** The day's time line runs from 08:00 to 02:00 the next morning (local). */
export const DAY_START = 8 * 60;
export const DAY_END = 26 * 60;

/** End = start + running time + the hall's cleaning buffer, as the server computes it. */
export function endOf(startIso: string, durationMinutes: number, cleaningMinutes: number): string {
  return new Date(Date.parse(startIso) + (durationMinutes + cleaningMinutes) * 60_000).toISOString();
}

/** Scheduled showtimes of the hall that the interval [start, end) would overlap. */
export function overlaps(schedule: StaffShowtime[], hallId: string, start: string, end: string): StaffShowtime[] {
  const s = Date.parse(start);
  const e = Date.parse(end);
  return schedule.filter(
    (x) => x.hallId === hallId && x.status === 'scheduled' && Date.parse(x.startsAt) < e && s < Date.parse(x.endsAt),
  );
}

/** Left and width of a block on a day's lane, as percentages. */
export function place(
  showtime: { startsAt: string; endsAt: string },
  day: string,
  timeZone: string,
): { left: number; width: number } {
  const span = DAY_END - DAY_START;
  const startWall = toWall(showtime.startsAt, timeZone);
  const startMin = startWall.minutes + (startWall.date > day ? 24 * 60 : 0);
  const length = (Date.parse(showtime.endsAt) - Date.parse(showtime.startsAt)) / 60_000;
  const left = Math.max(0, Math.min(span, startMin - DAY_START));
  const right = Math.max(left, Math.min(span, startMin + length - DAY_START));
  return { left: (left / span) * 100, width: Math.max(0.8, ((right - left) / span) * 100) };
}

/** The local day a showtime belongs to: its start, with early-morning starts (before 05:00) counted to the evening before. */
export function businessDay(iso: string, timeZone: string): string {
  const w = toWall(iso, timeZone);
  if (w.minutes >= 5 * 60) return w.date;
  const [y, m, d] = w.date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The sellable seat types a hall has, in a stable order. */
export function hallSeatTypes(hall: StaffHall | undefined): Exclude<SeatType, 'blocked'>[] {
  const order = ['standard', 'vip', 'accessible', 'companion'] as const;
  if (!hall) return ['standard'];
  const present = new Set(hall.layout.rows.flatMap((r) => r.seats.map((s) => s.type)));
  return order.filter((t) => present.has(t));
}

/** Showtimes start on quarter hours. */
const SLOT_MINUTES = 15;
/** The evening show a new showtime is offered at when that is still ahead. */
const EVENING = 20 * 60;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** How far ahead an offered start is at least: time to fill in the form before the server's "future". */
export const LEAD_MINUTES = 15;

/**
 * Where the form starts a new showtime for `day`: 20:00 local, unless that is less than
 * LEAD_MINUTES ahead in the cinema's zone; then the first quarter hour at least that far ahead (on
 * the next day near midnight). A past day gives today's first such slot: nothing can be scheduled
 * in the past.
 */
export function defaultStart(day: string, now: number, timeZone: string): { day: string; start: string } {
  const wall = toWall(now, timeZone);
  if (day > wall.date) return { day, start: hhmm(EVENING) };
  const earliest = wall.minutes + LEAD_MINUTES;
  if (earliest <= EVENING) return { day: wall.date, start: hhmm(EVENING) };
  const next = Math.ceil(earliest / SLOT_MINUTES) * SLOT_MINUTES;
  return next >= 24 * 60
    ? { day: addDays(wall.date, 1), start: hhmm(next - 24 * 60) }
    : { day: wall.date, start: hhmm(next) };
}

/**
 * The prices a new showtime in the hall starts from when the hall has no saved defaults: the
 * latest loaded showtime of that hall, else the latest of the cinema; null when nothing is loaded.
 */
export function usualPrices(
  schedule: readonly Pick<StaffShowtime, 'hallId' | 'startsAt' | 'status' | 'prices' | 'currency'>[],
  hallId: string,
): { prices: Record<string, number>; currency: string } | null {
  const live = schedule.filter((x) => x.status === 'scheduled').sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const pick = live.find((x) => x.hallId === hallId) ?? live[0];
  return pick ? { prices: pick.prices, currency: pick.currency } : null;
}
