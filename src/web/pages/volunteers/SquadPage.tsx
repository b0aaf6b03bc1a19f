import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Squad, useSquad, useSquadAction } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';

/** /squads/:id — a squad: focus, tags, leaders; join by request; the leader approves and removes members. */
export function SquadPage() {
  const { t } = useTranslation();
  const title = t('volunteers.squad.title');
  usePageTitle(title);
  const { id = '' } = useParams();
  return <RequireUser title={title}>{() => <SquadLoader id={id} title={title} />}</RequireUser>;
}

function SquadLoader({ id, title }: { id: string; title: string }) {
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
  return <SquadView squad={squad.data.squad} />;
}

function SquadView({ squad }: { squad: Squad }) {
  const { t } = useTranslation();
  usePageTitle(squad.name);
  const action = useSquadAction(squad.id);
  const status =
    squad.myStatus === 'requested' || squad.myStatus === 'active' || squad.myStatus === 'removed'
      ? squad.myStatus
      : null;
  return (
    <Stack gap="md" maw={820}>
      <Title order={1}>{squad.name}</Title>
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
      <Text>
        {squad.leaders.length
          ? t('volunteers.squad.leaders', { names: squad.leaders.map((l) => l.displayName).join(', ') })
          : t('volunteers.squad.noLeader')}
      </Text>
      <ErrorAlert error={action.error} />
      {status && <Text role="status">{t(`volunteers.squad.status.${status}`)}</Text>}
      {(status === null || status === 'removed') && (
        <Group>
          <Button loading={action.isPending} onClick={() => action.mutate({ kind: 'join' })}>
            {t('volunteers.squad.join')}
          </Button>
        </Group>
      )}
      {squad.canManage && squad.inviteCode && (
        <Text fw={700}>{t('volunteers.squad.inviteCode', { code: squad.inviteCode })}</Text>
      )}
      {squad.members && (
        <section aria-labelledby="squad-members">
          <Title order={2} id="squad-members" mb="sm">
            {t('volunteers.squad.membersTitle')}
          </Title>
          <List listStyleType="none" spacing="xs">
            {squad.members.map((m) => (
              <List.Item key={m.userId}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/volunteers/${m.userId}`}>
                    {m.displayName}
                  </Anchor>
                  <Badge variant="light" color={m.status === 'requested' ? 'warn' : 'gray'}>
                    {t(`volunteers.squad.memberStatus.${m.status}`)}
                  </Badge>
                  {m.isLeader && <Badge variant="outline">{t('volunteers.squad.leader')}</Badge>}
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
      )}
    </Stack>
  );
}
