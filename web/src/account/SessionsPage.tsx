import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { accounts } from '../api/endpoints.ts';
import { queries } from '../api/queries.ts';
import type { Session } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { Skeleton } from '../ui/Skeleton.tsx';
import { useTitle } from '../ui/use-title.ts';
import { AccountNav } from './AuthLayout.tsx';
import { useSubmit } from './use-submit.ts';

/** A browser's name from its user agent, good enough to recognise one's own devices. */
export function deviceName(ua: string | null): string {
  if (!ua) return '—';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return browser || os ? [browser, os].filter(Boolean).join(' · ') : ua.slice(0, 60);
}

export function SessionsPage() {
  const { t, lang, dateTime } = useI18n();
  useTitle(t('account.sessions'));
  const session = useSession();
  const navigate = useNavigate();
  const list = useQuery({ ...queries.sessions(), staleTime: 0 });
  const revoke = useSubmit(async (s: Session) => {
    await accounts.revokeSession(s.id);
    if (s.current) {
      await navigate({ to: '/login' });
      session.forget();
      return;
    }
    void list.refetch();
  });

  return (
    <div className="container page narrow">
      <h1>{t('account.title')}</h1>
      <AccountNav />
      <section className="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessions')}</h2>
        <p className="muted">{t('sessions.intro')}</p>
        {revoke.error && <Notice tone="error">{revoke.error}</Notice>}
        {list.error ? (
          <Notice tone="error">{errorText(list.error, t, lang)}</Notice>
        ) : !list.data ? (
          <ul className="session-list" aria-hidden="true">
            {[0, 1].map((i) => (
              <li key={i}>
                <Skeleton width="12rem" />
                <Skeleton width="18rem" />
              </li>
            ))}
          </ul>
        ) : (
          <ul className="session-list">
            {[...list.data]
              .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
              .map((s) => (
                <li key={s.id}>
                  <div>
                    <p className="session-device">
                      {deviceName(s.userAgent)}
                      {s.current && <span className="status-badge status-confirmed">{t('sessions.current')}</span>}
                    </p>
                    <p className="muted small">
                      {t('sessions.details', {
                        lastSeen: dateTime(s.lastSeenAt),
                        created: dateTime(s.createdAt),
                        ip: s.ip ?? '—',
                      })}
                    </p>
                  </div>
                  <Button
                    variant={s.current ? 'secondary' : 'ghost'}
                    onClick={() => void revoke.run(s)}
                    busy={revoke.busy}
                    aria-label={
                      s.current
                        ? t('sessions.signOutHere')
                        : t('sessions.revokeLabel', { device: deviceName(s.userAgent) })
                    }
                  >
                    {s.current ? t('sessions.signOutHere') : t('sessions.revoke')}
                  </Button>
                </li>
              ))}
          </ul>
        )}
      </section>
    </div>
  );
}
