import { Button, Checkbox, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { opportunityKeys, useCategories } from '../../api/opportunities-queries';
import { useMe } from '../../api/queries';
import { localName } from '../../components/format';
import { ListFilters } from '../../components/ListFilters';
import { useMunicipalitiesOn } from '../centers/queries';
import type { SearchState } from './searchState';

interface Props {
  value: SearchState;
  onChange: (next: Partial<SearchState>) => void;
  onGeoError: (message: string | null) => void;
}

/** The volunteer's home point, if they are logged in and have a volunteer profile with one. */
function useHomePoint() {
  const me = useMe();
  const loggedIn = Boolean(me.data);
  const profile = useQuery({
    queryKey: opportunityKeys.homePoint,
    queryFn: ({ signal }) => api('myVolunteerProfile', { signal }),
    enabled: loggedIn,
    retry: false,
  });
  return profile.data?.profile.homePoint ?? null;
}

export function SearchFilters({ value, onChange, onGeoError }: Props) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const municipalities = useMunicipalitiesOn(null);
  const home = useHomePoint();
  const [q, setQ] = useState(value.q);
  const [locating, setLocating] = useState(false);
  useEffect(() => setQ(value.q), [value.q]);

  const near = value.lat !== '' && value.lon !== '';
  const locate = () => {
    onGeoError(null);
    if (!('geolocation' in navigator)) {
      onGeoError(t('opportunities.near.unsupported'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onChange({
          lat: pos.coords.latitude.toFixed(4),
          lon: pos.coords.longitude.toFixed(4),
          sort: 'distance',
        });
      },
      () => {
        setLocating(false);
        onGeoError(t('opportunities.near.denied'));
      },
      { timeout: 10_000, maximumAge: 600_000 },
    );
  };

  return (
    <ListFilters
      label={t('opportunities.filters.title')}
      onSubmit={() => onChange({ q })}
      submitLabel={t('opportunities.filters.search')}
      submitVariant="filled"
      cols={{ base: 1, sm: 2, md: 3 }}
      spacing="sm"
      actionsMt="md"
      before={
        <Checkbox
          label={t('opportunities.filters.freeOnly')}
          checked={value.freeOnly}
          onChange={(event) => onChange({ freeOnly: event.currentTarget.checked })}
        />
      }
      after={
        <>
          <Button variant="light" onClick={locate} loading={locating}>
            {t('opportunities.near.here')}
          </Button>
          {home && (
            <Button
              variant="light"
              onClick={() => onChange({ lat: String(home.lat), lon: String(home.lon), sort: 'distance' })}
            >
              {t('opportunities.near.home')}
            </Button>
          )}
          {near && (
            <Button variant="subtle" onClick={() => onChange({ lat: '', lon: '', sort: '' })}>
              {t('opportunities.near.clear')}
            </Button>
          )}
        </>
      }
    >
      <TextInput
        label={t('opportunities.filters.q')}
        description={t('opportunities.filters.qHint')}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        onBlur={() => q !== value.q && onChange({ q })}
        maxLength={200}
      />
      <Select
        label={t('opportunities.filters.municipality')}
        placeholder={t('opportunities.filters.any')}
        data={(municipalities.data?.items ?? []).map((m) => ({
          value: m.id,
          label: localName(m, i18n.language),
        }))}
        value={value.municipalityId || null}
        onChange={(v) => onChange({ municipalityId: v ?? '' })}
        searchable
        clearable
      />
      <Select
        label={t('opportunities.filters.category')}
        placeholder={t('opportunities.filters.any')}
        data={(categories.data?.items ?? []).map((c) => ({
          value: c.code,
          label: localName(c, i18n.language),
        }))}
        value={value.category || null}
        onChange={(v) => onChange({ category: v ?? '' })}
        clearable
      />
      <TextInput
        type="date"
        label={t('opportunities.filters.from')}
        value={value.from}
        onChange={(event) => onChange({ from: event.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('opportunities.filters.to')}
        value={value.to}
        onChange={(event) => onChange({ to: event.currentTarget.value })}
      />
      <Select
        label={t('opportunities.filters.sort')}
        data={[
          { value: 'start', label: t('opportunities.sort.start') },
          { value: 'relevance', label: t('opportunities.sort.relevance') },
          ...(near ? [{ value: 'distance', label: t('opportunities.sort.distance') }] : []),
        ]}
        value={value.sort || (value.q ? 'relevance' : 'start')}
        onChange={(v) => onChange({ sort: (v ?? '') as SearchState['sort'] })}
        allowDeselect={false}
      />
    </ListFilters>
  );
}
