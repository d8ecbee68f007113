// The staff console, mounted at /staff/* (routes.tsx). It routes on `params['*']`, keeps customers
// out (the API refuses them anyway) and shows admins the catalog, halls, scheduling and users.
import { type ComponentType, lazy, Suspense, useEffect } from 'react';
import type { Role } from '../api/types.ts';
import type { PageProps } from '../app/routes.tsx';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
import { useTitle } from '../ui/use-title.ts';
import { flash } from './common.tsx';
import { type StaffKey, useI18n } from '../i18n/staff.ts';
import './staff.css';

interface Section {
  path: string;
  label: StaffKey;
  role: Role;
  page: ComponentType<{ params: Record<string, string> }>;
}

const lazyPage = <K extends string>(
  load: () => Promise<Record<K, ComponentType<{ params: Record<string, string> }>>>,
  name: K,
) => lazy(() => load().then((m) => ({ default: m[name] })));

const HallsPage = lazyPage(() => import('./halls/HallsPage.tsx'), 'HallsPage');
const HallEditorPage = lazyPage(() => import('./halls/HallEditorPage.tsx'), 'HallEditorPage');
const MoviesPage = lazyPage(() => import('./catalog/MoviesPage.tsx'), 'MoviesPage');
const MovieEditPage = lazyPage(() => import('./catalog/MovieEditPage.tsx'), 'MovieEditPage');
const PeoplePage = lazyPage(() => import('./catalog/PeoplePage.tsx'), 'PeoplePage');
const PersonEditPage = lazyPage(() => import('./catalog/PersonEditPage.tsx'), 'PersonEditPage');
const CinemasPage = lazyPage(() => import('./catalog/CinemasPage.tsx'), 'CinemasPage');
const CinemaEditPage = lazyPage(() => import('./catalog/CinemaEditPage.tsx'), 'CinemaEditPage');
const SchedulePage = lazyPage(() => import('./schedule/SchedulePage.tsx'), 'SchedulePage');
const SalesPage = lazyPage(() => import('./sales/SalesPage.tsx'), 'SalesPage');
const ShowtimeSalesPage = lazyPage(() => import('./sales/ShowtimeSalesPage.tsx'), 'ShowtimeSalesPage');
const DoorPage = lazyPage(() => import('./door/DoorPage.tsx'), 'DoorPage');
const UsersPage = lazyPage(() => import('./users/UsersPage.tsx'), 'UsersPage');

/** Sub-routes in match order; the first of each label is the nav entry. */
const sections: Section[] = [
  { path: 'sales', label: 'nav.sales', role: 'staff', page: SalesPage },
  { path: 'sales/:id', label: 'nav.sales', role: 'staff', page: ShowtimeSalesPage },
  { path: 'door', label: 'nav.door', role: 'staff', page: DoorPage },
  { path: 'schedule', label: 'nav.schedule', role: 'admin', page: SchedulePage },
  { path: 'halls', label: 'nav.halls', role: 'admin', page: HallsPage },
  { path: 'halls/:id', label: 'nav.halls', role: 'admin', page: HallEditorPage },
  { path: 'movies', label: 'nav.movies', role: 'admin', page: MoviesPage },
  { path: 'movies/:id', label: 'nav.movies', role: 'admin', page: MovieEditPage },
  { path: 'people', label: 'nav.people', role: 'admin', page: PeoplePage },
  { path: 'people/:id', label: 'nav.people', role: 'admin', page: PersonEditPage },
  { path: 'cinemas', label: 'nav.cinemas', role: 'admin', page: CinemasPage },
  { path: 'cinemas/:id', label: 'nav.cinemas', role: 'admin', page: CinemaEditPage },
  { path: 'users', label: 'nav.users', role: 'admin', page: UsersPage },
];

function match(rest: string): { section: Section; params: Record<string, string> } | null {
  const parts = rest.split('/').filter(Boolean);
  for (const section of sections) {
    const pattern = section.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (
      pattern.every((p, i) =>
        p.startsWith(':') ? ((params[p.slice(1)] = decodeURIComponent(parts[i]!)), true) : p === parts[i],
      )
    )
      return { section, params };
  }
  return null;
}

const allowed = (role: Role | undefined, need: Role) => role === 'admin' || (role === 'staff' && need === 'staff');

export function StaffApp({ params }: PageProps) {
  const s = useI18n().t;
  const { user } = useSession();
  const { pathname } = useLocation();
  const rest = params['*'] ?? '';
  const found = rest ? match(rest) : null;
  const role = user?.role;
  const isStaff = role === 'staff' || role === 'admin';
  const denied = found !== null && !allowed(role, found.section.role);

  useEffect(() => {
    if (user === undefined) return;
    if (!isStaff) {
      flash(s('staff.guard.customers'));
      navigate('/', { replace: true });
    } else if (denied) {
      flash(s('staff.guard.adminOnly'));
      navigate('/staff', { replace: true });
    }
  }, [user, isStaff, denied, s]);

  if (!isStaff || denied) return <PageSkeleton />;
  const nav = sections.filter((x, i) => sections.findIndex((y) => y.label === x.label) === i && allowed(role, x.role));
  const Page = found?.section.page;
  return (
    <div className="staff">
      <nav className="staff-nav container" aria-label={s('staff.nav.label')}>
        <Link
          to="/staff"
          className="staff-nav-home"
          aria-current={pathname.replace(/\/$/, '') === '/staff' ? 'page' : undefined}
        >
          {s('staff.title')}
        </Link>
        <div className="tabs staff-tabs">
          {nav.map((x) => (
            <Link
              key={x.path}
              to={`/staff/${x.path}`}
              aria-current={rest === x.path || rest.startsWith(`${x.path}/`) ? 'page' : undefined}
            >
              {s(`staff.${x.label}`)}
            </Link>
          ))}
        </div>
      </nav>
      <Suspense fallback={<PageSkeleton />}>
        {Page ? <Page key={found.section.path} params={found.params} /> : rest ? <NotHere /> : <StaffHome nav={nav} />}
      </Suspense>
    </div>
  );
}

function StaffHome({ nav }: { nav: Section[] }) {
  const s = useI18n().t;
  useTitle(s('staff.title'));
  return (
    <div className="container page">
      <h1>{s('staff.title')}</h1>
      <p className="lead">{s('staff.home.lead')}</p>
      <ul className="staff-cards">
        {nav.map((x) => (
          <li key={x.path}>
            <Link to={`/staff/${x.path}`} className="panel staff-card">
              <strong>{s(`staff.${x.label}`)}</strong>
              <span className="muted">{s(`staff.home.${x.path}` as `staff.${StaffKey}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NotHere() {
  const s = useI18n().t;
  useTitle(s('staff.notFound'));
  return (
    <div className="container page">
      <h1>{s('staff.notFound')}</h1>
      <Link to="/staff">{s('staff.backToConsole')}</Link>
    </div>
  );
}
