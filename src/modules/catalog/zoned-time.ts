// Time zones, checked against what the runtime knows (ICU's IANA data), and wall-clock arithmetic.
const zones = new Set(Intl.supportedValuesOf('timeZone'));
// Intl also accepts offsets such as "+01:00"; a cinema needs a real zone with its DST rules.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** An IANA zone name (canonical, or an alias such as UTC the runtime resolves). */
export function isKnownTimeZone(tz: string): boolean {
  if (zones.has(tz)) return true;
  if (!ZONE_NAME.test(tz) || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatIn(tz: string): Intl.DateTimeFormat {
  let f = partsFormat.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(tz, f);
  }
  return f;
}

function wallClock(
  instant: number,
  tz: string,
): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const p = Object.fromEntries(
    formatIn(tz)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return {
    y: Number(p.year),
    m: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    min: Number(p.minute),
    s: Number(p.second),
  };
}

function offsetAt(instant: number, tz: string): number {
  const w = wallClock(instant, tz);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(instant / 1000) * 1000;
}

/** The local calendar day (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(instant: Date, tz: string): string {
  const w = wallClock(instant.getTime(), tz);
  return `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** The instant a wall-clock time happens in a zone; a time skipped by DST moves forward by the gap. */
export function zonedTimeToInstant(date: string, time: string, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  const first = asUtc - offsetAt(asUtc, tz);
  const second = asUtc - offsetAt(first, tz);
  return new Date(offsetAt(second, tz) === offsetAt(first, tz) ? second : Math.max(first, second));
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
