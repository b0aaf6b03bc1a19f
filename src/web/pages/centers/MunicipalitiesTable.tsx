import { Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, localName } from '../../components/format';
import { COVERAGE_STYLE, type Municipality } from './coverage';
import { Swatch } from './MapLegend';

/** The accessible equivalent of the map: one row per municipality. */
export function MunicipalitiesTable({ items }: { items: Municipality[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    // The wrapper scrolls horizontally on narrow screens, so it must be reachable by keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby="municipalities-caption" tabIndex={0}>
      <Table data-testid="municipalities-table" striped withTableBorder verticalSpacing="xs">
        <Table.Caption id="municipalities-caption">{t('centers.municipalitiesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('centers.colName')}</Table.Th>
            <Table.Th scope="col">{t('centers.colKind')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('centers.colPopulation')}
            </Table.Th>
            <Table.Th scope="col">{t('centers.colCoverage')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('centers.colActiveCenters')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('centers.colApplications')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id} data-coverage={m.coverage}>
              <Table.Th scope="row">{localName(m, lng)}</Table.Th>
              <Table.Td>{t(`municipalityKind.${m.kind}`)}</Table.Td>
              <Table.Td ta="right">
                {m.population === null ? t('common.notSpecified') : formatNumber(m.population, lng)}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Swatch style={COVERAGE_STYLE[m.coverage]} />
                  {t(`coverage.${m.coverage}`)}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{m.activeCenters}</Table.Td>
              <Table.Td ta="right">{m.applicationsInProgress}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
