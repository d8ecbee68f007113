// The staff console's addresses under /staff: each page's code and the least role it needs. The
// console's frame (nav, role checks with their messages) is staff/StaffApp.tsx, loaded with it.
// Pages read their params and search with `useParams`/`useSearch({ from: '/staff/…' })`.
import { type AnyRoute, createRoute, type RouteComponent } from '@tanstack/react-router';
import { type ComponentType, lazy } from 'react';
import type { Role } from '../api/types.ts';
import { requireUser, searchParams } from './routes.tsx';

const lazyPage = (load: () => Promise<Record<string, unknown>>, name: string) =>
  lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));

const StaffApp = lazy(() => import('../staff/StaffApp.tsx').then((m) => ({ default: m.StaffApp })));
const StaffHome = lazy(() => import('../staff/StaffApp.tsx').then((m) => ({ default: m.StaffHome })));
const StaffNotHere = lazy(() => import('../staff/StaffApp.tsx').then((m) => ({ default: m.NotHere })));

export function staffRoutes<R extends AnyRoute>(parent: R) {
  const staff = createRoute({
    getParentRoute: () => parent,
    path: '/staff',
    beforeLoad: requireUser('user'),
    component: StaffApp,
    notFoundComponent: () => <StaffNotHere />,
    staticData: { role: 'staff' },
  });
  const at = <const P extends string>(path: P, role: Role, component: RouteComponent) =>
    createRoute({ getParentRoute: () => staff, path, component, staticData: { role } });
  /** A page that reads `names` from its search string (typed `useSearch` and `<Link search>`). */
  const withSearch = <const P extends string, const K extends string>(
    path: P,
    role: Role,
    component: RouteComponent,
    names: K[],
  ) =>
    createRoute({
      getParentRoute: () => staff,
      path,
      component,
      staticData: { role },
      validateSearch: searchParams(...names),
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
      'door',
      'staff',
      lazyPage(() => import('../staff/door/DoorPage.tsx'), 'DoorPage'),
    ),
    withSearch(
      'schedule',
      'admin',
      lazyPage(() => import('../staff/schedule/SchedulePage.tsx'), 'SchedulePage'),
      ['date', 'view'],
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
      ['cinemaId'],
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
      'users',
      'admin',
      lazyPage(() => import('../staff/users/UsersPage.tsx'), 'UsersPage'),
    ),
  ]);
}
