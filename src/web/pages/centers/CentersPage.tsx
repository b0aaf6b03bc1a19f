import { Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useConfig } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { usePageTitle } from '../../components/usePageTitle';
import { type CenterFilter, CentersFilters } from './CentersFilters';
import { CentersList } from './CentersList';
import { CoverageSection } from './CoverageSection';
import { useCenters, useMunicipalitiesOn, useServiceKinds } from './queries';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Centres and municipal coverage: the map (any day) with its table, then the searchable list of centres. */
export function CentersPage() {
  const { t } = useTranslation();
  usePageTitle(t('centers.title'));
  const config = useConfig();
  const [params, setParams] = useSearchParams();
  const onParam = params.get('on');
  const on = onParam && DAY_RE.test(onParam) ? onParam : null;
  const filter: CenterFilter = {
    municipality: params.get('municipality') ?? '',
    service: params.get('service') ?? '',
    q: params.get('q') ?? '',
  };
  const today = useMunicipalitiesOn(null);
  const kinds = useServiceKinds();
  const centers = useCenters({
    municipality: filter.municipality || undefined,
    service: filter.service || undefined,
    q: filter.q || undefined,
  });

  const setParam = useCallback(
    (entries: Record<string, string | null>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(entries)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const onFilter = useCallback(
    (next: CenterFilter) => setParam({ municipality: next.municipality, service: next.service, q: next.q }),
    [setParam],
  );

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1}>{t('centers.title')}</Title>
        <Text>{t('centers.lead')}</Text>
      </Stack>

      {config.isPending ? (
        <LoadingBlock />
      ) : (
        <CoverageSection
          on={on}
          onChangeDay={(day) => setParam({ on: day })}
          centers={centers.data?.items ?? []}
          selectedSlug={filter.municipality || null}
          tileUrl={config.data?.mapTileUrl ?? null}
          tileAttribution={config.data?.mapTileAttribution ?? null}
        />
      )}

      <section aria-labelledby="centers-list-title">
        <Title order={2} id="centers-list-title" mb="md">
          {t('centers.listTitle')}
        </Title>
        <Stack gap="md">
          <CentersFilters
            value={filter}
            onChange={onFilter}
            municipalities={today.data?.items ?? []}
            kinds={kinds.data?.items ?? []}
          />
          <ErrorAlert error={centers.error ?? kinds.error} title={t('errors.loadFailed')} />
          {centers.isPending ? (
            <LoadingBlock />
          ) : (
            centers.data && <CentersList items={centers.data.items} kinds={kinds.data?.items ?? []} />
          )}
        </Stack>
      </section>
    </Stack>
  );
}
