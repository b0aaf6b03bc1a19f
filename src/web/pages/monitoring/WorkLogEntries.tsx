import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkLogData, WorkLogEntry } from '../../api/monitoring-queries';
import { formatDate, formatDateTime, formatNumber } from '../../components/format';
import { CorrectDialog, HistoryDialog, RemoveDialog } from './EntryDialogs';
import { kindLabel } from './vocabulary';

/** Entries shown before «show all» (a busy centre logs hundreds a year). */
const PAGE = 50;

type Dialog = { kind: 'correct' | 'remove' | 'history'; entry: WorkLogEntry } | null;

/** The entries of the filtered period: what, when, how many, who entered it; correct, remove, history. */
export function WorkLogEntries({ data, busy }: { data: WorkLogData; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const titleId = useId();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const items = showAll ? data.items : data.items.slice(0, PAGE);
  const unknown = t('monitoring.workLog.unknownPerson');
  const close = () => setDialog(null);

  return (
    <section aria-labelledby={titleId} aria-busy={busy || undefined}>
      <Title order={2} size="h3" id={titleId} mb="xs">
        {t('monitoring.workLog.entriesTitle')}
      </Title>
      <Text role="status" mb="sm" data-testid="work-log-count">
        {notice ? `${notice} ` : ''}
        {data.items.length === 0
          ? t('monitoring.workLog.empty')
          : t('monitoring.workLog.shown', { count: data.items.length })}
      </Text>
      {data.items.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
        <section className="table-scroll" tabIndex={0} aria-labelledby={titleId}>
          <Table data-testid="work-log-table" withTableBorder striped verticalSpacing="sm">
            <Table.Caption>{t('monitoring.workLog.entriesCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('monitoring.workLog.colDate')}</Table.Th>
                <Table.Th scope="col">{t('monitoring.workLog.colWhat')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.workLog.colQuantity')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.workLog.colPeople')}
                </Table.Th>
                <Table.Th scope="col">{t('monitoring.workLog.colAuthor')}</Table.Th>
                <Table.Th scope="col">{t('monitoring.workLog.colActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id} className={e.removed ? 'entry-removed' : undefined} data-entry-id={e.id}>
                  <Table.Td className="nowrap">{formatDate(e.occurredOn, lng)}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <Stack gap={2} align="flex-start">
                      <Text fw={700} component="span">
                        {e.title}
                      </Text>
                      <Text size="sm" component="span">
                        {kindLabel(t, e.kind)}
                        {e.audience ? ` ${t(`monitoring.audiences.${e.audience}`)}` : ''}
                      </Text>
                      {e.link && (
                        <Anchor href={e.link} size="sm" target="_blank" rel="noopener noreferrer">
                          {e.link}
                        </Anchor>
                      )}
                      {e.note && <Text size="sm">{e.note}</Text>}
                      {e.removed && (
                        <Group gap={6}>
                          <Badge color="gray.8" variant="outline">
                            {t('monitoring.workLog.removedBadge')}
                          </Badge>
                          <Text size="sm">
                            {t('monitoring.workLog.removedNote', {
                              name: e.removed.by?.displayName ?? unknown,
                              at: formatDateTime(e.removed.at, lng),
                              reason: e.removed.reason,
                            })}
                          </Text>
                        </Group>
                      )}
                    </Stack>
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(e.quantity, lng)}</Table.Td>
                  <Table.Td ta="right">
                    {e.peopleReached === null ? '—' : formatNumber(e.peopleReached, lng)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('monitoring.workLog.createdLine', {
                        name: e.author?.displayName ?? unknown,
                        at: formatDateTime(e.createdAt, lng),
                      })}
                    </Text>
                    {e.updatedAt && (
                      <Text size="sm">
                        {t('monitoring.workLog.updatedLine', {
                          name: e.updatedBy?.displayName ?? unknown,
                          at: formatDateTime(e.updatedAt, lng),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {!e.removed && data.canEdit && (
                        <>
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={t('monitoring.workLog.correctLabel', { title: e.title })}
                            onClick={() => setDialog({ kind: 'correct', entry: e })}
                          >
                            {t('monitoring.workLog.correct')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={t('monitoring.workLog.removeLabel', { title: e.title })}
                            onClick={() => setDialog({ kind: 'remove', entry: e })}
                          >
                            {t('monitoring.workLog.remove')}
                          </Button>
                        </>
                      )}
                      {e.version > 1 && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('monitoring.workLog.historyLabel', { title: e.title })}
                          onClick={() => setDialog({ kind: 'history', entry: e })}
                        >
                          {t('monitoring.workLog.history')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
      {items.length < data.items.length && (
        <Group mt="sm" gap="sm">
          <Text>{t('monitoring.workLog.shownOf', { shown: items.length, total: data.items.length })}</Text>
          <Button variant="default" onClick={() => setShowAll(true)} data-testid="show-all-entries">
            {t('monitoring.workLog.showAll')}
          </Button>
        </Group>
      )}
      {dialog?.kind === 'correct' && (
        <CorrectDialog
          entry={dialog.entry}
          centerId={data.center.id}
          today={data.today}
          openedOn={data.center.openedOn}
          onClose={(changed) => {
            setNotice(changed ? t('monitoring.workLog.corrected') : t('monitoring.workLog.noChanges'));
            close();
          }}
          onCancel={close}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveDialog
          entry={dialog.entry}
          centerId={data.center.id}
          onClose={(removed) => {
            if (removed) setNotice(t('monitoring.workLog.removed'));
            close();
          }}
        />
      )}
      {dialog?.kind === 'history' && (
        <HistoryDialog entry={dialog.entry} centerId={data.center.id} onClose={close} />
      )}
    </section>
  );
}
