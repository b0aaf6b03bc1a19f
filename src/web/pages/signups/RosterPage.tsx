import { Anchor, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type RosterEntry,
  rosterExportUrl,
  useApprove,
  useAttendance,
  useCancelSignup,
  useDecline,
  useMessageShift,
  useRoster,
} from '../../api/signups-queries';
import { CoordinatorPage } from '../../components/CoordinatorPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useContractForm } from '../../forms/useContractForm';
import { ReasonModal } from './ReasonModal';
import { AssignForm, Invitations, InviteForm, WalkIns } from './RosterPlacing';
import { StatusBadge, useReasonText } from './status';

/**
 * /shifts/:id/roster: the coordinator's roster — decide, see walk-ins and open invitations, assign the
 * centre's own people, invite anyone by e-mail, message everyone, export.
 */
export function RosterPage() {
  const { t } = useTranslation();
  return (
    <CoordinatorPage title={t('signups.roster.title')}>{(id) => <Roster shiftId={id} />}</CoordinatorPage>
  );
}

function Roster({ shiftId }: { shiftId: string }) {
  const { t, i18n } = useTranslation();
  const roster = useRoster(shiftId);
  const data = roster.data;
  return (
    <Stack gap="lg" data-testid="roster-page">
      <Title order={1}>{t('signups.roster.title')}</Title>
      <ErrorAlert error={roster.error} title={t('errors.loadFailed')} />
      {roster.isPending && <LoadingBlock />}
      {data && (
        <>
          <Stack gap={4}>
            <Text data-testid="roster-summary">
              {t('signups.roster.lead', {
                title: data.shift.title,
                when: formatDateTime(data.shift.startsAt, i18n.language),
                held: data.shift.held,
                capacity: data.shift.capacity,
              })}
            </Text>
            <Text size="sm">{t(`signups.roster.mode.${data.shift.signupMode}`)}</Text>
            {data.roles.length > 0 && (
              <Text size="sm">
                {t('signups.roster.roles')}:{' '}
                {data.roles.map((r) => t('signups.roster.roleLine', r)).join('; ')}
              </Text>
            )}
            <Group gap="md">
              <Anchor component={Link} to={`/shifts/${shiftId}/desk`}>
                {t('checkin.links.desk')}
              </Anchor>
              <Anchor component={Link} to={`/shifts/${shiftId}/qr`}>
                {t('checkin.links.qr')}
              </Anchor>
            </Group>
          </Stack>
          <Entries entries={data.entries} started={Date.parse(data.shift.startsAt) <= Date.now()} />
          <WalkIns items={data.walkIns} />
          <Invitations items={data.invitations} />
          <Group align="flex-start" gap="lg" wrap="wrap">
            <AssignForm shiftId={shiftId} />
            <InviteForm shiftId={shiftId} />
            <MessageForm shiftId={shiftId} />
          </Group>
          <Stack component="section" gap="xs" aria-labelledby="export-heading">
            <Title order={2} id="export-heading">
              {t('signups.roster.exportTitle')}
            </Title>
            <Group gap="md">
              <Anchor href={rosterExportUrl(shiftId, 'csv')} download>
                {t('signups.roster.exportCsv')}
              </Anchor>
              <Anchor href={rosterExportUrl(shiftId, 'xlsx')} download>
                {t('signups.roster.exportXlsx')}
              </Anchor>
              <Anchor href={rosterExportUrl(shiftId, 'pdf')} download>
                {t('signups.roster.exportPdf')}
              </Anchor>
            </Group>
          </Stack>
        </>
      )}
    </Stack>
  );
}

/** `started`: attendance can be marked (the server refuses it before the shift starts). */
function Entries({ entries, started }: { entries: RosterEntry[]; started: boolean }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const approve = useApprove();
  const attendance = useAttendance();
  const decline = useDecline();
  const cancel = useCancelSignup();
  const [asking, setAsking] = useState<{ entry: RosterEntry; kind: 'decline' | 'cancel' } | null>(null);
  if (entries.length === 0) return <Text>{t('signups.roster.empty')}</Text>;
  const mutation = asking?.kind === 'decline' ? decline : cancel;
  return (
    <>
      <ErrorAlert error={approve.error ?? attendance.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="roster-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('signups.roster.name')}</Table.Th>
              <Table.Th scope="col">{t('signups.roster.email')}</Table.Th>
              <Table.Th scope="col">{t('signups.roster.role')}</Table.Th>
              <Table.Th scope="col">{t('signups.roster.status')}</Table.Th>
              <Table.Th scope="col">{t('signups.roster.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id} data-status={e.status}>
                <Table.Td>
                  <Anchor component={Link} to={`/volunteers/${e.user.id}`}>
                    {e.user.displayName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{e.user.email}</Table.Td>
                <Table.Td>{e.role?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <StatusBadge status={e.status} />
                    {e.reason && <Text size="xs">{reasonText(e.reason)}</Text>}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="wrap">
                    {e.status === 'applied' && (
                      <Button
                        size="compact-sm"
                        onClick={() => approve.mutate(e.id)}
                        aria-label={`${t('signups.roster.approve')}: ${e.user.displayName}`}
                      >
                        {t('signups.roster.approve')}
                      </Button>
                    )}
                    {(e.status === 'applied' || e.status === 'waitlisted') && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setAsking({ entry: e, kind: 'decline' })}
                      >
                        {t('signups.roster.decline')}
                      </Button>
                    )}
                    {(e.status === 'confirmed' || e.status === 'offered') && (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="red.8"
                        onClick={() => setAsking({ entry: e, kind: 'cancel' })}
                      >
                        {t('signups.roster.cancel')}
                      </Button>
                    )}
                    {started &&
                      (e.status === 'confirmed' || e.status === 'attended' || e.status === 'no_show') && (
                        <>
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => attendance.mutate({ id: e.id, status: 'attended' })}
                          >
                            {t('signups.roster.attended')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => attendance.mutate({ id: e.id, status: 'no_show' })}
                          >
                            {t('signups.roster.noShow')}
                          </Button>
                        </>
                      )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {asking && (
        <ReasonModal
          opened
          title={t(asking.kind === 'decline' ? 'signups.roster.declineTitle' : 'signups.roster.cancelTitle', {
            name: asking.entry.user.displayName,
          })}
          submitLabel={t(asking.kind === 'decline' ? 'signups.roster.decline' : 'signups.roster.cancel')}
          pending={mutation.isPending}
          error={mutation.error}
          onClose={() => setAsking(null)}
          onSubmit={(reason) =>
            mutation.mutate({ id: asking.entry.id, reason }, { onSuccess: () => setAsking(null) })
          }
        />
      )}
    </>
  );
}

function MessageForm({ shiftId }: { shiftId: string }) {
  const { t } = useTranslation();
  const send = useMessageShift();
  const form = useContractForm({
    initialValues: { text: '' },
    schema: () => import('../../../shared/contracts/signups').then((m) => m.MessageBody),
    body: (v) => ({ text: v.text.trim() }),
  });
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      style={{ flex: '1 1 18rem' }}
      aria-labelledby="message-heading"
    >
      <form
        ref={form.formRef}
        noValidate
        onSubmit={form.submitWith(({ text }) =>
          send.mutate(
            { shiftId, text: text.trim() },
            { onSuccess: () => form.reset(), onError: (error) => form.showServerErrors(error) },
          ),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="message-heading">
            {t('signups.roster.messageTitle')}
          </Title>
          <ErrorAlert error={send.error} fields={['text']} />
          {send.data && (
            <Text role="status">{t('signups.roster.messageSent', { count: send.data.recipients })}</Text>
          )}
          <Textarea
            label={t('signups.roster.messageText')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('text')}
          />
          <Button type="submit" loading={send.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('signups.roster.messageSend')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
