import { Alert, Button, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type BodyOf } from '../../api/client';
import { invalidateWorkLog, type WorkLogEntry } from '../../api/monitoring-queries';
import { EditConflictAlert, useEditVersion, withoutConflict } from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { collectErrors, type FieldErrors } from '../../components/validation';
import { type FieldMessages, useContractForm } from '../../forms/useContractForm';
import { AUDIENCES, isAudience, KINDS, kindLabel } from './vocabulary';

type Values = {
  kind: string;
  audience: string;
  occurredOn: string;
  title: string;
  quantity: string;
  peopleReached: string;
  link: string;
  note: string;
  reason: string;
};
const FIELDS = [
  'kind',
  'audience',
  'occurredOn',
  'title',
  'quantity',
  'peopleReached',
  'link',
  'note',
  'reason',
];

const empty = (today: string): Values => ({
  kind: '',
  audience: '',
  occurredOn: today,
  title: '',
  quantity: '1',
  peopleReached: '',
  link: '',
  note: '',
  reason: '',
});
const valuesOf = (e: WorkLogEntry): Values => ({
  kind: e.kind,
  audience: e.audience ?? '',
  occurredOn: e.occurredOn,
  title: e.title,
  quantity: String(e.quantity),
  peopleReached: e.peopleReached === null ? '' : String(e.peopleReached),
  link: e.link ?? '',
  note: e.note ?? '',
  reason: '',
});

/** What the contract cannot say: the audience of a consultation, and a date within the centre's life so far. */
function check(t: TFunction, v: Values, today: string, openedOn: string | null, lng: string): FieldErrors {
  return collectErrors({
    audience: v.kind === 'consultation' && !isAudience(v.audience) ? t('validation.required') : undefined,
    occurredOn:
      v.occurredOn && v.occurredOn > today
        ? t('monitoring.workLog.errors.future')
        : v.occurredOn && openedOn && v.occurredOn < openedOn
          ? t('monitoring.workLog.errors.beforeOpened', { date: formatDate(openedOn, lng) })
          : undefined,
  });
}

/** The form's words for the contract's checks (CreateWorkLogEntryBody). */
const messages = (t: TFunction): FieldMessages => ({
  kind: t('validation.required'),
  quantity: t('monitoring.workLog.errors.quantity'),
  peopleReached: t('monitoring.workLog.errors.people'),
  link: { format: t('monitoring.workLog.errors.link'), pattern: t('monitoring.workLog.errors.link') },
});

type CreateBody = BodyOf<'addWorkLogEntry'>;
function bodyOf(v: Values): CreateBody {
  return {
    kind: v.kind as CreateBody['kind'],
    audience: v.kind === 'consultation' && isAudience(v.audience) ? v.audience : null,
    occurredOn: v.occurredOn,
    title: v.title.trim(),
    quantity: Number(v.quantity),
    peopleReached: v.peopleReached === '' ? null : Number(v.peopleReached),
    link: v.link.trim() || null,
    note: v.note.trim() || null,
  };
}

/** Only what changed, plus the reason; null when nothing changed. */
function patchOf(v: Values, e: WorkLogEntry): BodyOf<'correctWorkLogEntry'> | null {
  const next = bodyOf(v);
  const before = bodyOf(valuesOf(e));
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof CreateBody)[])
    if (next[key] !== before[key]) patch[key] = next[key];
  if (Object.keys(patch).length === 0) return null;
  if (v.reason.trim()) patch.reason = v.reason.trim();
  return patch as BodyOf<'correctWorkLogEntry'>;
}

interface Props {
  centerId: string;
  today: string;
  openedOn: string | null;
  /** The entry to correct; absent: a new entry. */
  entry?: WorkLogEntry;
  onDone?: (changed: boolean) => void;
  onCancel?: () => void;
}

/** A work-log entry: new, or a correction of an existing one (with an optional reason). */
export function EntryForm({ centerId, today, openedOn, entry, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useContractForm<Values>({
    initialValues: entry ? valuesOf(entry) : empty(today),
    // A correction is checked whole, as a new entry is (the body sends only what changed).
    schema: () => import('../../../shared/contracts/monitoring').then((m) => m.CreateWorkLogEntryBody),
    body: bodyOf,
    messages,
    check: (v, t) => check(t, v, today, openedOn, i18n.language),
  });
  const { values } = form;
  const [notice, setNotice] = useState<string | null>(null);
  // A correction is made over the version the form was opened on (ADR 0017).
  const edit = useEditVersion(entry?.version);
  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      if (!entry) return api('addWorkLogEntry', { params: { id: centerId }, body: bodyOf(v) });
      const patch = patchOf(v, entry);
      if (!patch) return null;
      return api('correctWorkLogEntry', {
        params: { id: centerId, entryId: entry.id },
        body: patch,
        ifMatch: edit.version,
      });
    },
    onSuccess: (result) => {
      if (result && 'entry' in result) edit.saved(result.entry.version);
      if (result) invalidateWorkLog(queryClient, centerId);
      if (!entry) {
        form.setValues(empty(today));
        setNotice(t('monitoring.workLog.added'));
      }
      onDone?.(result !== null);
    },
    onError: (error) => form.showServerErrors(error),
  });
  const id = (field: string) => `work-log-${entry ? 'edit' : 'new'}-${field}`;

  const submit = form.submitWith((v) => mutation.mutate(v));
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    mutation.reset();
    setNotice(null);
    submit(event);
  };

  return (
    <form
      ref={form.formRef}
      onSubmit={onSubmit}
      noValidate
      data-testid={entry ? 'correct-entry-form' : 'add-entry-form'}
    >
      <Stack maw={760}>
        <EditConflictAlert
          error={mutation.error}
          reloaded={edit.reloaded}
          onReload={async () => {
            if (!entry) return;
            invalidateWorkLog(queryClient, centerId);
            await edit.reloadFrom(async () => {
              const current = await api('workLogEntryHistory', {
                params: { id: centerId, entryId: entry.id },
              });
              return current.entry.version;
            });
            mutation.reset();
          }}
        />
        <ErrorAlert error={withoutConflict(mutation.error)} fields={FIELDS} />
        {notice && (
          <Alert color="green" role="status">
            {notice}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('monitoring.workLog.requiredNote')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            id={id('kind')}
            name="kind"
            label={t('monitoring.workLog.fields.kind')}
            {...form.getInputProps('kind')}
            data={[
              ...(values.kind ? [] : [{ value: '', label: t('monitoring.workLog.fields.kindChoose') }]),
              ...KINDS.map((k) => ({ value: k, label: kindLabel(t, k) })),
            ]}
            required
          />
          {values.kind === 'consultation' && (
            <NativeSelect
              id={id('audience')}
              name="audience"
              label={t('monitoring.workLog.fields.audience')}
              {...form.getInputProps('audience')}
              data={[
                ...(values.audience
                  ? []
                  : [{ value: '', label: t('monitoring.workLog.fields.audienceChoose') }]),
                ...AUDIENCES.map((a) => ({ value: a, label: t(`monitoring.audiences.${a}`) })),
              ]}
              required
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            id={id('occurredOn')}
            name="occurredOn"
            type="date"
            label={t('monitoring.workLog.fields.occurredOn')}
            description={t('monitoring.workLog.fields.occurredOnHint')}
            {...form.getInputProps('occurredOn')}
            max={today}
            min={openedOn ?? undefined}
            required
          />
          <TextInput
            id={id('quantity')}
            name="quantity"
            inputMode="numeric"
            label={t('monitoring.workLog.fields.quantity')}
            description={t('monitoring.workLog.fields.quantityHint')}
            {...form.getInputProps('quantity')}
            required
          />
          <TextInput
            id={id('peopleReached')}
            name="peopleReached"
            inputMode="numeric"
            label={t('monitoring.workLog.fields.peopleReached')}
            {...form.getInputProps('peopleReached')}
          />
        </SimpleGrid>
        <TextInput
          id={id('title')}
          name="title"
          label={t('monitoring.workLog.fields.title')}
          description={t('monitoring.workLog.fields.titleHint')}
          {...form.getInputProps('title')}
          maxLength={300}
          required
        />
        <TextInput
          id={id('link')}
          name="link"
          type="url"
          label={t('monitoring.workLog.fields.link')}
          description={t('monitoring.workLog.fields.linkHint')}
          {...form.getInputProps('link')}
          maxLength={2000}
        />
        <Textarea
          id={id('note')}
          name="note"
          label={t('monitoring.workLog.fields.note')}
          {...form.getInputProps('note')}
          maxLength={2000}
          autosize
          minRows={2}
        />
        {entry && (
          <TextInput
            id={id('reason')}
            name="reason"
            label={t('monitoring.workLog.fields.reason')}
            description={t('monitoring.workLog.fields.reasonHint')}
            {...form.getInputProps('reason')}
            maxLength={1000}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} maw={480}>
          <Button
            type="submit"
            loading={mutation.isPending}
            data-testid={entry ? 'save-correction' : 'add-entry'}
          >
            {entry ? t('common.save') : t('monitoring.workLog.add')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </SimpleGrid>
      </Stack>
    </form>
  );
}
