import { Alert, Badge, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { queryKeys, type User } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';
import type { Organization } from './organizationForm';
import { isOperator, orgKeys, storeOrganization, useSessionExpiry } from './organizationQueries';

type Representative = Organization['representatives'][number];

/**
 * Who represents the organization: invite a person by email (they become a representative only by
 * accepting), take an invitation back, remove a representative (after confirming).
 */
export function RepresentativesSection({
  organization: org,
  user,
}: {
  organization: Organization;
  user: User;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useContractForm({
    initialValues: { email: '' },
    schema: () => import('../../../shared/contracts/organizations').then((m) => m.AddRepresentativeBody),
    body: (v) => ({ email: v.email.trim() }),
  });
  // The person in the confirmation dialog; kept while the dialog fades out.
  const [target, setTarget] = useState<Representative | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [removedName, setRemovedName] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: (address: string) =>
      api('addRepresentative', { params: { id: org.id }, body: { email: address } }),
    onSuccess: ({ organization }) => {
      storeOrganization(queryClient, organization);
      form.reset();
    },
    onError: (error) => form.showServerErrors(error),
  });

  const withdraw = useMutation({
    mutationFn: (invitationId: string) =>
      api('withdrawOrganizationInvitation', { params: { id: org.id, invitationId } }),
    onSuccess: ({ organization }) => storeOrganization(queryClient, organization),
  });

  const remove = useMutation({
    mutationFn: (rep: Representative) =>
      api('removeRepresentative', { params: { id: org.id, userId: rep.userId } }),
    onSuccess: ({ organization }, rep) => {
      setConfirming(false);
      setRemovedName(rep.displayName);
      if (rep.userId !== user.id) {
        storeOrganization(queryClient, organization);
        return;
      }
      // Removed oneself: the roles changed, and a representative no longer sees this organization.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      if (isOperator(user)) storeOrganization(queryClient, organization);
      else {
        void queryClient.invalidateQueries({ queryKey: orgKeys.all });
        void navigate('/organizations');
      }
    },
  });
  useSessionExpiry(add.error, remove.error, withdraw.error);

  const submitAdd = form.submitWith(({ email }) => add.mutate(email.trim()));
  const onAdd = (event: React.FormEvent<HTMLFormElement>) => {
    add.reset();
    setRemovedName(null);
    submitAdd(event);
  };

  return (
    <section aria-labelledby="representatives-title">
      <Title order={2} id="representatives-title" mb="xs" ref={headingRef} tabIndex={-1}>
        {t('organizations.repsTitle')}
      </Title>
      <Text mb="md" maw={720}>
        {t('organizations.repsLead')}
      </Text>
      <Stack maw={720}>
        {removedName && (
          <Alert color="ok" role="status">
            {t('organizations.repRemoved', { name: removedName })}
          </Alert>
        )}
        <div data-testid="representatives-list">
          {org.representatives.length === 0 ? (
            <Text>{t('organizations.repsNone')}</Text>
          ) : (
            <ul className="plain-list representatives">
              {org.representatives.map((rep) => (
                <li key={rep.userId}>
                  <Group justify="space-between" gap="sm" py="xs">
                    <div>
                      <Text fw={700} component="span">
                        {rep.displayName}
                      </Text>{' '}
                      {rep.userId === user.id && (
                        <Badge color="blue" variant="light">
                          {t('organizations.repYou')}
                        </Badge>
                      )}
                      <Text size="sm">{rep.email}</Text>
                    </div>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      aria-label={t('organizations.removeRepLabel', { name: rep.displayName })}
                      onClick={() => {
                        remove.reset();
                        setTarget(rep);
                        setConfirming(true);
                      }}
                    >
                      {t('organizations.removeRep')}
                    </Button>
                  </Group>
                </li>
              ))}
            </ul>
          )}
        </div>

        {org.invitations.length > 0 && (
          <div data-testid="representative-invitations">
            <Title order={3} size="h4" mb="xs">
              {t('organizations.invitationsTitle')}
            </Title>
            <ErrorAlert error={withdraw.error} />
            <ul className="plain-list representatives">
              {org.invitations.map((invitation) => (
                <li key={invitation.id}>
                  <Group justify="space-between" gap="sm" py="xs">
                    <div>
                      <Text component="span">{invitation.email}</Text>{' '}
                      <Text size="sm">
                        {t('organizations.invitationPending', {
                          date: formatDate(invitation.expiresAt, i18n.language),
                        })}
                      </Text>
                    </div>
                    <Button
                      size="xs"
                      variant="outline"
                      aria-label={t('organizations.withdrawInvitationLabel', { email: invitation.email })}
                      loading={withdraw.isPending && withdraw.variables === invitation.id}
                      onClick={() => withdraw.mutate(invitation.id)}
                    >
                      {t('organizations.withdrawInvitation')}
                    </Button>
                  </Group>
                </li>
              ))}
            </ul>
          </div>
        )}

        <form ref={form.formRef} onSubmit={onAdd} noValidate data-testid="add-representative-form">
          <Stack>
            <Title order={3} size="h4">
              {t('organizations.addRepTitle')}
            </Title>
            <ErrorAlert error={add.error} fields={['email']} />
            {add.isSuccess && (
              <Alert color="ok" role="status">
                {t('organizations.repInvited')}
              </Alert>
            )}
            <TextInput
              id="representative-email"
              name="email"
              type="email"
              autoComplete="off"
              label={t('organizations.repEmail')}
              description={t('organizations.repEmailHint')}
              {...form.getInputProps('email')}
              maxLength={254}
              required
            />
            <Button
              type="submit"
              variant="outline"
              loading={add.isPending}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('organizations.addRep')}
            </Button>
          </Stack>
        </form>
      </Stack>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('organizations.removeConfirmTitle')}
        withCloseButton={false}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
        onExitTransitionEnd={() => {
          // The «remove» button that opened the dialog is gone: continue from the section heading.
          if (remove.isSuccess) headingRef.current?.focus();
        }}
      >
        {target && (
          <Stack>
            <Text>
              {t('organizations.removeConfirmText', {
                name: target.displayName,
                email: target.email,
                organization: org.name,
              })}
            </Text>
            {target.userId === user.id && !isOperator(user) && (
              <Text fw={700}>{t('organizations.removeConfirmSelf')}</Text>
            )}
            <ErrorAlert error={remove.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red.9"
                data-testid="confirm-remove-representative"
                loading={remove.isPending}
                onClick={() => remove.mutate(target)}
              >
                {t('organizations.removeConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </section>
  );
}
