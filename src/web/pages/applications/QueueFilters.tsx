import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStages } from '../../api/applications-queries';
import { ListFilters, useDebouncedText } from '../../components/ListFilters';
import { useMunicipalityOptions } from '../organizations/organizationQueries';
import { useStageName } from './stages';

export interface QueueFilterValues {
  stage: string;
  municipalityId: string;
  q: string;
  olderThanDays: string;
  state: string;
  sort: string;
}

interface Props {
  filters: QueueFilterValues;
  onChange: (patch: Partial<QueueFilterValues>) => void;
}

/** Stage, municipality, name search (after a pause in typing), days at the stage, open/closed and sort. */
export function QueueFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const municipalities = useMunicipalityOptions();
  const stages = useStages();
  const stageName = useStageName();
  const text = useDebouncedText(filters.q, (q) => onChange({ q: q.trim() }));
  const older = useDebouncedText(filters.olderThanDays, (days) => onChange({ olderThanDays: days }));

  const onSubmit = () => onChange({ q: text.flush().trim(), olderThanDays: older.flush() });
  const reset = () => {
    text.clear();
    older.clear();
    onChange({ q: '', municipalityId: '', stage: '', olderThanDays: '', state: '', sort: '' });
  };
  const active = Boolean(
    filters.q ||
      filters.municipalityId ||
      filters.stage ||
      filters.olderThanDays ||
      text.value ||
      older.value,
  );
  const stageOptions = (stages.data?.items ?? [])
    .filter((s) => s.active || s.code === filters.stage)
    .sort((a, b) => a.position - b.position)
    .map((s) => ({ value: s.code, label: stageName(s.code) }));

  return (
    <ListFilters
      label={t('applications.filtersLabel')}
      testId="queue-filters"
      onSubmit={onSubmit}
      submitLabel={t('applications.searchSubmit')}
      reset={{ label: t('applications.resetFilters'), active, onReset: reset }}
      cols={{ base: 1, sm: 2, md: 3 }}
    >
      <TextInput
        id="queue-search"
        name="q"
        type="search"
        label={t('applications.searchLabel')}
        value={text.value}
        onChange={(event) => text.onChange(event.currentTarget.value)}
        maxLength={100}
      />
      <NativeSelect
        id="queue-stage"
        name="stage"
        label={t('applications.stageFilter')}
        value={filters.stage}
        onChange={(event) => onChange({ stage: event.currentTarget.value })}
        data={[{ value: '', label: t('applications.stageAll') }, ...stageOptions]}
      />
      <NativeSelect
        id="queue-municipality"
        name="municipalityId"
        label={t('applications.municipalityFilter')}
        value={filters.municipalityId}
        onChange={(event) => onChange({ municipalityId: event.currentTarget.value })}
        data={[{ value: '', label: t('applications.municipalityAll') }, ...municipalities.options]}
      />
      <TextInput
        id="queue-older"
        name="olderThanDays"
        type="number"
        min={0}
        inputMode="numeric"
        label={t('applications.olderLabel')}
        description={t('applications.olderHint')}
        value={older.value}
        onChange={(event) => older.onChange(event.currentTarget.value.replace(/\D/g, ''))}
      />
      <NativeSelect
        id="queue-state"
        name="state"
        label={t('applications.stateFilter')}
        value={filters.state}
        onChange={(event) => onChange({ state: event.currentTarget.value })}
        data={(['open', 'closed', 'all'] as const).map((s) => ({
          value: s,
          label: t(`applications.states.${s}`),
        }))}
      />
      <NativeSelect
        id="queue-sort"
        name="sort"
        label={t('applications.sortLabel')}
        value={filters.sort}
        onChange={(event) => onChange({ sort: event.currentTarget.value })}
        data={(['age', 'updated'] as const).map((s) => ({
          value: s,
          label: t(`applications.sorts.${s}`),
        }))}
      />
    </ListFilters>
  );
}
