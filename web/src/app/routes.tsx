// Every page of the app by address. The first page's code stays small: seat picker, checkout,
// bookings, account and staff pages load when first needed.
import { type ComponentType, lazy } from 'react';
import type { Role } from '../api/types.ts';
import { HomePage } from '../pages/HomePage.tsx';
import { MoviePage } from '../pages/MoviePage.tsx';
import { PersonPage } from '../pages/PersonPage.tsx';
import { SearchPage } from '../pages/SearchPage.tsx';
import { CinemaPage } from '../pages/CinemaPage.tsx';
import { catalog } from '../api/endpoints.ts';
import { loadAccount, loadBookingPage, loadBookingsPage, loadCheckout, loadSeatPicker } from './lazy-pages.ts';
import { prefetch } from './query.ts';

export interface PageProps {
  params: Record<string, string>;
}

export interface AppRoute {
  path: string;
  page: ComponentType<PageProps>;
  /** Signed in (`user`) or at least this role; others are sent to sign in or away. */
  auth?: 'user' | Role;
  /** Starts the page's requests while its code is still loading. */
  prefetch?: (params: Record<string, string>) => void;
}

const SeatPickerPage = lazy(() => loadSeatPicker().then((m) => ({ default: m.SeatPickerPage })));
const CheckoutPage = lazy(() => loadCheckout().then((m) => ({ default: m.CheckoutPage })));
const BookingPage = lazy(() => loadBookingPage().then((m) => ({ default: m.BookingPage })));
const BookingsPage = lazy(() => loadBookingsPage().then((m) => ({ default: m.BookingsPage })));
const LoginPage = lazy(() => loadAccount().then((m) => ({ default: m.LoginPage })));
const RegisterPage = lazy(() => loadAccount().then((m) => ({ default: m.RegisterPage })));
const VerifyEmailPage = lazy(() => loadAccount().then((m) => ({ default: m.VerifyEmailPage })));
const ForgotPasswordPage = lazy(() => loadAccount().then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => loadAccount().then((m) => ({ default: m.ResetPasswordPage })));
const ProfilePage = lazy(() => loadAccount().then((m) => ({ default: m.ProfilePage })));
const SessionsPage = lazy(() => loadAccount().then((m) => ({ default: m.SessionsPage })));
const DeleteAccountPage = lazy(() => loadAccount().then((m) => ({ default: m.DeleteAccountPage })));
// Issue 7 (staff console) mounts its pages under /staff; the guard keeps customers out.
const StaffApp = lazy(() => import('../staff/StaffApp.tsx').then((m) => ({ default: m.StaffApp })));

export const routes: AppRoute[] = [
  { path: '/', page: HomePage },
  { path: '/search', page: SearchPage },
  { path: '/movies/:id', page: MoviePage },
  { path: '/people/:id', page: PersonPage },
  { path: '/cinemas/:id', page: CinemaPage },
  {
    path: '/showtimes/:id',
    page: SeatPickerPage,
    prefetch: ({ id }) => {
      prefetch(`showtime:${id}`, (signal) => catalog.showtime(id!, signal));
      prefetch(`seats:${id}`, (signal) => catalog.seats(id!, signal));
    },
  },
  { path: '/bookings', page: BookingsPage, auth: 'user' },
  { path: '/bookings/:id/checkout', page: CheckoutPage, auth: 'user' },
  { path: '/bookings/:id', page: BookingPage, auth: 'user' },
  { path: '/login', page: LoginPage },
  { path: '/register', page: RegisterPage },
  { path: '/verify-email', page: VerifyEmailPage },
  { path: '/forgot-password', page: ForgotPasswordPage },
  { path: '/reset-password', page: ResetPasswordPage },
  { path: '/account', page: ProfilePage, auth: 'user' },
  { path: '/account/sessions', page: SessionsPage, auth: 'user' },
  { path: '/account/delete', page: DeleteAccountPage, auth: 'user' },
  { path: '/staff/*', page: StaffApp, auth: 'user' },
  { path: '/staff', page: StaffApp, auth: 'user' },
];
