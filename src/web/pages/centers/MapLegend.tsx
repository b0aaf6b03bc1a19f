import { Box, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COVERAGE_STATES, COVERAGE_STYLE, type Coverage } from './coverage';

/** A small square filled with a coverage state's pattern and outline, as on the map. */
export function Swatch({ state }: { state: Coverage }) {
  const style = COVERAGE_STYLE[state];
  return (
    <svg className="legend-swatch" width="22" height="16" aria-hidden="true" focusable="false">
      <rect
        x="1"
        y="1"
        width="20"
        height="14"
        fill={`url(#${style.pattern})`}
        stroke={style.color}
        strokeWidth={1.5}
        strokeDasharray={typeof style.dashArray === 'string' ? style.dashArray : undefined}
      />
    </svg>
  );
}

function MarkerSwatch() {
  return (
    <svg className="legend-swatch" width="22" height="16" aria-hidden="true" focusable="false">
      <circle cx="11" cy="8" r="6" fill="#0b3d91" stroke="#ffffff" strokeWidth="2" />
    </svg>
  );
}

/** Legend: a label beside every swatch (patterns, not only colours), plus what the shapes are. */
export function MapLegend({ schematic }: { schematic: boolean }) {
  const { t } = useTranslation();
  return (
    <Box mt="sm" data-testid="map-legend">
      <Title order={3} size="h5" id="legend-title" mb={4}>
        {t('centers.legendTitle')}
      </Title>
      <ul className="plain-list" aria-labelledby="legend-title">
        {COVERAGE_STATES.map((state) => (
          <li key={state}>
            <Group gap="xs" wrap="nowrap" py={2}>
              <Swatch state={state} />
              <Text size="sm">
                {t(`coverage.${state}`)} — {t(`map.pattern.${state}`)}
              </Text>
            </Group>
          </li>
        ))}
        <li>
          <Group gap="xs" wrap="nowrap" py={2}>
            <MarkerSwatch />
            <Text size="sm">{t('centers.legendCenter')}</Text>
          </Group>
        </li>
      </ul>
      {schematic && (
        <Text size="sm" mt="xs" data-testid="schematic-note">
          {t('map.schematicNote')}
        </Text>
      )}
    </Box>
  );
}
