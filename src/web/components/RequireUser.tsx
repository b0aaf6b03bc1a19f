import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { type User, useMe } from '../api/queries';
import { routerState } from '../app/routerState';
import { ErrorAlert } from './ErrorAlert';
import { LoadingBlock } from './LoadingBlock';
import { loginPathFor } from './loginPath';

export { loginPathFor };

interface Props {
  /** The page's title, shown as its heading while the user cannot be loaded. */
  title: string;
  children: (user: User) => ReactNode;
}

/**
 * A page only signed-in people see: waits for the user, then renders the page, or sends a logged-out visitor
 * to the login page and back here afterwards — the same path with its query and fragment (as the account
 * page does).
 */
export function RequireUser({ title, children }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname, search, hash } = useLocation();

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
    const { location, navigation } = routerState();
    const leaving = navigation.state !== 'idle' || location.pathname !== pathname;
    return leaving ? null : <Navigate to={loginPathFor(`${pathname}${search}${hash}`)} replace />;
  }
  return children(me.data);
}
