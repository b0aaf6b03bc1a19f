import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const [text, setText] = useState(filters.q);
  const applyText = useDebouncedCallback((q: string) => onChange({ q: q.trim() }), 400);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    applyText.cancel();
    onChange({ q: text.trim() });
  };

  const reset = () => {
    applyText.cancel();
    setText('');
    onChange({ q: '', municipalityId: '', kind: '' });
  };
  const active = Boolean(filters.q || filters.municipalityId || filters.kind || text);

  return (
    <search aria-label={t('organizations.filtersLabel')}>
      <form onSubmit={onSubmit}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            id="organizations-search"
            name="q"
            type="search"
            label={t('organizations.searchLabel')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              applyText(event.currentTarget.value);
            }}
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
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit" variant="outline">
            {t('organizations.searchSubmit')}
          </Button>
          {active && (
            <Button variant="subtle" onClick={reset}>
              {t('organizations.resetFilters')}
            </Button>
          )}
        </Group>
      </form>
    </search>
  );
}
