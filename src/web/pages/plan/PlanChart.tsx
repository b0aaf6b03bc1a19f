import { Button, Collapse, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SeriesPoint } from '../../api/plan-queries';
import { formatNumber } from '../../components/format';
import { formatMonth } from './format';

/** Colours with at least 4.5:1 contrast on white (lines and legend text). */
const COLORS = {
  actualCenters: 'var(--mantine-color-blue-9)',
  planCenters: 'var(--mantine-color-blue-9)',
  actualCoverage: 'var(--mantine-color-teal-9)',
  planCoverage: 'var(--mantine-color-teal-9)',
};

type Key = 'activeCenters' | 'planActiveCenters' | 'coveredMunicipalities' | 'planCoverage';
const LINES: { key: Key; label: keyof typeof COLORS; plan: boolean }[] = [
  { key: 'activeCenters', label: 'actualCenters', plan: false },
  { key: 'planActiveCenters', label: 'planCenters', plan: true },
  { key: 'coveredMunicipalities', label: 'actualCoverage', plan: false },
  { key: 'planCoverage', label: 'planCoverage', plan: true },
];

/**
 * Plan vs actual by month: actual figures as lines, the plan as steps from each due date. The same data is
 * available as a table (collapsible) for screen readers and for those who prefer reading numbers.
 */
export function PlanChart({ series }: { series: SeriesPoint[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [tableOpen, setTableOpen] = useState(false);
  const tableId = useId();
  const data = series.map((p) => ({ ...p, label: formatMonth(p.month, lng) }));
  const value = (v: number | null) => (v === null ? t('plan.chart.noValue') : formatNumber(v, lng));

  return (
    <>
      <figure className="plan-chart" data-testid="plan-chart">
        <figcaption>
          <Text size="sm">{t('plan.chart.description')}</Text>
        </figcaption>
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" minTickGap={24} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? formatNumber(v, lng) : String(v))} />
            <Legend />
            {LINES.map((line) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={t(`plan.chart.${line.label}`)}
                type={line.plan ? 'stepAfter' : 'monotone'}
                stroke={COLORS[line.label]}
                strokeWidth={line.plan ? 2 : 3}
                strokeDasharray={line.plan ? '6 4' : undefined}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <Button
        variant="default"
        onClick={() => setTableOpen((open) => !open)}
        aria-expanded={tableOpen}
        aria-controls={tableId}
        data-testid="chart-table-toggle"
      >
        {tableOpen ? t('plan.chart.hideTable') : t('plan.chart.showTable')}
      </Button>
      <Collapse expanded={tableOpen} id={tableId}>
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="chart-table">
            <Table.Caption>{t('plan.chart.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.chart.month')}</Table.Th>
                {LINES.map((line) => (
                  <Table.Th scope="col" key={line.key}>
                    {t(`plan.chart.${line.label}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((p) => (
                <Table.Tr key={p.month}>
                  <Table.Th scope="row">{p.label}</Table.Th>
                  {LINES.map((line) => (
                    <Table.Td key={line.key}>{value(p[line.key])}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </>
  );
}
