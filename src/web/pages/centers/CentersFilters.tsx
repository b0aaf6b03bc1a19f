import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '../../components/format';
import type { Municipality, ServiceKind } from './coverage';

export type CenterFilter = { municipality: string; service: string; q: string };

interface Props {
  value: CenterFilter;
  onChange: (next: CenterFilter) => void;
  municipalities: Municipality[];
  kinds: ServiceKind[];
}

/** Municipality, service and a name search; the search is applied after a short pause in typing. */
export function CentersFilters({ value, onChange, municipalities, kinds }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [text, setText] = useState(value.q);
  useEffect(() => setText(value.q), [value.q]);
  useEffect(() => {
    if (text === value.q) return;
    const timer = setTimeout(() => onChange({ ...value, q: text }), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  const sorted = [...municipalities].sort((a, b) => localName(a, lng).localeCompare(localName(b, lng), lng));
  const any = value.municipality || value.service || value.q;

  return (
    <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('map.filtersLabel')}>
      <NativeSelect
        id="centers-municipality-filter"
        label={t('centers.filterLabel')}
        value={value.municipality}
        onChange={(event) => onChange({ ...value, municipality: event.currentTarget.value })}
        data={[
          { value: '', label: t('centers.filterAll') },
          ...sorted.map((m) => ({ value: m.slug, label: localName(m, lng) })),
        ]}
        w={{ base: '100%', sm: 280 }}
      />
      <NativeSelect
        id="centers-service-filter"
        label={t('map.serviceFilter')}
        value={value.service}
        onChange={(event) => onChange({ ...value, service: event.currentTarget.value })}
        data={[
          { value: '', label: t('map.serviceAll') },
          ...kinds.map((k) => ({ value: k.code, label: localName(k, lng) })),
        ]}
        w={{ base: '100%', sm: 280 }}
      />
      <TextInput
        id="centers-search"
        type="search"
        label={t('map.search')}
        placeholder={t('map.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        maxLength={100}
        w={{ base: '100%', sm: 260 }}
      />
      {any && (
        <Button variant="subtle" onClick={() => onChange({ municipality: '', service: '', q: '' })}>
          {t('map.resetFilters')}
        </Button>
      )}
    </Group>
  );
}
