// Wall-clock time in a cinema's zone and back, with Intl only. Schedules are planned in the cinema's
// local time whatever zone the staff member's browser is in.

const parts = new Map<string, Intl.DateTimeFormat>();
function fmt(timeZone: string): Intl.DateTimeFormat {
  let f = parts.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    parts.set(timeZone, f);
  }
  return f;
}

export interface Wall {
  date: string;
  time: string;
  /** Minutes since local midnight. */
  minutes: number;
}

/** The local date, time and minute of day of an instant in a zone. */
export function toWall(iso: string | number | Date, timeZone: string): Wall {
  const p = Object.fromEntries(
    fmt(timeZone)
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  const hour = Number(p.hour) % 24;
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${String(hour).padStart(2, '0')}:${p.minute}`,
    minutes: hour * 60 + Number(p.minute),
  };
}

function offsetMs(utcMs: number, timeZone: string): number {
  const p = Object.fromEntries(
    fmt(timeZone)
      .formatToParts(new Date(utcMs))
      .map((x) => [x.type, x.value]),
  );
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour) % 24,
    Number(p.minute),
    Number(p.second),
  );
  return asUtc - (utcMs - (utcMs % 1000));
}

/** The instant at a local date and time (`HH:MM`) in a zone, as RFC 3339 UTC. */
export function fromWall(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let utc = guess - offsetMs(guess, timeZone);
  // Around a DST change the offset at the first guess may differ: correct once.
  utc = guess - offsetMs(utc, timeZone);
  return new Date(utc).toISOString().replace('.000Z', 'Z');
}

/** `YYYY-MM-DD` plus n days (calendar arithmetic, no zone). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Monday of the week a date is in. */
export function weekStart(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}

export const todayIn = (timeZone: string): string => toWall(Date.now(), timeZone).date;
