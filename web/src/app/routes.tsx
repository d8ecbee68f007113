// Every page of the app by address, as a typed TanStack Router tree (`<Link to="/movies/$id"
// params={{ id }}>` is checked by tsc). The first page's code stays small: seat picker, checkout,
// bookings, account and staff pages load when first needed; their data starts loading in the route
// loader while the code arrives.
import { createRootRoute, createRoute, createRouter, redirect, type RouteComponent } from '@tanstack/react-router';
import { type ComponentType, lazy } from 'react';
import { queries } from '../api/queries.ts';
import type { Role, User } from '../api/types.ts';
import { CinemaPage } from '../pages/CinemaPage.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { MoviePage } from '../pages/MoviePage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
import { PersonPage } from '../pages/PersonPage.tsx';
import { SearchPage } from '../pages/SearchPage.tsx';
import {
  loadAccount,
  loadBookingPage,
  loadBookingsPage,
  loadCheckout,
  loadGiftCards,
  loadGuestBooking,
  loadGuestCheckout,
  loadSeatPicker,
  loadWaitingRoom,
} from './lazy-pages.ts';
import { queryClient } from './query-client.ts';
import { RouteError } from './RouteError.tsx';
import { currentUser, useSession } from './session.tsx';
import { Shell } from './Shell.tsx';
import { staffRoutes } from './staff-routes.tsx';

const rank: Record<Role, number> = { customer: 0, staff: 1, admin: 2 };

/**
 * Guard on navigation: signed in (`user`) or at least `need`; others go to sign in (and back), or
 * `refuse` says why and throws the redirect (home when none is given). A preload never refuses aloud.
 */
export function requireUser(need: 'user' | Role = 'user', refuse?: (user: User) => Promise<never>) {
  return async ({ location, preload }: { location: { href: string }; preload?: boolean }) => {
    const user = await currentUser();
    if (!user) throw redirect({ to: '/login', search: { next: location.href }, replace: true });
    if (need === 'user' || rank[user.role] >= rank[need]) return;
    if (refuse && !preload) await refuse(user);
    throw redirect({ to: '/', replace: true });
  };
}

/**
 * Guard while on the page: the session can end under it (a 401 from any call, revoked elsewhere).
 * The page never renders without a user; the skeleton stands in until the shell re-runs the
 * navigation guard (`requireUser`), which sends the visitor to sign in and back.
 */
export function signedIn(Page: ComponentType): RouteComponent {
  return function SignedIn() {
    const { user } = useSession();
    return user ? <Page /> : <PageSkeleton />;
  };
}

/** A page whose code loads when first needed; pages read their params with `useParams({ from })`. */
const page = (load: () => Promise<Record<string, unknown>>, name: string) =>
  lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));

export const rootRoute = createRootRoute({ component: Shell, notFoundComponent: () => <NotFoundPage /> });

const at = <const P extends string>(path: P, component: RouteComponent, guard?: 'user') =>
  createRoute({
    getParentRoute: () => rootRoute,
    path,
    component: guard ? signedIn(component) : component,
    ...(guard && { beforeLoad: requireUser(guard) }),
  });

/** Search params a page reads, each an optional string (the router keeps search as plain text). */
export function searchParams<const K extends string>(...names: K[]) {
  const any = (): boolean => true;
  return checkedSearch(Object.fromEntries(names.map((n) => [n, any])) as Record<K, typeof any>);
}

/**
 * Search params that pass their check; anything else reads as absent, as if the address had not said
 * it (each name is set, to undefined when it fails: the router lays a route's answer over the raw search).
 */
export function checkedSearch<const K extends string>(checks: Record<K, (value: string) => boolean>) {
  return (search: Record<string, unknown>): { [N in K]?: string } =>
    Object.fromEntries(
      Object.entries<(value: string) => boolean>(checks).map(([n, ok]) => {
        const value = search[n];
        return [n, typeof value === 'string' && ok(value) ? value : undefined];
      }),
    ) as { [N in K]?: string };
}

/** A real calendar day written YYYY-MM-DD (not 2025-02-30). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A page that reads `names` from its search string (typed `useSearch` and `<Link search>`). */
const withSearch = <const P extends string, const K extends string>(
  path: P,
  component: RouteComponent,
  names: K[],
  guard?: 'user',
) =>
  createRoute({
    getParentRoute: () => rootRoute,
    path,
    component: guard ? signedIn(component) : component,
    validateSearch: searchParams(...names),
    ...(guard && { beforeLoad: requireUser(guard) }),
  });

const showtimeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/showtimes/$id',
  component: page(loadSeatPicker, 'SeatPickerPage'),
  loader: ({ params }) => {
    void queryClient.prefetchQuery(queries.showtime(params.id));
    void queryClient.prefetchQuery(queries.seats(params.id));
  },
});

const routeTree = rootRoute.addChildren([
  withSearch('/', HomePage, ['deleted']),
  withSearch('/search', SearchPage, ['q']),
  at('/movies/$id', MoviePage),
  at('/people/$id', PersonPage),
  at('/cinemas/$id', CinemaPage),
  showtimeRoute,
  at('/showtimes/$id/waiting-room', page(loadWaitingRoom, 'WaitingRoomPage')),
  at('/bookings', page(loadBookingsPage, 'BookingsPage'), 'user'),
  withSearch(
    '/bookings/$id/checkout',
    page(loadCheckout, 'CheckoutPage'),
    ['payment_intent', 'redirect_status'],
    'user',
  ),
  withSearch('/bookings/$id', page(loadBookingPage, 'BookingPage'), ['confirmed'], 'user'),
  withSearch('/guest/checkout', page(loadGuestCheckout, 'GuestCheckoutPage'), [
    'showtime',
    'seats',
    'booking',
    'payment_intent',
    'redirect_status',
  ]),
  withSearch('/gift-cards', page(loadGiftCards, 'GiftCardsPage'), ['order', 'payment_intent', 'redirect_status']),
  withSearch('/guest/bookings/$id', page(loadGuestBooking, 'GuestBookingPage'), ['token', 'paid']),
  withSearch('/login', page(loadAccount, 'LoginPage'), ['next']),
  withSearch('/register', page(loadAccount, 'RegisterPage'), ['next']),
  withSearch('/verify-email', page(loadAccount, 'VerifyEmailPage'), ['token']),
  at('/forgot-password', page(loadAccount, 'ForgotPasswordPage')),
  withSearch('/reset-password', page(loadAccount, 'ResetPasswordPage'), ['token']),
  at('/account', page(loadAccount, 'ProfilePage'), 'user'),
  at('/account/sessions', page(loadAccount, 'SessionsPage'), 'user'),
  at('/account/delete', page(loadAccount, 'DeleteAccountPage'), 'user'),
  staffRoutes(rootRoute),
]);

export const router = createRouter({
  routeTree,
  // Scroll to the top on a new page and back to where it was on back/forward.
  scrollRestoration: true,
  defaultPendingComponent: PageSkeleton,
  // A failed page (its code did not load, or it threw) shows in the page area; header and footer stay.
  defaultErrorComponent: RouteError,
  // Search strings stay plain text (`?q=123` is the string "123", not JSON).
  parseSearch: (search) => Object.fromEntries(new URLSearchParams(search)),
  stringifySearch: (search) => {
    const defined = Object.entries(search).filter((e): e is [string, string] => typeof e[1] === 'string');
    const query = new URLSearchParams(defined).toString();
    return query ? `?${query}` : '';
  },
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
  interface StaticDataRouteOption {
    /** The least role a staff console page needs (the API refuses others anyway). */
    role?: Role;
  }
}
