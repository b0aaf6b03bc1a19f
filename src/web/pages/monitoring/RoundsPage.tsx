import { Alert, Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { monitoringKeys, useRounds } from '../../api/monitoring-queries';
import type { User } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { OpenRoundForm } from './OpenRoundForm';
import { formatScore, isOperator, kindLabel, METHOD_KINDS, periodLabel } from './vocabulary';

/** /operator/monitoring — the rounds of the region and opening a new one (regional operator). */
export function RoundsPage() {
  const { t } = useTranslation();
  const title = t('monitoring.rounds.title');
  usePageTitle(title);
  return (
    <RequireUser title={title}>
      {(user) => (
        <Stack gap="xl" data-testid="monitoring-rounds-page">
          <Stack gap="sm">
            <Title order={1}>{title}</Title>
            <Text maw={760}>{t('monitoring.rounds.lead')}</Text>
          </Stack>
          <Rounds user={user} />
        </Stack>
      )}
    </RequireUser>
  );
}

function Rounds({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const rounds = useRounds();
  const listId = useId();
  const openId = useId();
  if (!isOperator(user)) return <Alert color="gray">{t('monitoring.rounds.onlyOperator')}</Alert>;
  const items = rounds.data?.items ?? [];
  return (
    <>
      <section aria-labelledby={listId}>
        <Title order={2} id={listId} mb="sm">
          {t('monitoring.rounds.listTitle')}
        </Title>
        <ErrorAlert error={rounds.error} title={t('errors.loadFailed')} />
        {rounds.isPending && <LoadingBlock />}
        {rounds.data && items.length === 0 && <Text>{t('monitoring.rounds.empty')}</Text>}
        {items.length > 0 && (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
          <section className="table-scroll" tabIndex={0} aria-labelledby={listId}>
            <Table data-testid="rounds-table" withTableBorder striped verticalSpacing="sm">
              <Table.Caption>{t('monitoring.rounds.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('monitoring.rounds.colPeriod')}</Table.Th>
                  <Table.Th scope="col">{t('monitoring.rounds.colStatus')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('monitoring.rounds.colCenters')}
                  </Table.Th>
                  <Table.Th scope="col">{t('monitoring.rounds.colOpened')}</Table.Th>
                  <Table.Th scope="col">{t('monitoring.rounds.colClosed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/operator/monitoring/${r.id}`} fw={700}>
                        {periodLabel(t, r)}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <Badge color={r.status === 'open' ? 'blue.9' : 'gray.8'} variant="outline">
                        {t(`monitoring.rounds.status.${r.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{r.centers}</Table.Td>
                    <Table.Td>{formatDateTime(r.openedAt, lng)}</Table.Td>
                    <Table.Td>{r.closedAt ? formatDateTime(r.closedAt, lng) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        )}
      </section>
      <section aria-labelledby={openId}>
        <Title order={2} id={openId} mb="xs">
          {t('monitoring.rounds.openTitle')}
        </Title>
        <Text mb="sm" maw={760}>
          {t('monitoring.rounds.openLead')}
        </Text>
        <OpenRoundForm existing={items} />
      </section>
      <IndicatorsSection />
    </>
  );
}

function IndicatorsSection() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const titleId = useId();
  const indicators = useQuery({
    queryKey: monitoringKeys.indicators,
    queryFn: ({ signal }) => api('monitoringIndicators', { signal }),
  });
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} id={titleId} mb="sm">
        {t('monitoring.rounds.indicatorsTitle')}
      </Title>
      <ErrorAlert error={indicators.error} title={t('errors.loadFailed')} />
      {indicators.data && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
        <section className="table-scroll" tabIndex={0} aria-labelledby={titleId}>
          <Table withTableBorder striped>
            <Table.Caption>{t('monitoring.rounds.indicatorsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('monitoring.rounds.colIndicator')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.rounds.colMax')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.rounds.colWeight')}
                </Table.Th>
                <Table.Th scope="col">{t('monitoring.rounds.colSource')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicators.data.items.map((i) => (
                <Table.Tr key={i.code}>
                  <Table.Th scope="row" fw={400}>
                    {localName(i, lng)}
                  </Table.Th>
                  <Table.Td ta="right">{formatScore(i.maxScore, lng)}</Table.Td>
                  <Table.Td ta="right">{formatScore(i.weight, lng)}</Table.Td>
                  <Table.Td>
                    {i.method === 'entered'
                      ? t('monitoring.rounds.sourceEntered')
                      : t('monitoring.rounds.sourceComputed', {
                          kinds: (METHOD_KINDS[i.method] ?? []).map((k) => kindLabel(t, k)).join(', '),
                        })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
    </section>
  );
}
