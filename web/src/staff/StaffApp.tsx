// The staff console's frame at /staff (its pages are routes in app/staff-routes.tsx): the nav for
// the caller's role, and the role check with its message (the API refuses others anyway): customers
// go home, staff asking for an admin page go to the console's start.
import { Link, Outlet, useMatches, useNavigate, useRouter } from '@tanstack/react-router';
import { Suspense, useEffect } from 'react';
import type { Role } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { type StaffKey, useI18n } from '../i18n/staff.ts';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
import { useTitle } from '../ui/use-title.ts';
import { flash } from './common.tsx';
import './staff.css';

/** The console's sections, in nav order; the least role of each is its route's `staticData.role`. */
const sections = [
  { to: '/staff/sales', label: 'nav.sales', home: 'home.sales' },
  { to: '/staff/door', label: 'nav.door', home: 'home.door' },
  { to: '/staff/till', label: 'nav.till', home: 'home.till' },
  { to: '/staff/counter', label: 'nav.counter', home: 'home.counter' },
  { to: '/staff/stock', label: 'nav.stock', home: 'home.stock' },
  { to: '/staff/food-reports', label: 'nav.foodReports', home: 'home.foodReports' },
  { to: '/staff/schedule', label: 'nav.schedule', home: 'home.schedule' },
  { to: '/staff/halls', label: 'nav.halls', home: 'home.halls' },
  { to: '/staff/movies', label: 'nav.movies', home: 'home.movies' },
  { to: '/staff/people', label: 'nav.people', home: 'home.people' },
  { to: '/staff/cinemas', label: 'nav.cinemas', home: 'home.cinemas' },
  { to: '/staff/users', label: 'nav.users', home: 'home.users' },
  { to: '/staff/promo-codes', label: 'nav.promo', home: 'home.promo' },
  { to: '/staff/gift-cards', label: 'nav.giftCards', home: 'home.giftCards' },
  { to: '/staff/food', label: 'nav.food', home: 'home.food' },
  { to: '/staff/food-offers', label: 'nav.foodOffers', home: 'home.foodOffers' },
  { to: '/staff/finance', label: 'nav.finance', home: 'home.finance' },
  { to: '/staff/waiting-rooms', label: 'nav.waitingRooms', home: 'home.waitingRooms' },
  { to: '/staff/audit', label: 'nav.audit', home: 'home.audit' },
  { to: '/staff/webhooks', label: 'nav.webhooks', home: 'home.webhooks' },
] as const satisfies readonly { to: string; label: StaffKey; home: StaffKey }[];

type Section = (typeof sections)[number];

const allowed = (role: Role | undefined, need: Role) => role === 'admin' || (role === 'staff' && need === 'staff');

/** The sections the signed-in user may open. */
function useNav(): Section[] {
  const router = useRouter();
  const role = useSession().user?.role;
  return sections.filter((x) => allowed(role, router.routesByPath[x.to].options.staticData?.role ?? 'admin'));
}

export function StaffApp() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { user } = useSession();
  const nav = useNav();
  // The least role of the page on screen: the deepest route that names one.
  const need = useMatches({
    select: (ms) =>
      ms
        .map((m) => m.staticData.role)
        .filter((r) => r !== undefined)
        .at(-1),
  });
  const pathname = useMatches({ select: (ms) => ms.at(-1)?.pathname ?? '' });
  const role = user?.role;
  const isStaff = role === 'staff' || role === 'admin';
  const denied = need !== undefined && !allowed(role, need);

  useEffect(() => {
    if (user === undefined) return;
    if (!isStaff) {
      flash(t('staff.guard.customers'));
      void navigate({ to: '/', replace: true });
    } else if (denied) {
      flash(t('staff.guard.adminOnly'));
      void navigate({ to: '/staff', replace: true });
    }
  }, [user, isStaff, denied, t, navigate]);

  if (!isStaff || denied) return <PageSkeleton />;
  return (
    <div className="staff">
      <nav className="staff-nav container" aria-label={t('staff.nav.label')}>
        <Link
          to="/staff"
          className="staff-nav-home"
          aria-current={pathname.replace(/\/$/, '') === '/staff' ? 'page' : undefined}
        >
          {t('staff.title')}
        </Link>
        <div className="tabs staff-tabs">
          {nav.map((x) => (
            <Link
              key={x.to}
              to={x.to}
              aria-current={pathname === x.to || pathname.startsWith(`${x.to}/`) ? 'page' : undefined}
            >
              {t(`staff.${x.label}`)}
            </Link>
          ))}
        </div>
      </nav>
      <Suspense fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </div>
  );
}

export function StaffHome() {
  const { t } = useI18n();
  const nav = useNav();
  useTitle(t('staff.title'));
  return (
    <div className="container page">
      <h1>{t('staff.title')}</h1>
      <p className="lead">{t('staff.home.lead')}</p>
      <ul className="staff-cards">
        {nav.map((x) => (
          <li key={x.to}>
            <Link to={x.to} className="panel staff-card">
              <strong>{t(`staff.${x.label}`)}</strong>
              <span className="muted">{t(`staff.${x.home}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function NotHere() {
  const { t } = useI18n();
  useTitle(t('staff.notFound'));
  return (
    <div className="container page">
      <h1>{t('staff.notFound')}</h1>
      <Link to="/staff">{t('staff.backToConsole')}</Link>
    </div>
  );
}
