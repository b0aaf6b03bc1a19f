import { List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/queries';

export function RolesSection({ roles }: { roles: User['roles'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="roles-title">
      <Title order={2} id="roles-title" mb="md">
        {t('account.rolesTitle')}
      </Title>
      {roles.length === 0 ? (
        <Text>{t('account.noRoles')}</Text>
      ) : (
        <List data-testid="roles-list">
          {roles.map((role) => (
            <List.Item key={`${role.role}:${role.scopeType}:${role.scopeId ?? ''}`}>
              <Text component="span" fw={700}>
                {t(`roles.${role.role}`)}
              </Text>
              {' — '}
              {role.scopeName ?? t(`scopes.${role.scopeType}`)}
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
