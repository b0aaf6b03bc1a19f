import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DashboardData, useDashboard } from '../../api/plan-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber, formatPercent } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDay, formatRate } from './format';
import { OperatorOnly } from './OperatorOnly';
import { PipelineTable } from './PipelineTable';
import { PlanChart } from './PlanChart';
import { TargetCards } from './TargetCards';
import './plan.css';

/** /operator/dashboard: plan vs actual, the gap and forecast per target, the pipeline. Operator only. */
export function DashboardPage() {
  const { t } = useTranslation();
  const title = t('plan.dashboard.title');
  usePageTitle(title);
  return <OperatorOnly title={title}>{() => <Dashboard title={title} />}</OperatorOnly>;
}

function Dashboard({ title }: { title: string }) {
  const { t, i18n } = useTranslation();
  const dashboard = useDashboard();
  const lng = i18n.language;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{title}</Title>
        <Anchor component={Link} to="/operator/plan">
          {t('plan.nav.plan')}
        </Anchor>
      </Group>
      {dashboard.isPending && <LoadingBlock />}
      {dashboard.isError && <ErrorAlert error={dashboard.error} title={t('errors.loadFailed')} />}
      {dashboard.data && (
        <>
          <Text>{t('plan.dashboard.asOf', { date: formatDay(dashboard.data.today, lng) })}</Text>
          <Summary data={dashboard.data} />
          <section aria-labelledby="plan-targets-title">
            <Title order={2} id="plan-targets-title" mb="sm">
              {t('plan.dashboard.targetsTitle')}
            </Title>
            <TargetCards targets={dashboard.data.targets} />
            <Text size="sm" mt="sm">
              {t('plan.dashboard.pace', {
                from: formatDay(dashboard.data.pace.windowStart, lng),
                openings: formatRate(dashboard.data.pace.openingsPerMonth, lng),
                coverage: formatRate(dashboard.data.pace.coveragePerMonth, lng),
              })}
            </Text>
            <details className="plan-method">
              <summary>{t('plan.dashboard.method')}</summary>
              <Text size="sm" mt="xs" maw={880}>
                {t('plan.methodText')}
              </Text>
            </details>
          </section>
          <section aria-labelledby="plan-chart-title">
            <Title order={2} id="plan-chart-title" mb="sm">
              {t('plan.chart.title')}
            </Title>
            <PlanChart series={dashboard.data.series} />
            {dashboard.data.undatedCenters > 0 && (
              <Text size="sm" mt="xs">
                {t('plan.dashboard.undated', { count: dashboard.data.undatedCenters })}
              </Text>
            )}
          </section>
          <section aria-labelledby="plan-pipeline-title">
            <Title order={2} id="plan-pipeline-title" mb="sm">
              {t('plan.pipeline.title')}
            </Title>
            <PipelineTable items={dashboard.data.pipeline} />
          </section>
        </>
      )}
    </Stack>
  );
}

function Summary({ data }: { data: DashboardData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const share = data.actual.populationCoveredShare;
  const stats = [
    { label: t('plan.dashboard.activeCenters'), value: formatNumber(data.actual.activeCenters, lng) },
    {
      label: t('plan.dashboard.covered'),
      value: t('plan.dashboard.coveredValue', {
        covered: formatNumber(data.actual.coveredMunicipalities, lng),
        total: formatNumber(data.actual.municipalitiesTotal, lng),
      }),
    },
    { label: t('plan.dashboard.inProgress'), value: formatNumber(data.actual.inProgressMunicipalities, lng) },
    { label: t('plan.dashboard.population'), value: share === null ? '—' : formatPercent(share, lng) },
  ];
  return (
    <section aria-labelledby="plan-summary-title">
      <Title order={2} id="plan-summary-title" mb="sm">
        {t('plan.dashboard.summaryTitle')}
      </Title>
      <SimpleGrid
        cols={{ base: 2, md: 4 }}
        component="dl"
        className="plan-summary"
        data-testid="plan-summary"
      >
        {stats.map((s) => (
          <Paper key={s.label} withBorder p="sm">
            <Text component="dt" size="sm">
              {s.label}
            </Text>
            <Text component="dd" fw={700} fz="xl" m={0}>
              {s.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
