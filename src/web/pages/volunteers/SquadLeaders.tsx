import { Alert, Button, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Squad, useInviteSquadLeader, useWithdrawLeaderInvitation } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';

type Member = NonNullable<Squad['members']>[number];

/**
 * For the centre's coordinators: invite one of the squad's active members to lead it, and see or take back
 * the invitations nobody has answered yet. The server makes nobody a leader without their consent: the
 * invitee accepts on the squad's page (or «Мои отряды»).
 */
export function SquadLeaders({ squad, members }: { squad: Squad; members: Member[] }) {
  const { t, i18n } = useTranslation();
  const invite = useInviteSquadLeader(squad.id);
  const withdraw = useWithdrawLeaderInvitation(squad.id);
  const form = useContractForm({
    initialValues: { userId: '' },
    schema: () => import('../../../shared/contracts/volunteers').then((m) => m.AssignLeaderBody),
    messages: (t) => ({ userId: t('volunteers.leaders.pickRequired') }),
  });
  const candidates = members.filter((m) => m.status === 'active' && !m.isLeader && !m.invitedToLead);
  const pending = squad.leaderInvitations ?? [];
  const [invited, setInvited] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);

  const submit = form.submitWith(({ userId }) => {
    const name = candidates.find((m) => m.userId === userId)?.displayName ?? '';
    invite.mutate(userId, {
      onSuccess: () => {
        setInvited(name);
        form.reset();
      },
      onError: (error) => form.showServerErrors(error),
    });
  });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    setInvited(null);
    setWithdrawn(null);
    submit(event);
  };
  const nameOf = (i: (typeof pending)[number]) => i.displayName ?? t('volunteers.leaders.notMember');

  return (
    <section aria-labelledby="squad-leaders-title">
      <Title order={2} id="squad-leaders-title" mb="sm">
        {t('volunteers.leaders.title')}
      </Title>
      <Stack gap="sm" maw={720}>
        <Text>{t('volunteers.leaders.lead')}</Text>
        <div aria-live="polite">
          {invited && (
            <Alert color="ok" data-testid="squad-leader-invited">
              {t('volunteers.leaders.invited', { name: invited })}
            </Alert>
          )}
          {withdrawn && (
            <Alert color="ok" data-testid="squad-leader-withdrawn">
              {t('volunteers.leaders.withdrawn', { name: withdrawn })}
            </Alert>
          )}
        </div>
        {pending.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('volunteers.leaders.pendingTitle')}
            </Title>
            <ErrorAlert error={withdraw.error} />
            <List listStyleType="none" spacing="xs" data-testid="squad-leader-invitations">
              {pending.map((i) => (
                <List.Item key={i.userId}>
                  <Group gap="sm" wrap="wrap">
                    <Text>
                      {t('volunteers.leaders.pending', {
                        name: nameOf(i),
                        date: formatDate(i.invitedAt, i18n.language),
                      })}
                    </Text>
                    <Button
                      size="xs"
                      variant="default"
                      loading={withdraw.isPending && withdraw.variables === i.userId}
                      onClick={() => {
                        setInvited(null);
                        withdraw.mutate(i.userId, { onSuccess: () => setWithdrawn(nameOf(i)) });
                      }}
                    >
                      {t('volunteers.leaders.withdraw', { name: nameOf(i) })}
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        {candidates.length === 0 ? (
          <Text size="sm">{t('volunteers.leaders.noCandidates')}</Text>
        ) : (
          <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="squad-leader-form">
            <Stack gap="sm">
              <ErrorAlert error={invite.error} fields={['userId']} />
              <NativeSelect
                label={t('volunteers.leaders.pick')}
                {...form.getInputProps('userId')}
                data={[
                  { value: '', label: t('volunteers.leaders.pickPlaceholder') },
                  ...candidates.map((m) => ({ value: m.userId, label: m.displayName })),
                ]}
                required
                maw={420}
              />
              <div>
                <Button type="submit" loading={invite.isPending}>
                  {t('volunteers.leaders.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
      </Stack>
    </section>
  );
}
