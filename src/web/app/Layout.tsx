import { Container } from '@mantine/core';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { LoadingPage } from '../components/LoadingBlock';
import { Footer } from './Footer';
import { Header } from './Header';

/** Page frame: header with navigation, main content, footer (the skip link is static, in index.html). */
export function Layout() {
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
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Container size="lg" py="xl">
          <Suspense fallback={<LoadingPage />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <Footer />
      <ScrollRestoration />
    </>
  );
}
