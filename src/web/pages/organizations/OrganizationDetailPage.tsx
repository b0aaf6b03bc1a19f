import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import type { User } from '../../api/queries';
import { useEditVersion } from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { OrganizationBadges } from './OrganizationBadges';
import { OrganizationForm } from './OrganizationForm';
import { OrganizationSummary } from './OrganizationSummary';
import { type Organization, patchBody, valuesOf } from './organizationForm';
import { orgKeys, storeOrganization, useOrganization, useSessionExpiry } from './organizationQueries';
import { RepresentativesSection } from './RepresentativesSection';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /organizations/:id: the organization's data, the edit form and its representatives. */
export function OrganizationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <RequireUser title={t('organizations.detailTitle')}>
      {(user) => (UUID_RE.test(id) ? <OrganizationLoader id={id} user={user} /> : <NotFoundPage />)}
    </RequireUser>
  );
}

function OrganizationLoader({ id, user }: { id: string; user: User }) {
  const organization = useOrganization(id);
  useSessionExpiry(organization.error);
  // The API answers 404 both for a missing organization and for one the user may not see.
  if (isApiError(organization.error, 404)) return <NotFoundPage />;
  if (organization.isSuccess)
    return <OrganizationView key={id} organization={organization.data} user={user} />;
  return <OrganizationState error={organization.error} />;
}

/** Loading, or an error other than «not found». */
function OrganizationState({ error }: { error: unknown }) {
  const { t } = useTranslation();
  usePageTitle(t('organizations.detailTitle'));
  if (!error) return <LoadingBlock />;
  return (
    <Stack>
      <Title order={1}>{t('organizations.detailTitle')}</Title>
      <ErrorAlert error={error} title={t('errors.loadFailed')} />
    </Stack>
  );
}

function OrganizationView({ organization: org, user }: { organization: Organization; user: User }) {
  const { t } = useTranslation();
  usePageTitle(org.name);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  // The form saves over the version it was opened on (ADR 0017).
  const edit = useEditVersion(org.version);
  // What the form opened on: only what the user changed since is sent, so others' changes survive.
  const [base, setBase] = useState(org);

  const save = async (values: Parameters<typeof patchBody>[0]) => {
    setNotice(null);
    const body = patchBody(values, base);
    if (Object.keys(body).length === 0) return null;
    return (await api('updateOrganization', { params: { id: org.id }, body, ifMatch: edit.version }))
      .organization;
  };
  const onSaved = (updated: Organization | null) => {
    if (updated) edit.saved(updated.version);
    if (updated) setBase(updated);
    if (updated) storeOrganization(queryClient, updated);
    setNotice(updated ? t('organizations.saved') : t('organizations.noChanges'));
  };

  return (
    <Stack gap="xl" data-testid="organization-detail">
      <Stack gap="sm">
        <Anchor component={Link} to="/organizations">
          {t('organizations.backToList')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1}>{org.name}</Title>
          <OrganizationBadges organization={org} />
        </Group>
        {org.isPlaceholder && (
          <Alert color="grape" title={t('organizations.placeholderTitle')} maw={720}>
            <Text size="sm">{t('organizations.placeholderText')}</Text>
          </Alert>
        )}
      </Stack>

      <OrganizationSummary organization={org} />

      <section aria-labelledby="organization-edit-title">
        <Title order={2} id="organization-edit-title" mb="md">
          {t('organizations.editTitle')}
        </Title>
        <OrganizationForm
          initial={valuesOf(org)}
          organization={org}
          submitLabel={t('common.save')}
          save={save}
          onSaved={onSaved}
          notice={notice}
          conflict={{
            reloaded: edit.reloaded,
            reload: () => edit.reload(orgKeys.one(org.id), (d: Organization) => d.version),
          }}
        />
      </section>

      <RepresentativesSection organization={org} user={user} />
    </Stack>
  );
}
