import { Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { invalidateWorkLog, useEntryHistory, type WorkLogEntry } from '../../api/monitoring-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useContractForm } from '../../forms/useContractForm';
import { EntryForm } from './EntryForm';
import { kindLabel } from './vocabulary';

const titleStyles = { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } };

export function CorrectDialog(props: {
  entry: WorkLogEntry;
  centerId: string;
  today: string;
  openedOn: string | null;
  onClose: (changed: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('monitoring.workLog.close') }}
      opened
      onClose={props.onCancel}
      title={t('monitoring.workLog.correctTitle')}
      size="lg"
      styles={titleStyles}
    >
      <EntryForm
        centerId={props.centerId}
        today={props.today}
        openedOn={props.openedOn}
        entry={props.entry}
        onDone={props.onClose}
        onCancel={props.onCancel}
      />
    </Modal>
  );
}

export function RemoveDialog(props: {
  entry: WorkLogEntry;
  centerId: string;
  onClose: (removed: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useContractForm({
    initialValues: { reason: '' },
    schema: () => import('../../../shared/contracts/monitoring').then((m) => m.RemoveWorkLogEntryBody),
    body: (v) => ({ reason: v.reason.trim() }),
  });
  const remove = useMutation({
    mutationFn: (reason: string) =>
      api('removeWorkLogEntry', {
        params: { id: props.centerId, entryId: props.entry.id },
        body: { reason: reason.trim() },
        ifMatch: props.entry.version,
      }),
    onSuccess: () => {
      invalidateWorkLog(queryClient, props.centerId);
      props.onClose(true);
    },
    onError: (error) => form.showServerErrors(error),
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('monitoring.workLog.close') }}
      opened
      onClose={() => props.onClose(false)}
      title={t('monitoring.workLog.removeTitle')}
      styles={titleStyles}
    >
      <form
        ref={form.formRef}
        noValidate
        data-testid="remove-entry-form"
        onSubmit={(event) => {
          remove.reset();
          form.submitWith((v) => remove.mutate(v.reason))(event);
        }}
      >
        <Stack>
          <Text>{t('monitoring.workLog.removeText', { title: props.entry.title })}</Text>
          <ErrorAlert error={remove.error} fields={['reason']} />
          <Textarea
            id="work-log-remove-reason"
            name="reason"
            label={t('monitoring.workLog.removeReason')}
            {...form.getInputProps('reason')}
            maxLength={1000}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => props.onClose(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={remove.isPending} data-testid="confirm-remove-entry">
              {t('monitoring.workLog.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function HistoryDialog(props: { entry: WorkLogEntry; centerId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const history = useEntryHistory(props.centerId, props.entry.id);
  const unknown = t('monitoring.workLog.unknownPerson');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('monitoring.workLog.close') }}
      opened
      onClose={props.onClose}
      title={t('monitoring.workLog.historyTitle')}
      size="lg"
      styles={titleStyles}
    >
      <Stack data-testid="entry-history">
        <ErrorAlert error={history.error} title={t('errors.loadFailed')} />
        {history.isPending && <LoadingBlock />}
        {history.data && history.data.revisions.length === 0 && (
          <Text>{t('monitoring.workLog.historyEmpty')}</Text>
        )}
        {history.data && (
          <List listStyleType="none" spacing="md">
            {history.data.revisions.map((r) => (
              <List.Item key={r.version}>
                <Text fw={700}>
                  {t(
                    r.action === 'removed'
                      ? 'monitoring.workLog.historyRemoved'
                      : 'monitoring.workLog.historyCorrected',
                    {
                      name: r.actor?.displayName ?? unknown,
                      at: formatDateTime(r.at, lng),
                    },
                  )}
                </Text>
                {r.reason && (
                  <Text size="sm">{t('monitoring.workLog.historyReason', { reason: r.reason })}</Text>
                )}
                <Text size="sm">{t('monitoring.workLog.historyBefore', { version: r.version })}</Text>
                <Text size="sm">
                  {formatDate(r.before.occurredOn, lng)} · {kindLabel(t, r.before.kind)}
                  {r.before.audience ? ` ${t(`monitoring.audiences.${r.before.audience}`)}` : ''} ·{' '}
                  {r.before.title} · {t('monitoring.workLog.colQuantity')}: {r.before.quantity}
                  {r.before.peopleReached !== null
                    ? ` · ${t('monitoring.workLog.colPeople')}: ${r.before.peopleReached}`
                    : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('monitoring.workLog.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
