import { Grid, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { queryKeys, useConfig } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { usePageTitle } from '../../components/usePageTitle';
import { CentersList } from './CentersList';
import { CentersMap } from './CentersMap';
import { MapLegend } from './MapLegend';
import { MunicipalitiesTable } from './MunicipalitiesTable';

/** Centres and municipal coverage: map + legend, the municipalities table and the list of centres. */
export function CentersPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('centers.title'));
  const lng = i18n.language;
  const config = useConfig();
  const municipalities = useQuery({
    queryKey: queryKeys.municipalities,
    queryFn: ({ signal }) => api('municipalities', { signal }),
  });
  const centers = useQuery({
    queryKey: queryKeys.centers,
    queryFn: ({ signal }) => api('centers', { signal }),
  });
  const [params, setParams] = useSearchParams();
  const slug = params.get('municipality') ?? '';

  const sorted = useMemo(
    () =>
      [...(municipalities.data?.items ?? [])].sort((a, b) =>
        localName(a, lng).localeCompare(localName(b, lng), lng),
      ),
    [municipalities.data, lng],
  );
  const allCenters = centers.data?.items ?? [];
  const selected = sorted.find((m) => m.slug === slug) ?? null;
  const shownMunicipalities = selected ? [selected] : sorted;
  const shownCenters = selected ? allCenters.filter((c) => c.municipality.id === selected.id) : allCenters;

  const onFilter = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('municipality', value);
    else next.delete('municipality');
    setParams(next, { replace: true });
  };

  const loading = municipalities.isPending || centers.isPending || config.isPending;
  const tileUrl = config.data?.mapTileUrl ?? null;

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1}>{t('centers.title')}</Title>
        <Text>{t('centers.lead')}</Text>
      </Stack>

      <ErrorAlert error={municipalities.error ?? centers.error} title={t('errors.loadFailed')} />
      {loading && <LoadingBlock />}

      {municipalities.isSuccess && centers.isSuccess && !config.isPending && (
        <>
          <NativeSelect
            id="centers-municipality-filter"
            label={t('centers.filterLabel')}
            value={selected?.slug ?? ''}
            onChange={(event) => onFilter(event.currentTarget.value)}
            data={[
              { value: '', label: t('centers.filterAll') },
              ...sorted.map((m) => ({ value: m.slug, label: localName(m, lng) })),
            ]}
            maw={420}
          />

          <section aria-labelledby="centers-map-title">
            <Title order={2} id="centers-map-title" mb="md">
              {t('centers.mapTitle')}
            </Title>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 8 }}>
                <CentersMap
                  municipalities={sorted}
                  centers={allCenters}
                  selectedId={selected?.id ?? null}
                  tileUrl={tileUrl}
                  tileAttribution={config.data?.mapTileAttribution ?? null}
                />
                <Text id="centers-map-hint" size="sm" c="dimmed" mt="xs">
                  {t('centers.mapHint')} {tileUrl ? '' : t('centers.mapNoTiles')}
                </Text>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <MapLegend />
              </Grid.Col>
            </Grid>
          </section>

          <section aria-labelledby="municipalities-title">
            <Title order={2} id="municipalities-title" mb="md">
              {t('centers.municipalitiesTitle')}
            </Title>
            <MunicipalitiesTable items={shownMunicipalities} />
          </section>

          <section aria-labelledby="centers-list-title">
            <Title order={2} id="centers-list-title" mb="md">
              {t('centers.listTitle')}
            </Title>
            <CentersList items={shownCenters} />
          </section>
        </>
      )}
    </Stack>
  );
}
