// When a waiting list entry is worth polling, and where a guest's entry token is kept: a guest has
// no account to list their entries by, so the join's answer (entry id and token) stays in this
// browser, per showtime, to show the place again and to leave.

type Status = 'waiting' | 'offered' | 'claimed' | 'expired' | 'cancelled';

/** Polled this often while an entry waits or is offered: the place moves, an offer comes and lapses. */
export const WAITLIST_REFRESH_MS = 5000;

/** Waiting or offered: the entry can still change by itself. */
export const liveEntry = (e: { status: Status }): boolean => e.status === 'waiting' || e.status === 'offered';

/** react-query's refetchInterval for a list of entries: poll while one of them is live. */
export const waitlistRefresh = (entries: readonly { status: Status }[] | undefined): number | false =>
  entries?.some(liveEntry) ? WAITLIST_REFRESH_MS : false;

export interface GuestEntryRef {
  id: string;
  token: string;
}

const storageKey = (showtimeId: string) => `waitlist-guest:${showtimeId}`;

/** The guest entry this browser joined on the showtime, if any. */
export function guestEntryOf(showtimeId: string): GuestEntryRef | null {
  try {
    const raw = localStorage.getItem(storageKey(showtimeId));
    const parsed = raw ? (JSON.parse(raw) as Partial<GuestEntryRef>) : null;
    return parsed?.id && parsed.token ? { id: parsed.id, token: parsed.token } : null;
  } catch {
    return null;
  }
}

export function rememberGuestEntry(showtimeId: string, ref: GuestEntryRef | null): void {
  try {
    if (ref) localStorage.setItem(storageKey(showtimeId), JSON.stringify(ref));
    else localStorage.removeItem(storageKey(showtimeId));
  } catch {
    // Storage refused (private mode): the place is kept, this browser just forgets it.
  }
}
