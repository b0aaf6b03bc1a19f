import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from './organizationForm';

/** «заглушка — переименуйте» for seeded placeholder organizations, «демо» for demo data. */
export function OrganizationBadges({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  if (!organization.isPlaceholder && !organization.isDemo) return null;
  return (
    <Group gap="xs" component="span" display="inline-flex">
      {organization.isPlaceholder && (
        <Badge color="grape" variant="light" data-testid="placeholder-badge">
          {t('organizations.placeholder')}
        </Badge>
      )}
      {organization.isDemo && (
        <Badge color="gray" variant="outline">
          {t('organizations.demo')}
        </Badge>
      )}
    </Group>
  );
}
