// The one rule for a customer's own things (bookings, tickets, refunds, payments): a customer sees only
// their own, staff and admin see everyone's. Someone else's resource answers exactly as a missing one
// (404), so ids cannot be probed; callers throw their own not-found error when `mayAccess` is false.
import { hasRole, type Principal } from './auth.ts';

/** Whose resources the caller may reach: their own user id, or null (everyone's) for staff and admin. */
export function ownerScope(principal: Principal): string | null {
  return hasRole(principal, 'staff') ? null : principal.userId;
}

/** Whether the caller may see a resource owned by `ownerId`. */
export function mayAccess(principal: Principal, ownerId: string): boolean {
  const scope = ownerScope(principal);
  return scope === null || scope === ownerId;
}
