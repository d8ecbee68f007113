// The on-sale moment of a waiting room in the cinema's own time zone (as the schedule pages plan
// showtimes), whatever zone the staff member's browser is in.
import { fromWall } from '../zoned.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether text typed as a showtime id can be one (only then is the showtime looked up). */
export const looksLikeId = (text: string): boolean => UUID.test(text.trim());

/** The instant of a date (`YYYY-MM-DD`) and time (`HH:MM`) on the cinema's clock; null until both are whole. */
export function onSaleInstant(date: string, time: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  return fromWall(date, time, timeZone);
}
