import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfig } from '../../api/queries';
import { useMunicipalityOptions } from '../../api/volunteers-queries';
import { localName } from '../../components/format';
import type { FieldErrors } from '../../components/validation';
import { PointPicker } from './PointPicker';

export type PlaceState = {
  municipalityId: string | null;
  address: string;
  lat: number | string;
  lon: number | string;
  isOnline: boolean;
};

const inRange = (v: number | string, limit: number) => typeof v === 'number' && Math.abs(v) <= limit;

/** Client-side checks of the place: both coordinates or neither, each in its range. */
export function placeErrors(
  p: PlaceState,
  messages: { latInvalid: string; lonInvalid: string; pointIncomplete: string },
): FieldErrors {
  const errors: FieldErrors = {};
  if (p.isOnline) return errors;
  const hasLat = p.lat !== '';
  const hasLon = p.lon !== '';
  if (hasLat && !inRange(p.lat, 90)) errors.lat = messages.latInvalid;
  if (hasLon && !inRange(p.lon, 180)) errors.lon = messages.lonInvalid;
  if (hasLat !== hasLon) errors[hasLat ? 'lon' : 'lat'] = messages.pointIncomplete;
  return errors;
}

/** Municipality, address, map point (typed or picked on the map) or "online, no place". */
export function OpportunityPlaceFields(props: {
  value: PlaceState;
  onChange: (next: PlaceState) => void;
  errors: Partial<Record<string, React.ReactNode>>;
}) {
  const { t, i18n } = useTranslation();
  const { value: p, onChange, errors } = props;
  const set = <K extends keyof PlaceState>(key: K, v: PlaceState[K]) => onChange({ ...p, [key]: v });
  const municipalities = useMunicipalityOptions();
  const config = useConfig();
  const [mapOpen, setMapOpen] = useState(false);
  const items = municipalities.data?.items ?? [];
  const chosen = items.find((m) => m.id === p.municipalityId);
  const tileUrl = config.data?.mapTileUrl ?? null;
  const point = typeof p.lat === 'number' && typeof p.lon === 'number' ? { lat: p.lat, lon: p.lon } : null;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('opportunities.form.municipality')}
          description={t('opportunities.form.municipalityHint')}
          data={items.map((m) => ({ value: m.id, label: localName(m, i18n.language) }))}
          value={p.municipalityId}
          onChange={(v) => set('municipalityId', v)}
          error={errors.municipalityId}
          searchable
          clearable
        />
        <TextInput
          label={t('opportunities.form.address')}
          value={p.address}
          onChange={(e) => set('address', e.currentTarget.value)}
          error={errors.address}
          disabled={p.isOnline}
          maxLength={500}
        />
      </SimpleGrid>
      <Checkbox
        label={t('opportunities.form.isOnline')}
        checked={p.isOnline}
        onChange={(e) => set('isOnline', e.currentTarget.checked)}
        error={errors.isOnline}
      />
      {!p.isOnline && (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 }}>
            {t('opportunities.form.point')}
          </legend>
          <Group align="flex-start" gap="sm">
            <NumberInput
              label={t('opportunities.form.lat')}
              value={p.lat}
              onChange={(v) => set('lat', v)}
              min={-90}
              max={90}
              decimalScale={6}
              error={errors.lat}
              w={180}
            />
            <NumberInput
              label={t('opportunities.form.lon')}
              value={p.lon}
              onChange={(v) => set('lon', v)}
              min={-180}
              max={180}
              decimalScale={6}
              error={errors.lon}
              w={180}
            />
            <Stack gap={4} pt={24}>
              <Group gap="xs">
                {tileUrl && (
                  <Button variant="light" onClick={() => setMapOpen((open) => !open)} aria-expanded={mapOpen}>
                    {mapOpen ? t('opportunities.form.mapHide') : t('opportunities.form.mapPick')}
                  </Button>
                )}
                {point && (
                  <Button variant="subtle" onClick={() => onChange({ ...p, lat: '', lon: '' })}>
                    {t('opportunities.form.pointClear')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Group>
          {tileUrl && mapOpen && (
            <Stack gap={4} mt="sm">
              <Text size="sm" id="opportunity-map-hint">
                {t('opportunities.form.mapHint')}
              </Text>
              <PointPicker
                value={point}
                around={chosen ? { lat: chosen.lat, lon: chosen.lon } : null}
                tileUrl={tileUrl}
                tileAttribution={config.data?.mapTileAttribution ?? null}
                onPick={(q) => onChange({ ...p, lat: q.lat, lon: q.lon })}
              />
            </Stack>
          )}
        </fieldset>
      )}
    </Stack>
  );
}
