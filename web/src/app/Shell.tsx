// The frame of every page: skip link, header, the page for the address, footer, and the live
// region that announces a new page.
import { Outlet, useLocation, useRouter } from '@tanstack/react-router';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { useSession } from './session.tsx';

export function Shell() {
  const { t } = useI18n();
  const pathname = useLocation({ select: (l) => l.pathname });
  const router = useRouter();
  const { user } = useSession();
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

  // Signing out (or in) re-checks the guards of the page on screen.
  const signedIn = user === undefined ? undefined : (user?.role ?? null);
  const seen = useRef(signedIn);
  useEffect(() => {
    if (seen.current === signedIn) return;
    seen.current = signedIn;
    void router.invalidate();
  }, [signedIn, router]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer />
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}
