// Picks the page for the address and applies its guard.
import { useEffect } from 'react';
import type { Role } from '../api/types.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
import { matchRoute, navigate, useLocation } from './router.tsx';
import { routes } from './routes.tsx';
import { useSession } from './session.tsx';

const rank: Record<Role, number> = { customer: 0, staff: 1, admin: 2 };

export function RouteView() {
  const location = useLocation();
  const { user } = useSession();
  const match = matchRoute(routes, location.pathname);
  const auth = match?.route.auth;
  const needsSignIn = auth !== undefined && user === null;
  const tooLow = auth !== undefined && auth !== 'user' && user != null && rank[user.role] < rank[auth];

  useEffect(() => {
    if (needsSignIn) navigate(`/login?next=${encodeURIComponent(location.href)}`, { replace: true });
    else if (tooLow) navigate('/', { replace: true });
  }, [needsSignIn, tooLow, location.href]);

  if (!match) return <NotFoundPage />;
  if (auth === undefined) match.route.prefetch?.(match.params);
  if (auth !== undefined && (user === undefined || needsSignIn || tooLow)) return <PageSkeleton />;
  const Page = match.route.page;
  return <Page key={match.route.path} params={match.params} />;
}
