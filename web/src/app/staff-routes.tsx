// The staff console's addresses under /staff: each page's code and the least role it needs, checked
// on navigation here (a refusal says why: customers go home, staff asking for an admin page go to
// the console's start) and again by the console's frame (staff/StaffApp.tsx) while on the page.
// Pages read their params and search with `useParams`/`useSearch({ from: '/staff/…' })`.
import { type AnyRoute, createRoute, redirect, type RouteComponent } from '@tanstack/react-router';
import { type ComponentType, lazy } from 'react';
import type { Role, User } from '../api/types.ts';
import { translate } from '../i18n/catalog.ts';
import { asLang, type Lang } from '../i18n/format.ts';
import { loadLanguage, wantedLanguage } from '../i18n/load.ts';
import { checkedSearch, isDay, requireUser, signedIn } from './routes.tsx';

const lazyPage = (load: () => Promise<Record<string, unknown>>, name: string) =>
  lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));

/**
 * The console's frame, shown once its words are in the reader's language: English's come with its
 * code (i18n/staff.ts), another language's are fetched next (English stays when they cannot be).
 */
const loadConsole = () =>
  import('../staff/StaffApp.tsx').then(async (m) => {
    await loadLanguage(wantedLanguage()).catch(() => undefined);
    return m;
  });
const StaffApp = lazy(() => loadConsole().then((m) => ({ default: m.StaffApp })));
const StaffHome = lazy(() => loadConsole().then((m) => ({ default: m.StaffHome })));
const StaffNotHere = lazy(() => loadConsole().then((m) => ({ default: m.NotHere })));

/** Says why the page is refused (in the console's words, which load with `common.tsx`), then leaves. */
async function refuse(user: User): Promise<never> {
  const { flash } = await import('../staff/common.tsx');
  const customer = user.role === 'customer';
  const lang: Lang = asLang(document.documentElement.lang) ?? 'en';
  await loadLanguage(lang).catch(() => undefined);
  flash(translate(lang, customer ? 'staff.guard.customers' : 'staff.guard.adminOnly'));
  throw redirect({ to: customer ? '/' : '/staff', replace: true });
}

export function staffRoutes<R extends AnyRoute>(parent: R) {
  const staff = createRoute({
    getParentRoute: () => parent,
    path: '/staff',
    beforeLoad: requireUser('staff', refuse),
    component: signedIn(StaffApp),
    notFoundComponent: () => <StaffNotHere />,
    staticData: { role: 'staff' },
  });
  const guard = (role: Role) => (role === 'staff' ? {} : { beforeLoad: requireUser(role, refuse) });
  const at = <const P extends string>(path: P, role: Role, component: RouteComponent) =>
    createRoute({ getParentRoute: () => staff, path, component, staticData: { role }, ...guard(role) });
  /** A page that reads its search string (typed `useSearch` and `<Link search>`), checked by `validate`. */
  const withSearch = <const P extends string, S>(
    path: P,
    role: Role,
    component: RouteComponent,
    validate: (search: Record<string, unknown>) => S,
  ) =>
    createRoute({
      getParentRoute: () => staff,
      path,
      component,
      staticData: { role },
      validateSearch: validate,
      ...guard(role),
    });
  return staff.addChildren([
    at('/', 'staff', StaffHome),
    at(
      'sales',
      'staff',
      lazyPage(() => import('../staff/sales/SalesPage.tsx'), 'SalesPage'),
    ),
    at(
      'sales/$id',
      'staff',
      lazyPage(() => import('../staff/sales/ShowtimeSalesPage.tsx'), 'ShowtimeSalesPage'),
    ),
    at(
      'waiting-rooms',
      'staff',
      lazyPage(() => import('../staff/waiting-room/WaitingRoomsPage.tsx'), 'WaitingRoomsPage'),
    ),
    at(
      'audit',
      'admin',
      lazyPage(() => import('../staff/audit/AuditPage.tsx'), 'AuditPage'),
    ),
    at(
      'webhooks',
      'admin',
      lazyPage(() => import('../staff/webhooks/WebhooksPage.tsx'), 'WebhooksPage'),
    ),
    at(
      'door',
      'staff',
      lazyPage(() => import('../staff/door/DoorPage.tsx'), 'DoorPage'),
    ),
    at(
      'till',
      'staff',
      lazyPage(() => import('../staff/till/TillPage.tsx'), 'TillPage'),
    ),
    at(
      'counter',
      'staff',
      lazyPage(() => import('../staff/food/CounterPage.tsx'), 'CounterPage'),
    ),
    at(
      'food',
      'admin',
      lazyPage(() => import('../staff/food/ProductsPage.tsx'), 'ProductsPage'),
    ),
    at(
      'food/$id',
      'admin',
      lazyPage(() => import('../staff/food/ProductEditPage.tsx'), 'ProductEditPage'),
    ),
    at(
      'food-offers',
      'admin',
      lazyPage(() => import('../staff/food/OffersPage.tsx'), 'OffersPage'),
    ),
    at(
      'stock',
      'staff',
      lazyPage(() => import('../staff/food/StockPage.tsx'), 'StockPage'),
    ),
    at(
      'food-reports',
      'staff',
      lazyPage(() => import('../staff/food/FoodReportsPage.tsx'), 'FoodReportsPage'),
    ),
    withSearch(
      'schedule',
      'admin',
      lazyPage(() => import('../staff/schedule/SchedulePage.tsx'), 'SchedulePage'),
      checkedSearch({ date: isDay, view: (v) => v === 'day' || v === 'week' }),
    ),
    at(
      'halls',
      'admin',
      lazyPage(() => import('../staff/halls/HallsPage.tsx'), 'HallsPage'),
    ),
    withSearch(
      'halls/$id',
      'admin',
      lazyPage(() => import('../staff/halls/HallEditorPage.tsx'), 'HallEditorPage'),
      checkedSearch({ cinemaId: () => true }),
    ),
    at(
      'movies',
      'admin',
      lazyPage(() => import('../staff/catalog/MoviesPage.tsx'), 'MoviesPage'),
    ),
    at(
      'movies/$id',
      'admin',
      lazyPage(() => import('../staff/catalog/MovieEditPage.tsx'), 'MovieEditPage'),
    ),
    at(
      'people',
      'admin',
      lazyPage(() => import('../staff/catalog/PeoplePage.tsx'), 'PeoplePage'),
    ),
    at(
      'people/$id',
      'admin',
      lazyPage(() => import('../staff/catalog/PersonEditPage.tsx'), 'PersonEditPage'),
    ),
    at(
      'cinemas',
      'admin',
      lazyPage(() => import('../staff/catalog/CinemasPage.tsx'), 'CinemasPage'),
    ),
    at(
      'cinemas/$id',
      'admin',
      lazyPage(() => import('../staff/catalog/CinemaEditPage.tsx'), 'CinemaEditPage'),
    ),
    at(
      'promo-codes',
      'admin',
      lazyPage(() => import('../staff/money/PromoCodesPage.tsx'), 'PromoCodesPage'),
    ),
    at(
      'promo-codes/$id',
      'admin',
      lazyPage(() => import('../staff/money/PromoEditPage.tsx'), 'PromoEditPage'),
    ),
    at(
      'gift-cards',
      'staff',
      lazyPage(() => import('../staff/money/GiftCardsPage.tsx'), 'GiftCardsPage'),
    ),
    at(
      'gift-cards/$id',
      'staff',
      lazyPage(() => import('../staff/money/GiftCardsPage.tsx'), 'GiftCardPage'),
    ),
    at(
      'finance',
      'admin',
      lazyPage(() => import('../staff/money/FinancePage.tsx'), 'FinancePage'),
    ),
    at(
      'users',
      'admin',
      lazyPage(() => import('../staff/users/UsersPage.tsx'), 'UsersPage'),
    ),
  ]);
}
