import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { opportunityKeys } from '../../api/opportunities-queries';

type Partner = { id: string; name: string };

/**
 * The partner organization of an opportunity: one of the region's registered organizations, searched by
 * name or INN on the server (the centre names it and thereby approves it). Empty = the centre's own.
 */
export function PartnerPicker(props: {
  centerId: string;
  value: Partner | null;
  onChange: (partner: Partner | null) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const candidates = useQuery({
    queryKey: opportunityKeys.partners(props.centerId, q),
    queryFn: ({ signal }) =>
      api('partnerCandidates', { params: { id: props.centerId }, query: { q }, signal }),
    staleTime: 60_000,
  });
  const items = candidates.data?.items ?? [];
  const _pick = (id: string) =>
    items.find((o) => o.id === id) ?? (props.value?.id === id ? props.value : undefined);
  const pick = (id: string): Partner | undefined => {
    const found = items.find((o) => o.id === id);
    if (found) return { id: found.id, name: found.name };
    return props.value?.id === id ? props.value : undefined;
  };
  const data = [
    ...(props.value && !items.some((o) => o.id === props.value?.id)
      ? [{ value: props.value.id, label: props.value.name }]
      : []),
    ...items.map((o) => ({ value: o.id, label: o.inn ? `${o.name} (ИНН ${o.inn})` : o.name })),
  ];
  return (
    <Select
      label={t('opportunities.form.partner')}
      description={t('opportunities.form.partnerHint')}
      placeholder={t('opportunities.form.partnerPlaceholder')}
      data={data}
      value={props.value?.id ?? null}
      onChange={(id) => props.onChange(id ? (pick(id) ?? null) : null)}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={
        candidates.isFetching ? t('opportunities.form.partnerLoading') : t('opportunities.form.partnerNone')
      }
      error={props.error}
    />
  );
}
