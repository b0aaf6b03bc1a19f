import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { type User, useMe } from '../api/queries';
import { router } from '../app/router';
import { ErrorAlert } from './ErrorAlert';
import { LoadingBlock } from './LoadingBlock';

/** The login page with a way back here, e.g. `/login?next=/organizations`. */
export function loginPathFor(pathname: string): string {
  return `/login?next=${encodeURIComponent(pathname).replaceAll('%2F', '/')}`;
}

interface Props {
  /** The page's title, shown as its heading while the user cannot be loaded. */
  title: string;
  children: (user: User) => ReactNode;
}

/**
 * A page only signed-in people see: waits for the user, then renders the page, or sends a logged-out visitor
 * to the login page and back here afterwards (as the account page does).
 */
export function RequireUser({ title, children }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();

  if (me.isPending) return <LoadingBlock />;
  if (me.isError) {
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <ErrorAlert error={me.error} title={t('errors.loadFailed')} />
      </Stack>
    );
  }
  if (!me.data) {
    // Logged out: go to the login page, unless a navigation is already under way (e.g. «log out» is taking
    // the user home). The router object is read directly because React sees its state only after a
    // transition, later than the query cache says the user is gone.
    const { location, navigation } = router.state;
    const leaving = navigation.state !== 'idle' || location.pathname !== pathname;
    return leaving ? null : <Navigate to={loginPathFor(pathname)} replace />;
  }
  return children(me.data);
}
