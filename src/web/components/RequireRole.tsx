import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/limits';
import type { User } from '../api/queries';
import { RequireUser } from './RequireUser';

export const hasRole = (user: User, role: Role): boolean => user.roles.some((r) => r.role === role);

/** The regional operator (regional_admin) runs the network. */
export const isRegionalOperator = (user: User): boolean => hasRole(user, 'regional_admin');

interface Props {
  title: string;
  /** Who may see the page. */
  allow: (user: User) => boolean;
  children: (user: User) => ReactNode;
}

/**
 * A page for some roles only: a logged-out visitor goes to the login page (RequireUser), a signed-in user
 * without the role sees the page's heading and a plain «not for you» notice (the API refuses anyway).
 */
export function RequireRole({ title, allow, children }: Props) {
  const { t } = useTranslation();
  return (
    <RequireUser title={title}>
      {(user) =>
        allow(user) ? (
          children(user)
        ) : (
          <Stack data-testid="forbidden-page">
            <Title order={1}>{title}</Title>
            <Alert color="warn" title={t('operator.forbiddenTitle')}>
              {t('operator.forbiddenText')}
            </Alert>
          </Stack>
        )
      }
    </RequireUser>
  );
}
