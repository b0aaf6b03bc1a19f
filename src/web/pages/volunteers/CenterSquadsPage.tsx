import {
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { User } from '../../api/queries';
import { CoordinatorPage } from '../../components/CoordinatorPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useContractForm } from '../../forms/useContractForm';
import { type CenterSquad, useCenterSquads, useCreateSquad } from './coordinatorQueries';
import { SQUAD_TAG_SUGGESTIONS } from './squadTags';

const FIELDS = ['name', 'focus', 'tags'] as const;

/** /centers/:id/squads — a centre's squads for its coordinators (and the operator): list and a new squad. */
export function CenterSquadsPage() {
  const { t } = useTranslation();
  const title = t('volunteers.centerSquads.title');
  return (
    <CoordinatorPage title={title}>
      {(id, user) => <CenterSquads centerId={id} user={user} title={title} />}
    </CoordinatorPage>
  );
}

function CenterSquads({ centerId, user, title }: { centerId: string; user: User; title: string }) {
  const { t } = useTranslation();
  const squads = useCenterSquads(centerId);
  // Only the centre's coordinators create squads (the operator sees the list).
  const coordinator = user.roles.some((r) => r.role === 'center_coordinator' && r.scopeId === centerId);
  if (squads.isPending) return <LoadingBlock />;
  if (squads.isError)
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <ErrorAlert error={squads.error} title={t('volunteers.centerSquads.cannotLoad')} />
      </Stack>
    );
  const items = squads.data.items;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{title}</Title>
        {items[0] && <Text>{t('volunteers.squad.center', { name: items[0].centerName })}</Text>}
        <Group gap="lg" wrap="wrap">
          <Anchor component={Link} to={`/centers/${centerId}`}>
            {t('volunteers.centerSquads.backToCenter')}
          </Anchor>
          <Anchor component={Link} to="/my/squads" data-testid="join-by-code-link">
            {t('volunteers.joinByCode.link')}
          </Anchor>
        </Group>
      </Stack>
      <SquadTable items={items} />
      {coordinator && (
        <section aria-labelledby="new-squad">
          <Title order={2} id="new-squad" mb="sm">
            {t('volunteers.centerSquads.new')}
          </Title>
          <NewSquadForm centerId={centerId} />
        </section>
      )}
    </Stack>
  );
}

function SquadTable({ items }: { items: CenterSquad[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text>{t('volunteers.centerSquads.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="center-squads">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('volunteers.centerSquads.name')}</Table.Th>
            <Table.Th scope="col">{t('volunteers.centerSquads.focus')}</Table.Th>
            <Table.Th scope="col">{t('volunteers.centerSquads.members')}</Table.Th>
            <Table.Th scope="col">{t('volunteers.centerSquads.leaders')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => {
            const requests = s.members?.filter((m) => m.status === 'requested').length ?? 0;
            return (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/squads/${s.id}`}>
                    {s.name}
                  </Anchor>
                  {s.tags.length > 0 && (
                    <Group gap={4} mt={4}>
                      {s.tags.map((tag) => (
                        <Badge key={tag} variant="light" size="sm">
                          {tag}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>{s.focus ?? '—'}</Table.Td>
                <Table.Td>
                  {s.activeMembers}
                  {requests > 0 && (
                    <Badge ml="xs" color="warn" variant="light">
                      {t('volunteers.centerSquads.requests', { count: requests })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {s.leaders.length === 0
                    ? t('volunteers.squad.noLeader')
                    : s.leaders.map((l, i) => (
                        <span key={l.userId}>
                          {i > 0 && ', '}
                          <Anchor component={Link} to={`/volunteers/${l.userId}`}>
                            {l.displayName}
                          </Anchor>
                        </span>
                      ))}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function NewSquadForm({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSquad();
  const form = useContractForm({
    initialValues: { name: '', focus: '', tags: [] as string[] },
    schema: () => import('../../../shared/contracts/volunteers').then((m) => m.CreateSquadBody),
    body: (v) => ({ centerId, name: v.name.trim(), focus: v.focus.trim() || null, tags: v.tags }),
    check: (v, t) => (v.name.trim() ? {} : { name: t('volunteers.centerSquads.nameRequired') }),
  });
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.submitWith(({ name, focus, tags }) =>
        create.mutate(
          { centerId, name: name.trim(), focus: focus.trim() || null, tags },
          {
            onSuccess: ({ squad }) => navigate(`/squads/${squad.id}`),
            onError: (error) => form.showServerErrors(error),
          },
        ),
      )}
    >
      <Stack gap="sm" maw={720}>
        <ErrorAlert error={create.error} fields={FIELDS} />
        <TextInput
          label={t('volunteers.centerSquads.name')}
          {...form.getInputProps('name')}
          required
          maxLength={120}
        />
        <Textarea
          label={t('volunteers.centerSquads.focus')}
          description={t('volunteers.centerSquads.focusHint')}
          {...form.getInputProps('focus')}
          autosize
          minRows={2}
          maxLength={300}
        />
        <TagsInput
          label={t('volunteers.centerSquads.tags')}
          description={t('volunteers.centerSquads.tagsHint')}
          data={SQUAD_TAG_SUGGESTIONS}
          {...form.getInputProps('tags')}
          maxTags={10}
          clearable
        />
        <Text size="sm">{t('volunteers.centerSquads.joinNote')}</Text>
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('volunteers.centerSquads.create')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
