import { Container } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { Footer } from './Footer';
import { Header } from './Header';

/** Page frame: skip link, header with navigation, main content, footer. */
export function Layout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);

  // After client-side navigation move focus to the new content, as a page load would for screen readers.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
          mainRef.current?.scrollIntoView();
        }}
      >
        {t('app.skipLink')}
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Container size="lg" py="xl">
          <Outlet />
        </Container>
      </main>
      <Footer />
      <ScrollRestoration />
    </>
  );
}
