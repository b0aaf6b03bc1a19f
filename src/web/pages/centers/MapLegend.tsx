import { Group, Text, Title } from '@mantine/core';
import type { CircleMarkerOptions } from 'leaflet';
import { useTranslation } from 'react-i18next';
import { CENTER_STYLE, COVERAGE_STATES, COVERAGE_STYLE } from './coverage';

export function Swatch({ style }: { style: CircleMarkerOptions }) {
  const r = style.radius ?? 8;
  const size = 2 * (r + 3);
  return (
    <svg className="legend-swatch" width={size} height={size} aria-hidden="true" focusable="false">
      <circle
        cx={size / 2}
        cy={size / 2}
        r={r}
        fill={style.fillColor}
        fillOpacity={style.fillOpacity}
        stroke={style.color === '#ffffff' ? '#495057' : style.color}
        strokeWidth={style.weight}
      />
    </svg>
  );
}

/** Legend for the map; the same marker styles as on the map. */
export function MapLegend() {
  const { t } = useTranslation();
  return (
    <div>
      <Title order={3} size="h4" id="legend-title" mb="xs">
        {t('centers.legendTitle')}
      </Title>
      <ul className="plain-list" aria-labelledby="legend-title">
        {COVERAGE_STATES.map((state) => (
          <li key={state}>
            <Group gap="xs" wrap="nowrap" py={4}>
              <Swatch style={COVERAGE_STYLE[state]} />
              <Text>{t(`coverage.${state}`)}</Text>
            </Group>
          </li>
        ))}
        <li>
          <Group gap="xs" wrap="nowrap" py={4}>
            <Swatch style={CENTER_STYLE} />
            <Text>{t('centers.legendCenter')}</Text>
          </Group>
        </li>
      </ul>
    </div>
  );
}
