import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/client';
import {
  type OpportunityView,
  opportunityKeys,
  type SeriesResult,
  type SeriesView,
  useCreateSeries,
  useUpdateSeries,
} from '../../api/opportunities-queries';
import {
  EditConflictAlert,
  mergeEdits,
  useEditVersion,
  withoutConflict,
} from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { collectErrors } from '../../components/validation';
import { useContractForm } from '../../forms/useContractForm';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const FIELDS = [
  'frequency',
  'interval',
  'weekdays',
  'monthDay',
  'startsOn',
  'until',
  'startTime',
  'durationMinutes',
  'capacity',
  'roles',
] as const;
const MAX_ROLES = 20;

type Frequency = 'weekly' | 'monthly';
type RoleRow = { name: string; capacity: number | string };
type Draft = {
  frequency: Frequency;
  interval: number | string;
  weekdays: number[];
  monthDay: number | string;
  startsOn: string;
  until: string;
  startTime: string;
  duration: number | string;
  capacity: number | string;
  roles: RoleRow[];
};

const NEW_SERIES: Draft = {
  frequency: 'weekly',
  interval: 1,
  weekdays: [6],
  monthDay: 1,
  startsOn: '',
  until: '',
  startTime: '10:00',
  duration: 120,
  capacity: 10,
  roles: [],
};

const fromSeries = (s: SeriesView): Draft => ({
  frequency: s.frequency,
  interval: s.interval,
  weekdays: s.weekdays,
  monthDay: s.monthDay ?? 1,
  startsOn: s.startsOn,
  until: s.until,
  startTime: s.startTime,
  duration: s.durationMinutes,
  capacity: s.capacity,
  roles: s.roles.map((r) => ({ name: r.name, capacity: r.capacity })),
});

const toBody = (d: Draft): BodyOf<'createSeries'> => ({
  frequency: d.frequency,
  interval: Number(d.interval) || 1,
  ...(d.frequency === 'weekly' ? { weekdays: d.weekdays } : { monthDay: Number(d.monthDay) || 1 }),
  startsOn: d.startsOn,
  until: d.until,
  startTime: d.startTime,
  durationMinutes: Number(d.duration) || 60,
  capacity: Number(d.capacity) || 1,
  roles: d.roles.map((r) => ({ name: r.name.trim(), capacity: Number(r.capacity) || 1 })),
});

interface Props {
  /** The opportunity as the page has it now (its shifts are the "before" of a change). */
  opportunity: OpportunityView;
  /** The series to change; without it the form makes a new one. */
  series?: SeriesView;
  /** After a save: the opportunity before it, and the server's answer (the opportunity and what changed). */
  onSaved?: (before: OpportunityView, result: SeriesResult) => void;
  onCancel?: () => void;
}

/**
 * A weekly or monthly series in the region's local time: the same fields to create one and to change it
 * (days, every how many weeks or months, period, start time, duration, places, roles). Changing a series
 * re-plans only its future shifts nobody has signed up for; the server keeps booked ones as they were.
 */
export function SeriesForm({ opportunity, series, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const create = useCreateSeries();
  const update = useUpdateSeries();
  const save = series ? update : create;
  // A change starts from the series' version when the form opened (ADR 0017).
  const edit = useEditVersion(series?.version);
  const form = useContractForm<Draft>({
    initialValues: series ? fromSeries(series) : NEW_SERIES,
    schema: () => import('../../../shared/contracts/opportunities').then((m) => m.SeriesBody),
    body: toBody,
    messages: (t) => ({ 'roles.*.name': { required: t('opportunities.seriesForm.roleName') } }),
    fieldOf: (path) => (path === 'durationMinutes' ? 'duration' : path),
    // What the contract cannot say: the period's order, and a weekly series needs its days.
    check: (d, t) =>
      collectErrors({
        until:
          d.startsOn && d.until && d.until < d.startsOn
            ? t('opportunities.seriesForm.untilBeforeStart')
            : undefined,
        weekdays:
          d.frequency === 'weekly' && d.weekdays.length === 0
            ? t('opportunities.seriesForm.weekdaysRequired')
            : undefined,
      }),
  });
  const draft = form.values;
  // The series as the form opened on it: after a conflict, fields left alone take the current values.
  const [base, setBase] = useState<Draft>(() => (series ? fromSeries(series) : NEW_SERIES));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => form.setFieldValue(key, value as never);
  const setRole = (i: number, patch: Partial<RoleRow>) =>
    set(
      'roles',
      draft.roles.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  const prefix = series ? `series-${series.id}` : 'series-new';

  const submit = form.submitWith((values) => {
    const body = toBody(values);
    const before = opportunity;
    const onSuccess = (result: SeriesResult) => onSaved?.(before, result);
    const onError = (error: Error) => form.showServerErrors(error);
    if (series) {
      update.mutate(
        { id: opportunity.id, seriesId: series.id, body, ifMatch: edit.version },
        {
          onSuccess: (result) => {
            const saved = result.opportunity.series.find((s) => s.id === series.id);
            edit.saved(saved?.version);
            if (saved) setBase(fromSeries(saved));
            onSuccess(result);
          },
          onError,
        },
      );
    } else {
      create.mutate({ id: opportunity.id, body }, { onSuccess, onError });
    }
  });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    save.reset();
    submit(event);
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid={`${prefix}-form`}>
      <Stack gap="sm">
        <EditConflictAlert
          error={save.error}
          reloaded={edit.reloaded}
          onReload={async () => {
            const current = await edit.reload(
              opportunityKeys.one(opportunity.id),
              (d: { opportunity: OpportunityView }) =>
                d.opportunity.series.find((s) => s.id === series?.id)?.version,
            );
            const now = current?.opportunity.series.find((s) => s.id === series?.id);
            if (now) {
              const theirs = fromSeries(now);
              form.setValues(mergeEdits(base, form.getValues(), theirs));
              setBase(theirs);
            }
            save.reset();
          }}
        />
        <ErrorAlert error={withoutConflict(save.error)} fields={FIELDS} />
        <SegmentedControl
          aria-label={t('opportunities.seriesForm.frequency')}
          value={draft.frequency}
          onChange={(v) => set('frequency', v as Frequency)}
          data={[
            { value: 'weekly', label: t('opportunities.seriesForm.weekly') },
            { value: 'monthly', label: t('opportunities.seriesForm.monthly') },
          ]}
        />
        {draft.frequency === 'weekly' ? (
          <Checkbox.Group
            label={t('opportunities.seriesForm.weekdays')}
            value={draft.weekdays.map(String)}
            onChange={(v) => set('weekdays', v.map(Number))}
            error={form.errors.weekdays}
          >
            <Group mt="xs" gap="sm">
              {WEEKDAYS.map((d) => (
                <Checkbox key={d} value={String(d)} label={t(`opportunities.weekday.${d}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : (
          <NumberInput
            label={t('opportunities.seriesForm.monthDay')}
            description={t('opportunities.seriesForm.monthDayHint')}
            value={draft.monthDay}
            onChange={(v) => set('monthDay', v)}
            error={form.errors.monthDay}
            min={1}
            max={31}
            maw={220}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={
              draft.frequency === 'weekly'
                ? t('opportunities.seriesForm.everyWeeks')
                : t('opportunities.seriesForm.everyMonths')
            }
            value={draft.interval}
            onChange={(v) => set('interval', v)}
            error={form.errors.interval}
            min={1}
            max={12}
          />
          <TextInput
            type="date"
            label={t('opportunities.seriesForm.startsOn')}
            value={draft.startsOn}
            onChange={(e) => set('startsOn', e.currentTarget.value)}
            error={form.errors.startsOn}
            required
          />
          <TextInput
            type="date"
            label={t('opportunities.seriesForm.until')}
            value={draft.until}
            onChange={(e) => set('until', e.currentTarget.value)}
            error={form.errors.until}
            required
          />
          <TextInput
            type="time"
            label={t('opportunities.shiftForm.start')}
            value={draft.startTime}
            onChange={(e) => set('startTime', e.currentTarget.value)}
            error={form.errors.startTime}
            required
          />
          <NumberInput
            label={t('opportunities.seriesForm.duration')}
            value={draft.duration}
            onChange={(v) => set('duration', v)}
            error={form.errors.duration}
            min={15}
            max={1440}
            step={15}
          />
          <NumberInput
            label={t('opportunities.shiftForm.capacity')}
            value={draft.capacity}
            onChange={(v) => set('capacity', v)}
            error={form.errors.capacity}
            min={1}
            max={10000}
          />
        </SimpleGrid>
        <Fieldset legend={t('opportunities.seriesForm.roles')} variant="unstyled">
          <Stack gap="xs">
            <Text size="sm">{t('opportunities.seriesForm.rolesHint')}</Text>
            {draft.roles.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <Group key={i} align="end" gap="sm" wrap="wrap">
                <TextInput
                  label={t('opportunities.seriesForm.roleNameLabel', { n: i + 1 })}
                  value={r.name}
                  onChange={(e) => setRole(i, { name: e.currentTarget.value })}
                  error={form.errors[`roles.${i}.name`]}
                  maxLength={100}
                  required
                  miw={180}
                  style={{ flex: 1 }}
                />
                <NumberInput
                  label={t('opportunities.seriesForm.roleCapacity', { n: i + 1 })}
                  value={r.capacity}
                  onChange={(v) => setRole(i, { capacity: v })}
                  error={form.errors[`roles.${i}.capacity`]}
                  min={1}
                  max={10000}
                  w={130}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('opportunities.seriesForm.removeRole', { n: i + 1 })}
                  onClick={() =>
                    set(
                      'roles',
                      draft.roles.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            {form.errors.roles && (
              <Text size="sm" c="red.9" role="alert">
                {form.errors.roles}
              </Text>
            )}
            <div>
              <Button
                variant="default"
                size="xs"
                disabled={draft.roles.length >= MAX_ROLES}
                onClick={() => set('roles', [...draft.roles, { name: '', capacity: 1 }])}
              >
                {t('opportunities.seriesForm.addRole')}
              </Button>
            </div>
          </Stack>
        </Fieldset>
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {series ? t('opportunities.seriesForm.save') : t('opportunities.seriesForm.add')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('opportunities.seriesForm.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
