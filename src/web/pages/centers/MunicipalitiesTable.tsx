import { Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, localName } from '../../components/format';
import type { Municipality } from './coverage';
import { Swatch } from './MapLegend';

/** The accessible equivalent of the map: one row per municipality in force on the chosen day. */
export function MunicipalitiesTable({ items, caption }: { items: Municipality[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    // The wrapper scrolls on narrow screens and beside the map, so it must be reachable by keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
    <section className="table-scroll cov-table" aria-labelledby="municipalities-caption" tabIndex={0}>
      <Table
        data-testid="municipalities-table"
        striped
        withTableBorder
        verticalSpacing={6}
        fz="sm"
        stickyHeader
      >
        <Table.Caption id="municipalities-caption">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('centers.colName')}</Table.Th>
            <Table.Th scope="col">{t('centers.colCoverage')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('map.colCenters')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('map.colApplications')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('map.colPopulation')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id} data-coverage={m.coverage}>
              <Table.Th scope="row" fw={600}>
                {localName(m, lng)}
              </Table.Th>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Swatch state={m.coverage} />
                  {t(`coverage.${m.coverage}`)}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{m.activeCenters}</Table.Td>
              <Table.Td ta="right">{m.applicationsInProgress}</Table.Td>
              <Table.Td ta="right">
                {m.population === null ? t('common.notSpecified') : formatNumber(m.population, lng)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
