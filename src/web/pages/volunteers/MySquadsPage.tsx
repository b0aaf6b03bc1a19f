import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../api/queries';
import { type MySquad, useMySquads } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { JoinByCodeForm } from './JoinByCodeForm';

/** /my/squads — «Мои отряды»: join a squad with its invitation code; the squads I am in or asked to join. */
export function MySquadsPage() {
  const { t } = useTranslation();
  const title = t('volunteers.mySquads.title');
  usePageTitle(title);
  return <RequireUser title={title}>{(user) => <MySquads user={user} title={title} />}</RequireUser>;
}

function MySquads({ user, title }: { user: User; title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{title}</Title>
      <section aria-labelledby="join-by-code">
        <Title order={2} id="join-by-code" mb="sm">
          {t('volunteers.joinByCode.title')}
        </Title>
        <JoinByCodeForm />
      </section>
      <section aria-labelledby="my-squads-list">
        <Title order={2} id="my-squads-list" mb="sm">
          {t('volunteers.mySquads.listTitle')}
        </Title>
        <MySquadList userId={user.id} />
      </section>
    </Stack>
  );
}

function MySquadList({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const squads = useMySquads();
  if (squads.isPending) return <LoadingBlock />;
  if (squads.isError) return <ErrorAlert error={squads.error} title={t('volunteers.mySquads.cannotLoad')} />;
  const items = squads.data.items;
  if (items.length === 0)
    return (
      <Text>
        {t('volunteers.mySquads.none')}{' '}
        <Anchor component={Link} to="/centers">
          {t('volunteers.mySquads.findCenter')}
        </Anchor>
      </Text>
    );
  return (
    <List listStyleType="none" spacing="sm" data-testid="my-squads">
      {items.map((s) => (
        <List.Item key={s.id}>
          <SquadLine squad={s} leader={s.leaders.some((l) => l.userId === userId)} />
        </List.Item>
      ))}
    </List>
  );
}

function SquadLine({ squad, leader }: { squad: MySquad; leader: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/squads/${squad.id}`} fw={600}>
          {squad.name}
        </Anchor>
        {squad.myStatus === 'requested' && (
          <Badge variant="light" color="warn">
            {t('volunteers.mySquads.requested')}
          </Badge>
        )}
        {squad.myStatus === 'active' && (
          <Badge variant="light" color="gray">
            {t('volunteers.mySquads.member')}
          </Badge>
        )}
        {leader && <Badge variant="outline">{t('volunteers.squad.leader')}</Badge>}
        {squad.myLeaderInvitation && (
          <Badge variant="filled" color="blue">
            {t('volunteers.mySquads.invitedToLead')}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {t('volunteers.squad.center', { name: squad.centerName })} ·{' '}
        {t('volunteers.squad.members', { count: squad.activeMembers })}
      </Text>
      {squad.myLeaderInvitation && (
        <Anchor component={Link} to={`/squads/${squad.id}`} size="sm">
          {t('volunteers.mySquads.answerInvitation', { name: squad.name })}
        </Anchor>
      )}
    </Stack>
  );
}
