import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { orgKeys } from '../../api/organizations-queries';
import { queryKeys } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';

/**
 * Invitations to represent an organization, addressed to the signed-in user's e-mail: nobody becomes a
 * representative without accepting here. Shown only when there is one.
 */
export function MyOrganizationInvitations() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const invitations = useQuery({
    queryKey: orgKeys.myInvitations,
    queryFn: ({ signal }) => api('myOrganizationInvitations', { signal }),
  });
  const answer = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean; name: string }) =>
      api(accept ? 'acceptOrganizationInvitation' : 'declineOrganizationInvitation', { params: { id } }),
    onSuccess: (data, { accept, name }) => {
      queryClient.setQueryData(orgKeys.myInvitations, data);
      setDone(t(accept ? 'organizations.invitationAccepted' : 'organizations.invitationDeclined', { name }));
      if (accept) {
        // the new role and the organization in the list
        void queryClient.invalidateQueries({ queryKey: queryKeys.me });
        void queryClient.invalidateQueries({ queryKey: orgKeys.lists });
      }
    },
  });
  const items = invitations.data?.items ?? [];
  if (items.length === 0 && !done) return null;

  return (
    <section aria-labelledby="my-invitations-title" data-testid="my-organization-invitations">
      <Title order={2} id="my-invitations-title" size="h3" mb="sm">
        {t('organizations.myInvitationsTitle')}
      </Title>
      <Stack gap="sm" maw={720}>
        <div aria-live="polite">{done && <Alert color="ok">{done}</Alert>}</div>
        <ErrorAlert error={answer.error} />
        {items.map((invitation) => (
          <Card key={invitation.id} withBorder padding="md">
            <Text fw={700}>{invitation.organization.name}</Text>
            <Text size="sm" mb="sm">
              {t('organizations.invitationText', {
                date: formatDate(invitation.expiresAt, i18n.language),
              })}
            </Text>
            <Group gap="sm">
              <Button
                loading={
                  answer.isPending && answer.variables?.id === invitation.id && answer.variables.accept
                }
                aria-label={t('organizations.acceptInvitationLabel', { name: invitation.organization.name })}
                onClick={() =>
                  answer.mutate({ id: invitation.id, accept: true, name: invitation.organization.name })
                }
              >
                {t('organizations.acceptInvitation')}
              </Button>
              <Button
                variant="default"
                loading={
                  answer.isPending && answer.variables?.id === invitation.id && !answer.variables.accept
                }
                aria-label={t('organizations.declineInvitationLabel', { name: invitation.organization.name })}
                onClick={() =>
                  answer.mutate({ id: invitation.id, accept: false, name: invitation.organization.name })
                }
              >
                {t('organizations.declineInvitation')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
