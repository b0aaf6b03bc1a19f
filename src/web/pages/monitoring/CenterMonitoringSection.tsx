import { Anchor, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCenterMonitoring } from '../../api/monitoring-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatScore, periodLabel } from './vocabulary';
import { ZoneBadge } from './ZoneBadge';

/** A centre's results across monitoring rounds: rank, total, zone and each indicator's score. */
export function CenterMonitoringSection({ centerId, operator }: { centerId: string; operator: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const titleId = useId();
  const history = useCenterMonitoring(centerId);
  const items = history.data?.items ?? [];
  const indicators = items[0]?.indicators ?? [];

  return (
    <section aria-labelledby={titleId} data-testid="center-monitoring">
      <Title order={2} id={titleId} mb="xs">
        {t('monitoring.centerHistory.title')}
      </Title>
      <Text mb="sm" maw={760}>
        {operator ? t('monitoring.centerHistory.leadOperator') : t('monitoring.centerHistory.lead')}
      </Text>
      <ErrorAlert error={history.error} title={t('errors.loadFailed')} />
      {history.isPending && <LoadingBlock />}
      {history.data && items.length === 0 && <Text>{t('monitoring.centerHistory.empty')}</Text>}
      {items.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
        <section className="table-scroll" tabIndex={0} aria-labelledby={titleId}>
          <Table withTableBorder striped verticalSpacing="sm">
            <Table.Caption>{t('monitoring.centerHistory.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('monitoring.centerHistory.colRound')}</Table.Th>
                <Table.Th scope="col">{t('monitoring.centerHistory.colRank')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.centerHistory.colPercent')}
                </Table.Th>
                <Table.Th scope="col">{t('monitoring.centerHistory.colZone')}</Table.Th>
                {indicators.map((i) => (
                  <Table.Th scope="col" key={i.code} ta="right">
                    {localName(i, lng)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.round.id}>
                  <Table.Th scope="row" fw={400}>
                    {operator ? (
                      <Anchor component={Link} to={`/operator/monitoring/${item.round.id}`}>
                        {periodLabel(t, item.round)}
                      </Anchor>
                    ) : (
                      periodLabel(t, item.round)
                    )}
                    {item.round.status === 'open' && ` (${t('monitoring.centerHistory.openRound')})`}
                  </Table.Th>
                  <Table.Td className="nowrap">
                    {t('monitoring.centerHistory.rankOf', { rank: item.row.rank, of: item.of })}
                  </Table.Td>
                  <Table.Td ta="right">{formatScore(item.row.percent, lng)}</Table.Td>
                  <Table.Td>
                    <ZoneBadge zone={item.row.zone} />
                  </Table.Td>
                  {indicators.map((i) => (
                    <Table.Td key={i.code} ta="right">
                      {formatScore(item.row.scores.find((s) => s.indicator === i.code)?.final ?? null, lng)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
    </section>
  );
}
