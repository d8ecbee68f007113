// The seats a customer picked survive a detour through sign-in (per tab, per showtime).
export const MAX_SEATS = 10;

const key = (showtimeId: string) => `marquee.selection.${showtimeId}`;

export function loadSelection(showtimeId: string): string[] {
  try {
    const raw = sessionStorage.getItem(key(showtimeId));
    const ids = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string').slice(0, MAX_SEATS) : [];
  } catch {
    return [];
  }
}

export function saveSelection(showtimeId: string, ids: string[]): void {
  try {
    if (ids.length === 0) sessionStorage.removeItem(key(showtimeId));
    else sessionStorage.setItem(key(showtimeId), JSON.stringify(ids));
  } catch {}
}
