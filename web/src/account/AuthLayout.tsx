import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The narrow centred card of sign-in, registration and password pages. */
export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="container page auth-page">
      <div className="auth-card">
        <h1>{title}</h1>
        {children}
      </div>
      {footer && <div className="auth-footer">{footer}</div>}
    </div>
  );
}

/** The account section's own navigation. */
export function AccountNav() {
  const { t } = useI18n();
  const items = [
    ['/account', t('account.profile')],
    ['/account/sessions', t('account.sessions')],
    ['/bookings', t('nav.bookings')],
    ['/account/delete', t('account.delete')],
  ] as const;
  return (
    <nav className="tabs" aria-label={t('account.nav')}>
      {items.map(([to, label]) => (
        // The router marks the link of the page on screen with aria-current="page".
        <Link key={to} to={to} activeOptions={{ exact: true, includeSearch: false }}>
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** Only our own paths are followed after signing in (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
