import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApplicationList } from '../../api/applications-queries';
import type { User } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { isRegionalOperator } from '../../components/RequireRole';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { ApplicationsTable } from './ApplicationsTable';
import { OperatorQueue } from './OperatorQueue';

/** /applications: the operator's queue, or a representative's own applications. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const title = t('applications.title');
  usePageTitle(title);
  return (
    <RequireUser title={title}>
      {(user) => (isRegionalOperator(user) ? <OperatorQueue /> : <MyApplications user={user} />)}
    </RequireUser>
  );
}

function MyApplications({ user }: { user: User }) {
  const { t } = useTranslation();
  const list = useApplicationList(true, { state: 'all', sort: 'updated', limit: 100 });
  const representative = user.roles.some((r) => r.role === 'org_representative');
  const items = list.data?.items ?? [];
  return (
    <Stack gap="lg" data-testid="my-applications">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap="sm" maw={720}>
          <Title order={1}>{t('applications.title')}</Title>
          <Text>{t('applications.leadMine')}</Text>
        </Stack>
        <Button component={Link} to="/applications/new" data-testid="new-application">
          {t('applications.new')}
        </Button>
      </Group>
      <ErrorAlert error={list.error} title={t('errors.loadFailed')} />
      {list.isPending && <LoadingBlock />}
      {list.data && items.length === 0 && (
        <Card withBorder padding="lg" maw={720} data-testid="applications-empty">
          <Title order={2} size="h3" mb="sm">
            {t('applications.emptyTitle')}
          </Title>
          <Text>{representative ? t('applications.emptyText') : t('applications.emptyNoOrganization')}</Text>
        </Card>
      )}
      {items.length > 0 && <ApplicationsTable items={items} caption={t('applications.captionMine')} />}
    </Stack>
  );
}
