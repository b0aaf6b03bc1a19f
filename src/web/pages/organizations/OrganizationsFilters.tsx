import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListFilters, useDebouncedText } from '../../components/ListFilters';
import { useMunicipalityOptions } from './organizationQueries';
import { KINDS, kindLabel } from './vocabulary';

export interface Filters {
  q: string;
  municipalityId: string;
  kind: string;
}

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
}

/** Search by name or INN (applied after a pause in typing, or at once on Enter), municipality and kind. */
export function OrganizationsFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const municipalities = useMunicipalityOptions();
  const text = useDebouncedText(filters.q, (q) => onChange({ q: q.trim() }));

  const reset = () => {
    text.clear();
    onChange({ q: '', municipalityId: '', kind: '' });
  };
  const active = Boolean(filters.q || filters.municipalityId || filters.kind || text.value);

  return (
    <ListFilters
      label={t('organizations.filtersLabel')}
      onSubmit={() => onChange({ q: text.flush().trim() })}
      submitLabel={t('organizations.searchSubmit')}
      reset={{ label: t('organizations.resetFilters'), active, onReset: reset }}
    >
      <TextInput
        id="organizations-search"
        name="q"
        type="search"
        label={t('organizations.searchLabel')}
        value={text.value}
        onChange={(event) => text.onChange(event.currentTarget.value)}
        maxLength={100}
      />
      <NativeSelect
        id="organizations-municipality-filter"
        name="municipalityId"
        label={t('organizations.municipalityFilter')}
        value={filters.municipalityId}
        onChange={(event) => onChange({ municipalityId: event.currentTarget.value })}
        data={[{ value: '', label: t('organizations.municipalityAll') }, ...municipalities.options]}
      />
      <NativeSelect
        id="organizations-kind-filter"
        name="kind"
        label={t('organizations.kindFilter')}
        value={filters.kind}
        onChange={(event) => onChange({ kind: event.currentTarget.value })}
        data={[
          { value: '', label: t('organizations.kindAll') },
          ...KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) })),
        ]}
      />
    </ListFilters>
  );
}
