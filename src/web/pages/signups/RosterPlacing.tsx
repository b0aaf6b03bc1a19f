import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Invitation,
  type Roster,
  useAssign,
  useInvite,
  useWithdrawInvitation,
} from '../../api/signups-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';
import { CandidatePicker } from './CandidatePicker';

/** Puts one of the centre's own people straight on the shift (found by name or e-mail). */
export function AssignForm({ shiftId }: { shiftId: string }) {
  const { t } = useTranslation();
  const assign = useAssign();
  const [done, setDone] = useState<string | null>(null);
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      style={{ flex: '1 1 18rem' }}
      aria-labelledby="assign-heading"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="assign-heading">
          {t('signups.roster.assignTitle')}
        </Title>
        <Text size="sm">{t('signups.roster.assignHint')}</Text>
        <ErrorAlert error={assign.error} fields={['userId']} />
        {done && <Text role="status">{t('signups.roster.assigned', { name: done })}</Text>}
        <CandidatePicker
          shiftId={shiftId}
          pending={assign.isPending}
          actionLabel={(name) => t('signups.roster.assignTo', { name })}
          onPick={(c) =>
            assign.mutate({ shiftId, userId: c.id }, { onSuccess: () => setDone(c.displayName) })
          }
        />
      </Stack>
    </Paper>
  );
}

/** Invites anyone by e-mail; they accept in their own account (the answer never says if they have one). */
export function InviteForm({ shiftId }: { shiftId: string }) {
  const { t } = useTranslation();
  const invite = useInvite();
  const form = useContractForm({
    initialValues: { email: '' },
    schema: () => import('../../../shared/contracts/signups').then((m) => m.InviteBody),
    body: (v) => ({ email: v.email.trim() }),
  });
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      style={{ flex: '1 1 18rem' }}
      aria-labelledby="invite-heading"
    >
      <form
        ref={form.formRef}
        noValidate
        onSubmit={form.submitWith(({ email }) =>
          invite.mutate(
            { shiftId, email: email.trim() },
            { onSuccess: () => form.reset(), onError: (error) => form.showServerErrors(error) },
          ),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="invite-heading">
            {t('signups.roster.inviteTitle')}
          </Title>
          <Text size="sm">{t('signups.roster.inviteHint')}</Text>
          <ErrorAlert error={invite.error} fields={['email']} />
          {invite.data && (
            <Text role="status">{t('signups.roster.invited', { email: invite.data.invitation.email })}</Text>
          )}
          <TextInput
            type="email"
            label={t('signups.roster.inviteEmail')}
            required
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <Button type="submit" loading={invite.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('signups.roster.invite')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** Open invitations (no answer yet, as far as the coordinator can tell), each with Withdraw. */
export function Invitations({ items }: { items: Invitation[] }) {
  const { t, i18n } = useTranslation();
  const withdraw = useWithdrawInvitation();
  if (items.length === 0) return null;
  return (
    <Stack
      component="section"
      gap="xs"
      aria-labelledby="invitations-heading"
      data-testid="roster-invitations"
    >
      <Title order={2} size="h3" id="invitations-heading">
        {t('signups.roster.invitationsTitle')}
      </Title>
      <ErrorAlert error={withdraw.error} />
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((i) => (
          <Group component="li" key={i.id} gap="sm" wrap="wrap">
            <Text>
              {t('signups.roster.invitationLine', {
                email: i.email,
                when: formatDateTime(i.createdAt, i18n.language),
              })}
              {i.role ? ` · ${i.role.name}` : ''}
            </Text>
            <Button
              size="compact-sm"
              variant="default"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate(i.id)}
              aria-label={t('signups.roster.withdrawLabel', { email: i.email })}
            >
              {t('signups.roster.withdraw')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

/** People who came without an account (added at the check-in desk): they hold places too. */
export function WalkIns({ items }: { items: Roster['walkIns'] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Stack component="section" gap="xs" aria-labelledby="walk-ins-heading">
      <Title order={2} size="h3" id="walk-ins-heading">
        {t('signups.roster.walkInsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table striped data-testid="roster-walk-ins">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('signups.roster.name')}</Table.Th>
              <Table.Th scope="col">{t('signups.roster.walkInContact')}</Table.Th>
              <Table.Th scope="col">{t('signups.roster.role')}</Table.Th>
              <Table.Th scope="col">{t('signups.roster.walkInCame')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>{w.fullName}</Table.Td>
                <Table.Td>{w.contact ?? '—'}</Table.Td>
                <Table.Td>{w.role?.name ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(w.checkedInAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
