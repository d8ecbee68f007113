import { Link, useLocation } from '@tanstack/react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LanguageMenu } from './language.tsx';
import { useSession } from './session.tsx';

export function Header() {
  const { t } = useI18n();
  const { user } = useSession();
  const pathname = useLocation({ select: (l) => l.pathname });
  const current = (prefix: string) =>
    (prefix === '/' ? pathname === '/' : pathname.startsWith(prefix)) ? 'page' : undefined;

  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand" aria-label={t('nav.home')}>
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="currentColor" opacity="0.14" />
            <path d="M7 23V9h3.2l5.8 8.2L21.8 9H25v14h-3.2v-8.6L16 22.4l-5.8-8V23z" fill="currentColor" />
          </svg>
          <span>Marquee</span>
        </Link>
        <nav aria-label={t('nav.main')} className="main-nav">
          <Link to="/" aria-current={current('/')}>
            {t('nav.whatsOn')}
          </Link>
          <Link to="/search" aria-current={current('/search')}>
            {t('nav.search')}
          </Link>
          <Link to="/gift-cards" aria-current={current('/gift-cards')}>
            {t('nav.giftCards')}
          </Link>
          {user && (
            <Link to="/bookings" aria-current={current('/bookings')}>
              {t('nav.bookings')}
            </Link>
          )}
          {user && user.role !== 'customer' && (
            <Link to="/staff" aria-current={current('/staff')}>
              {t('nav.staff')}
            </Link>
          )}
        </nav>
        <div className="header-tools">
          <LanguageMenu label={t('nav.language')} />
          {user === undefined ? (
            <span className="header-account-placeholder" aria-hidden="true" />
          ) : user ? (
            <Link to="/account" className="header-account" aria-current={current('/account')}>
              {user.avatarUrl ? (
                <img
                  className="avatar"
                  src={user.avatarUrl}
                  alt=""
                  width={32}
                  height={32}
                  data-testid="header-avatar"
                />
              ) : (
                <span className="avatar" aria-hidden="true">
                  {(user.name || user.email || '').slice(0, 1).toUpperCase()}
                </span>
              )}
              <span className="header-account-name">{user.name || user.email}</span>
            </Link>
          ) : (
            <Link to="/login" search={{ next: pathname }} className="btn btn-secondary btn-sm">
              {t('nav.signIn')}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
