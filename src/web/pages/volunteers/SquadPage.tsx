import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { User } from '../../api/queries';
import { type Squad, useSquad, useSquadAction } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import type { JoinedState } from './JoinByCodeForm';
import { SquadLeaders } from './SquadLeaders';
import { SquadMembership } from './SquadMembership';
import { SquadSettings } from './SquadSettings';

/**
 * /squads/:id — a squad: focus, tags, leaders; the viewer joins by request or leaves; its leaders and the
 * centre's coordinators edit it, renew the invitation code, approve and remove members; the centre's
 * coordinators name leaders.
 */
export function SquadPage() {
  const { t } = useTranslation();
  const title = t('volunteers.squad.title');
  usePageTitle(title);
  const { id = '' } = useParams();
  return (
    <RequireUser title={title}>{(user) => <SquadLoader id={id} title={title} user={user} />}</RequireUser>
  );
}

function SquadLoader({ id, title, user }: { id: string; title: string; user: User }) {
  const { t } = useTranslation();
  const squad = useSquad(id);
  if (squad.isPending) return <LoadingBlock />;
  if (squad.isError) {
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <ErrorAlert error={squad.error} title={t('volunteers.squad.cannotLoad')} />
      </Stack>
    );
  }
  return <SquadView squad={squad.data.squad} user={user} />;
}

function SquadView({ squad, user }: { squad: Squad; user: User }) {
  const { t } = useTranslation();
  usePageTitle(squad.name);
  const joined = (useLocation().state as JoinedState | null)?.joined;
  // Naming a leader belongs to the centre's coordinators (the server's canAssignSquadLeader).
  const coordinator = user.roles.some((r) => r.role === 'center_coordinator' && r.scopeId === squad.centerId);
  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{squad.name}</Title>
      <SquadMembership squad={squad} userId={user.id} joined={joined} />
      <Stack component="section" gap="xs" aria-labelledby="squad-about">
        <Title order={2} id="squad-about">
          {t('volunteers.squad.about')}
        </Title>
        <Text>{t('volunteers.squad.center', { name: squad.centerName })}</Text>
        {squad.focus && <Text>{t('volunteers.squad.focus', { focus: squad.focus })}</Text>}
        {squad.tags.length > 0 && (
          <Group gap="xs">
            {squad.tags.map((tag) => (
              <Badge key={tag} variant="light">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        <Text>{t('volunteers.squad.members', { count: squad.activeMembers })}</Text>
        <Text data-testid="squad-leaders">
          {squad.leaders.length
            ? t('volunteers.squad.leaders', {
                count: squad.leaders.length,
                names: squad.leaders.map((l) => l.displayName).join(', '),
              })
            : t('volunteers.squad.noLeader')}
        </Text>
        <Anchor component={Link} to={`/centers/${squad.centerId}/squads`}>
          {t('volunteers.squad.centerSquads')}
        </Anchor>
      </Stack>
      {squad.canManage && <SquadSettings squad={squad} />}
      {squad.members && <SquadMembers squad={squad} members={squad.members} />}
      {coordinator && squad.members && <SquadLeaders squad={squad} members={squad.members} />}
    </Stack>
  );
}

type Member = NonNullable<Squad['members']>[number];

/** Requests and members for those who manage the squad: approve a request, remove a member. */
function SquadMembers({ squad, members }: { squad: Squad; members: Member[] }) {
  const { t } = useTranslation();
  const action = useSquadAction(squad.id);
  return (
    <section aria-labelledby="squad-members">
      <Title order={2} id="squad-members" mb="sm">
        {t('volunteers.squad.membersTitle')}
      </Title>
      <ErrorAlert error={action.error} />
      <List listStyleType="none" spacing="xs" data-testid="squad-members">
        {members.map((m) => (
          <List.Item key={m.userId}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/volunteers/${m.userId}`}>
                {m.displayName}
              </Anchor>
              <Badge variant="light" color={m.status === 'requested' ? 'warn' : 'gray'}>
                {t(`volunteers.squad.memberStatus.${m.status}`)}
              </Badge>
              {m.isLeader && <Badge variant="outline">{t('volunteers.squad.leader')}</Badge>}
              {m.invitedToLead && (
                <Badge variant="outline" color="gray">
                  {t('volunteers.squad.invitedToLead')}
                </Badge>
              )}
              {m.status === 'requested' && (
                <Button
                  size="xs"
                  onClick={() => action.mutate({ kind: 'decide', userId: m.userId, action: 'approve' })}
                >
                  {t('volunteers.squad.approve', { name: m.displayName })}
                </Button>
              )}
              {!m.isLeader && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => action.mutate({ kind: 'decide', userId: m.userId, action: 'remove' })}
                >
                  {t('volunteers.squad.remove', { name: m.displayName })}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
