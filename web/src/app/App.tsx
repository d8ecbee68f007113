// The shell: language and session for everyone, header, the page for the address, footer.
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import { I18nProvider, useI18n } from '../i18n/I18nProvider.tsx';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { queryClient } from './query-client.ts';
import { RouteView } from './RouteView.tsx';
import { useLocation } from './router.tsx';
import { SessionProvider } from './session.tsx';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <Shell />
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

function Shell() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const [announcement, setAnnouncement] = useState('');

  // After a page change, keyboard and screen reader users start at the new page, which is announced.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    const timer = setTimeout(() => setAnnouncement(document.title), 300);
    return () => clearTimeout(timer);
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<PageSkeleton />}>
          <RouteView />
        </Suspense>
      </main>
      <Footer />
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}
