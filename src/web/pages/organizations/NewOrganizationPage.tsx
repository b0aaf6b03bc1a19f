import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { queryKeys, type User } from '../../api/queries';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { OrganizationForm } from './OrganizationForm';
import { createBody, EMPTY_VALUES } from './organizationForm';
import { isOperator, storeOrganization } from './organizationQueries';

/** /organizations/new: register an organization; the person registering becomes its representative. */
export function NewOrganizationPage() {
  const { t } = useTranslation();
  const title = t('organizations.newTitle');
  usePageTitle(title);
  return <RequireUser title={title}>{(user) => <NewOrganization user={user} />}</RequireUser>;
}

function NewOrganization({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  return (
    <Stack gap="lg" data-testid="new-organization-page">
      <Anchor component={Link} to="/organizations">
        {t('organizations.backToList')}
      </Anchor>
      <Stack gap="sm">
        <Title order={1}>{t('organizations.newTitle')}</Title>
        <Text maw={720}>
          {isOperator(user) ? t('organizations.newLeadOperator') : t('organizations.newLead')}
        </Text>
      </Stack>
      <OrganizationForm
        initial={EMPTY_VALUES}
        submitLabel={t('organizations.submitCreate')}
        save={async (values) => (await api('createOrganization', { body: createBody(values) })).organization}
        onSaved={(organization) => {
          if (!organization) return;
          storeOrganization(queryClient, organization);
          // The person registering is now its representative: their roles changed.
          void queryClient.invalidateQueries({ queryKey: queryKeys.me });
          void navigate(`/organizations/${organization.id}`);
        }}
      />
    </Stack>
  );
}
