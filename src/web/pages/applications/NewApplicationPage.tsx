import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { storeApplication } from '../../api/applications-queries';
import { api } from '../../api/client';
import type { User } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganizationList } from '../organizations/organizationQueries';
import { ApplicationForm } from './ApplicationForm';
import { createBody, EMPTY_APPLICATION } from './applicationForm';

/** /applications/new: choose one of my organizations and fill in the application; saved as a draft. */
export function NewApplicationPage() {
  const { t } = useTranslation();
  const title = t('applications.newTitle');
  usePageTitle(title);
  return <RequireUser title={title}>{(user) => <NewApplication user={user} />}</RequireUser>;
}

function NewApplication({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const organizations = useOrganizationList({ limit: 200 });
  // The operator sees the whole registry, but applies for nobody: only an organization's representatives do.
  const mine = new Set(user.roles.filter((r) => r.role === 'org_representative').map((r) => r.scopeId ?? ''));
  const items = (organizations.data?.items ?? []).filter((o) => mine.has(o.id));
  const only = items.length === 1 ? items[0] : undefined;

  return (
    <Stack gap="lg" data-testid="new-application-page">
      <Anchor component={Link} to="/applications">
        {t('applications.backToList')}
      </Anchor>
      <Stack gap="sm" maw={760}>
        <Title order={1}>{t('applications.newTitle')}</Title>
        <Text>{t('applications.newLead')}</Text>
      </Stack>
      <ErrorAlert error={organizations.error} title={t('errors.loadFailed')} />
      {organizations.isPending && <LoadingBlock />}
      {organizations.data && items.length === 0 && (
        <Card withBorder padding="lg" maw={720} data-testid="no-organization">
          <Title order={2} size="h3" mb="sm">
            {t('applications.noOrganizationTitle')}
          </Title>
          <Text>{t('applications.noOrganizationText')}</Text>
          <Button component={Link} to="/organizations/new" mt="md" style={{ alignSelf: 'flex-start' }}>
            {t('applications.registerOrganization')}
          </Button>
        </Card>
      )}
      {items.length > 0 && (
        <ApplicationForm
          initial={
            only
              ? { ...EMPTY_APPLICATION, organizationId: only.id, municipalityId: only.municipality.id }
              : EMPTY_APPLICATION
          }
          organizations={items.map((o) => ({ id: o.id, name: o.name, municipalityId: o.municipality.id }))}
          submitLabel={t('applications.saveDraft')}
          save={(values) => api('createApplication', { body: createBody(values) })}
          onSaved={(detail) => {
            storeApplication(queryClient, user.id, detail);
            void navigate(`/applications/${detail.application.id}`);
          }}
        />
      )}
    </Stack>
  );
}
