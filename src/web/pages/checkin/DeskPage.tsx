import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Desk,
  type DeskAction,
  type DeskEntry,
  useDesk,
  useDeskAction,
} from '../../api/checkin-queries';
import { CoordinatorPage } from '../../components/CoordinatorPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatHours, formatTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { StatusBadge } from '../signups/status';
import { DeskInvitations, WalkUpForm } from './WalkUpForm';
import { WalkIns } from './WalkUps';

/** /shifts/:id/desk: the coordinator's check-in desk — find people, mark them, add walk-ups. */
export function DeskPage() {
  const { t } = useTranslation();
  return (
    <CoordinatorPage title={t('checkin.desk.title')}>{(id) => <DeskView shiftId={id} />}</CoordinatorPage>
  );
}

function DeskView({ shiftId }: { shiftId: string }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const desk = useDesk(shiftId, q);
  const [announce, setAnnounce] = useState('');
  const data = desk.data;
  return (
    <Stack gap="lg" data-testid="checkin-desk-page">
      <Title order={1}>{t('checkin.desk.title')}</Title>
      <ErrorAlert error={desk.error} title={t('errors.loadFailed')} />
      {desk.isPending && <LoadingBlock />}
      {data && (
        <>
          <Stack gap={4}>
            <Text fw={700}>{data.shift.title}</Text>
            <Text size="sm">
              {t('checkin.when', {
                from: formatDateTime(data.shift.startsAt, i18n.language),
                to: formatDateTime(data.shift.endsAt, i18n.language),
              })}{' '}
              · {data.shift.center.name}
            </Text>
            <Group gap="md">
              <Link to={`/shifts/${shiftId}/qr`}>{t('checkin.links.qr')}</Link>
              <Link to={`/shifts/${shiftId}/roster`}>{t('checkin.links.roster')}</Link>
            </Group>
          </Stack>
          <Counts counts={data.counts} />
          <Text role="status" aria-live="polite" data-testid="desk-announce">
            {announce}
          </Text>
          <TextInput
            type="search"
            label={t('checkin.desk.search')}
            description={t('checkin.desk.searchHint')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ maxWidth: '28rem' }}
          />
          <Entries entries={data.entries} onDone={setAnnounce} />
          <WalkIns walkIns={data.walkIns} onDone={setAnnounce} />
          <DeskInvitations items={data.invitations} />
          <WalkUpForm shiftId={shiftId} roles={data.roles} onDone={setAnnounce} />
        </>
      )}
    </Stack>
  );
}

function Counts({ counts }: { counts: Desk['counts'] }) {
  const { t } = useTranslation();
  const items = [
    ['expected', counts.expected],
    ['arrived', counts.arrived],
    ['noShow', counts.noShow],
    ['free', counts.free],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" data-testid="desk-counts" m={0}>
      {items.map(([key, value]) => (
        <Paper key={key} withBorder p="sm" data-count={key}>
          <Text component="dt" size="sm">
            {t(`checkin.desk.counts.${key}`)}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700}>
            {value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Entries({ entries, onDone }: { entries: DeskEntry[]; onDone(text: string): void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const act = useDeskAction();
  if (entries.length === 0) return <Text>{t('checkin.desk.empty')}</Text>;
  const run = (e: DeskEntry, action: DeskAction) =>
    act.mutate(
      { id: e.id, action },
      { onSuccess: () => onDone(t(`checkin.desk.done.${action}`, { name: e.user.displayName })) },
    );
  const button = (
    e: DeskEntry,
    action: DeskAction,
    variant: 'filled' | 'default' | 'outline' = 'default',
  ) => (
    <Button
      size="compact-sm"
      variant={variant}
      onClick={() => run(e, action)}
      aria-label={`${t(`checkin.desk.action.${action}`)}: ${e.user.displayName}`}
    >
      {t(`checkin.desk.action.${action}`)}
    </Button>
  );
  return (
    <Stack gap="xs">
      <ErrorAlert error={act.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="desk-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('checkin.desk.name')}</Table.Th>
              <Table.Th scope="col">{t('checkin.desk.status')}</Table.Th>
              <Table.Th scope="col">{t('checkin.desk.in')}</Table.Th>
              <Table.Th scope="col">{t('checkin.desk.out')}</Table.Th>
              <Table.Th scope="col">{t('checkin.desk.hours')}</Table.Th>
              <Table.Th scope="col">{t('checkin.desk.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => {
              const inside = e.status === 'attended' && !!e.checkedInAt;
              return (
                <Table.Tr key={e.id} data-status={e.status} data-testid="desk-entry">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {e.user.displayName}
                    </Text>
                    <Text size="xs">
                      {e.user.email}
                      {e.role ? ` · ${e.role.name}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={e.status} />
                  </Table.Td>
                  <Table.Td>
                    {e.checkedInAt ? formatTime(e.checkedInAt, lng) : '—'}
                    {e.method && <Text size="xs">{t(`checkin.desk.method.${e.method}`)}</Text>}
                  </Table.Td>
                  <Table.Td>{e.checkedOutAt ? formatTime(e.checkedOutAt, lng) : '—'}</Table.Td>
                  <Table.Td>{e.hours === null ? '—' : formatHours(e.hours, lng)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      {(e.status === 'confirmed' ||
                        e.status === 'no_show' ||
                        (e.status === 'attended' && !e.checkedInAt)) &&
                        button(e, 'check_in', 'filled')}
                      {inside && !e.checkedOutAt && button(e, 'check_out', 'filled')}
                      {(e.status === 'confirmed' || (e.status === 'attended' && !e.checkedInAt)) &&
                        button(e, 'no_show')}
                      {(e.status === 'attended' || e.status === 'no_show') && button(e, 'undo', 'outline')}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
