// The one rule for a customer's own things (bookings, tickets, refunds, payments): a customer sees only
// their own, staff and admin see everyone's, and a guest (no account, a booking's management token)
// sees the one booking its token opens. Someone else's resource answers exactly as a missing one
// (404), so ids cannot be probed; callers throw their own not-found error when access is refused.
import { hasRole, type Principal } from './auth.ts';

/**
 * A guest holding a booking's management token (guest checkout): the token was checked against this
 * booking id before the pass was made, and the pass reaches nothing else.
 */
export interface GuestPass {
  kind: 'guest';
  bookingId: string;
}

/** Who asks for a booking: a signed-in account (any role) or a guest with one booking's token. */
export type Caller = Principal | GuestPass;

export const isGuest = (caller: Caller): caller is GuestPass => 'kind' in caller && caller.kind === 'guest';

/** Staff and admin: exempt from the customer rules (seat limit, companion seats). Never a guest. */
export const isStaff = (caller: Caller): boolean => !isGuest(caller) && hasRole(caller, 'staff');

/** The account acting, or null for a guest (payments and tickets then belong to the booking's guest). */
export const accountOf = (caller: Caller): string | null => (isGuest(caller) ? null : caller.userId);

/** Whose resources the caller may reach: their own user id, or null (everyone's) for staff and admin. */
export function ownerScope(principal: Principal): string | null {
  return hasRole(principal, 'staff') ? null : principal.userId;
}

/** Whether the caller may see a resource owned by `ownerId`. */
export function mayAccess(principal: Principal, ownerId: string | null): boolean {
  const scope = ownerScope(principal);
  return scope === null || scope === ownerId;
}

/**
 * Whether the caller may reach this booking: their own, any for staff, the token's one for a guest.
 * A null caller is the system itself (settlement, refund runs): any booking.
 */
export function mayAccessBooking(caller: Caller | null, booking: { id: string; userId: string | null }): boolean {
  if (caller === null) return true;
  if (isGuest(caller)) return caller.bookingId === booking.id;
  return mayAccess(caller, booking.userId);
}
