import { Button, Grid, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatPercent, localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { CoverageMap } from './CoverageMap';
import { type Center, coveredShare, type Municipality, type Shape } from './coverage';
import { MapLegend } from './MapLegend';
import { MapPatterns } from './MapPatterns';
import { MunicipalitiesTable } from './MunicipalitiesTable';
import { useMunicipalitiesOn, useShapes } from './queries';

interface Props {
  /** The day of coverage (YYYY-MM-DD), null = today. */
  on: string | null;
  onChangeDay: (day: string | null) => void;
  centers: Center[];
  selectedSlug: string | null;
  tileUrl: string | null;
  tileAttribution: string | null;
}

/** The coverage map with its legend, the «coverage on» day, the covered population and the table. */
export function CoverageSection({ on, onChangeDay, centers, selectedSlug, tileUrl, tileAttribution }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const municipalities = useMunicipalitiesOn(on);
  const shapes = useShapes();

  const sorted: Municipality[] = useMemo(
    () =>
      [...(municipalities.data?.items ?? [])].sort((a, b) =>
        localName(a, lng).localeCompare(localName(b, lng), lng),
      ),
    [municipalities.data, lng],
  );
  const shapeMap = useMemo(
    () => new Map<string, Shape>((shapes.data?.items ?? []).map((s) => [s.municipalityId, s])),
    [shapes.data],
  );
  const schematic = sorted.some((m) => shapeMap.get(m.id)?.schematic);
  const share = coveredShare(sorted);
  const covered = sorted.filter((m) => m.coverage === 'covered').length;
  const selected = sorted.find((m) => m.slug === selectedSlug) ?? null;
  const dayLabel = on ? formatDate(on, lng) : t('map.today');

  return (
    <section aria-labelledby="centers-map-title">
      <MapPatterns />
      <Title order={2} id="centers-map-title" mb="sm">
        {t('centers.mapTitle')}
      </Title>
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <TextInput
          type="date"
          id="coverage-on"
          label={t('map.coverageOn')}
          description={t('map.coverageOnHint')}
          value={on ?? ''}
          max="2100-12-31"
          min="1990-01-01"
          onChange={(event) => onChangeDay(event.currentTarget.value || null)}
          w={220}
        />
        {on && (
          <Button variant="subtle" onClick={() => onChangeDay(null)}>
            {t('map.backToToday')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={municipalities.error ?? shapes.error} title={t('errors.loadFailed')} />
      {(municipalities.isPending || shapes.isPending) && <LoadingBlock />}
      {municipalities.isSuccess && shapes.isSuccess && (
        <Stack gap="sm">
          <Text role="status" data-testid="coverage-summary">
            {t('map.summary', { day: dayLabel, covered, count: sorted.length })}{' '}
            {share !== null && t('map.populationShare', { share: formatPercent(share, lng) })}
          </Text>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <CoverageMap
                municipalities={sorted}
                shapes={shapeMap}
                centers={on ? [] : centers}
                selectedId={selected?.id ?? null}
                tileUrl={tileUrl}
                tileAttribution={tileAttribution}
              />
              <Text id="centers-map-hint" size="sm" mt="xs">
                {t('centers.mapHint')} {tileUrl ? '' : t('centers.mapNoTiles')}{' '}
                {on ? t('map.pastDayMarkers') : t('map.markerHint')}
              </Text>
              <MapLegend schematic={schematic} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <MunicipalitiesTable items={sorted} caption={t('map.tableCaption', { day: dayLabel })} />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </section>
  );
}
