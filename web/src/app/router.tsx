// Plain-string navigation for pages not yet on typed links (`<Link to="/movies/$id" params>` from
// @tanstack/react-router): the same Link, navigate and useLocation as before, through the router.
import { useLocation as useRouterLocation } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { router } from './routes.tsx';

export interface Location {
  pathname: string;
  search: URLSearchParams;
  href: string;
}

export function useLocation(): Location {
  const location = useRouterLocation();
  return {
    pathname: location.pathname,
    search: new URLSearchParams(location.searchStr),
    href: location.pathname + location.searchStr,
  };
}

/** Goes to `to` inside the app. `replace` keeps the history entry (redirects, search typing). */
export function navigate(to: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  void router.navigate({ href: to, replace: options.replace, resetScroll: !options.keepScroll });
}

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; replace?: boolean };

/** An ordinary link (open in new tab works) that navigates in place on a plain click. */
export function Link({ to, replace, onClick, ...rest }: LinkProps) {
  function handle(e: MouseEvent<HTMLAnchorElement>) {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    e.preventDefault();
    navigate(to, { replace });
  }
  return <a href={to} onClick={handle} {...rest} />;
}
