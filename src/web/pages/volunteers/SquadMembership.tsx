import { Alert, Anchor, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Squad, useLeaveSquad, useSquadAction } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { JoinedState } from './JoinByCodeForm';
import { LeaderInvitation } from './LeaderInvitation';

type Status = 'requested' | 'active' | 'removed' | null;
const statusOf = (squad: Squad): Status =>
  squad.myStatus === 'requested' || squad.myStatus === 'active' || squad.myStatus === 'removed'
    ? squad.myStatus
    : null;

/**
 * The viewer's own place in the squad: where they stand, asking to join (or a link to join with a code —
 * not for someone a leader or coordinator removed: they come back only by request), and leaving or
 * withdrawing a request after a confirmation. A leader may leave too: the server takes
 * the leader role away with the membership, so the dialog says so (and that a coordinator names a new
 * leader when no other is left).
 */
export function SquadMembership(props: {
  squad: Squad;
  userId: string;
  /** Set when the viewer arrives from the join-by-code form. */
  joined?: JoinedState['joined'];
}) {
  const { squad, userId } = props;
  const { t } = useTranslation();
  const status = statusOf(squad);
  const join = useSquadAction(squad.id);
  const leave = useLeaveSquad(squad.id);
  const [confirming, setConfirming] = useState(false);
  const outside = status === null || status === 'removed';
  // removed by a leader or coordinator: the code no longer admits them, a request does
  const byRequestOnly = squad.myRejoinNeedsApproval && status === 'removed';
  return (
    <section aria-labelledby="squad-membership">
      <Title order={2} id="squad-membership" mb="sm">
        {t('volunteers.membership.title')}
      </Title>
      <Stack gap="sm">
        <LeaderInvitation squad={squad} />
        <ErrorAlert error={join.error ?? leave.error} />
        <div aria-live="polite">
          {outside && leave.isSuccess ? (
            <Alert color="ok" data-testid="squad-left">
              {leave.variables === 'request'
                ? t('volunteers.membership.requestWithdrawn')
                : t('volunteers.membership.left', { name: squad.name })}
            </Alert>
          ) : props.joined && status === 'active' && !leave.isSuccess ? (
            <Text fw={700} c="ok.8" data-testid="squad-joined">
              {props.joined === 'already'
                ? t('volunteers.joinByCode.already', { name: squad.name })
                : t('volunteers.joinByCode.joined', { name: squad.name })}
            </Text>
          ) : (
            status && (
              <Text data-testid="squad-my-status">
                {byRequestOnly
                  ? t('volunteers.membership.removedByManager')
                  : t(`volunteers.squad.status.${status}`)}
              </Text>
            )
          )}
        </div>
        {outside ? (
          // An invitee outside the squad answers the invitation above (accepting also makes them a member).
          !squad.myLeaderInvitation && (
            <Group gap="sm" wrap="wrap">
              <Button loading={join.isPending} onClick={() => join.mutate({ kind: 'join' })}>
                {t('volunteers.squad.join')}
              </Button>
              {!byRequestOnly && (
                <Anchor component={Link} to="/my/squads">
                  {t('volunteers.membership.haveCode')}
                </Anchor>
              )}
            </Group>
          )
        ) : (
          <div>
            <Button variant="default" color="red.9" onClick={() => setConfirming(true)}>
              {status === 'requested'
                ? t('volunteers.membership.withdraw')
                : t('volunteers.membership.leave')}
            </Button>
          </div>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        closeButtonProps={{ 'aria-label': t('volunteers.membership.close') }}
        title={
          status === 'requested'
            ? t('volunteers.membership.withdrawTitle')
            : t('volunteers.membership.leaveTitle', { name: squad.name })
        }
      >
        <LeaveDialog
          squad={squad}
          userId={userId}
          requested={status === 'requested'}
          pending={leave.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            leave.mutate(status === 'requested' ? 'request' : 'membership', {
              onSettled: () => setConfirming(false),
            })
          }
        />
      </Modal>
    </section>
  );
}

function LeaveDialog(props: {
  squad: Squad;
  userId: string;
  requested: boolean;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const leader = props.squad.leaders.some((l) => l.userId === props.userId);
  const lastLeader = leader && props.squad.leaders.length === 1;
  return (
    <Stack>
      {props.requested ? (
        <Text>{t('volunteers.membership.withdrawText')}</Text>
      ) : (
        <>
          <Text>{t('volunteers.membership.leaveText')}</Text>
          {leader && (
            <Text fw={600} data-testid="leave-leader-note">
              {lastLeader
                ? t('volunteers.membership.leaveLastLeader')
                : t('volunteers.membership.leaveLeader')}
            </Text>
          )}
        </>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={props.onCancel}>
          {t('volunteers.membership.stay')}
        </Button>
        <Button color="red.9" loading={props.pending} onClick={props.onConfirm}>
          {props.requested ? t('volunteers.membership.withdraw') : t('volunteers.membership.leave')}
        </Button>
      </Group>
    </Stack>
  );
}
