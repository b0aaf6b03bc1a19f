import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/queries';
import { RequireUser } from '../../components/RequireUser';

export const isRegionalAdmin = (user: User) => user.roles.some((r) => r.role === 'regional_admin');

/**
 * The plan pages are for the regional operator: a logged-out visitor goes to the login page, anyone else
 * sees the heading and a plain notice (the API refuses them anyway).
 */
export function OperatorOnly({ title, children }: { title: string; children: (user: User) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <RequireUser title={title}>
      {(user) =>
        isRegionalAdmin(user) ? (
          children(user)
        ) : (
          <Stack>
            <Title order={1}>{title}</Title>
            <Alert color="yellow" title={t('plan.forbidden.title')}>
              {t('plan.forbidden.text')}
            </Alert>
          </Stack>
        )
      }
    </RequireUser>
  );
}
