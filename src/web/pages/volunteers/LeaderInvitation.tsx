import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queries';
import { type Squad, useAnswerLeadership } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * The invitee's side of an invitation to lead the squad: accept (become a leader, and a member if not
 * yet) or decline. Shown while the invitation is pending, and the answer's result after it.
 */
export function LeaderInvitation({ squad }: { squad: Squad }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const answer = useAnswerLeadership(squad.id);
  const done = answer.isSuccess ? answer.variables : null;
  if (!squad.myLeaderInvitation && !done) return null;
  return (
    <div aria-live="polite">
      {done ? (
        <Alert color="ok" data-testid="leader-invitation-answered">
          {done === 'accept'
            ? t('volunteers.leaderInvitation.accepted', { name: squad.name })
            : t('volunteers.leaderInvitation.declined')}
        </Alert>
      ) : (
        <Alert color="blue" data-testid="leader-invitation">
          <Stack gap="sm">
            <Text size="sm" fw={500}>
              {squad.myStatus === 'active'
                ? t('volunteers.leaderInvitation.text')
                : t('volunteers.leaderInvitation.textNotMember')}
            </Text>
            <ErrorAlert error={answer.error} />
            <Group gap="sm">
              <Button
                loading={answer.isPending && answer.variables === 'accept'}
                onClick={() =>
                  // The new role shows in the signed-in user's grants (/api/me) too.
                  answer.mutate('accept', {
                    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
                  })
                }
              >
                {t('volunteers.leaderInvitation.accept')}
              </Button>
              <Button
                variant="default"
                loading={answer.isPending && answer.variables === 'decline'}
                onClick={() => answer.mutate('decline')}
              >
                {t('volunteers.leaderInvitation.decline')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </div>
  );
}
