import { Badge, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardTarget } from '../../api/plan-queries';
import { formatNumber } from '../../components/format';
import { formatDay } from './format';

const STATUS_COLOR = { met: 'green.9', on_track: 'blue.9', behind: 'orange.9', missed: 'red.9' } as const;

/** One card per target: target, actual, gap, forecasts and a status in words (not colour only). */
export function TargetCards({ targets }: { targets: DashboardTarget[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const forecastText = (target: DashboardTarget, date: string | null) => {
    if (target.met) return t('plan.dashboard.alreadyMet');
    return date ? formatDay(date, lng) : t('plan.dashboard.notAtPace');
  };
  if (targets.length === 0) return <Text>{t('plan.dashboard.noTargets')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="target-cards">
      {targets.map((target) => (
        <Card key={target.id} withBorder padding="md" component="article" data-testid="target-card">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t(`plan.kind.${target.kind}`)}
            </Title>
            <Badge
              color={STATUS_COLOR[target.status]}
              variant="filled"
              size="lg"
              data-testid="target-status"
              styles={{
                root: { height: 'auto', alignSelf: 'flex-start', paddingBlock: 4 },
                label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
              }}
            >
              {t(`plan.status.${target.status}`)}
            </Badge>
            <Text size="sm">
              {t('plan.dashboard.due')}: {formatDay(target.dueDate, lng)}
            </Text>
            {target.note && <Text size="sm">{target.note}</Text>}
            <dl className="plan-figures">
              <div>
                <dt>{t('plan.dashboard.target')}</dt>
                <dd>{formatNumber(target.target, lng)}</dd>
              </div>
              <div>
                <dt>{t('plan.dashboard.actual')}</dt>
                <dd>{formatNumber(target.actual, lng)}</dd>
              </div>
              <div>
                <dt>{t('plan.dashboard.gap')}</dt>
                <dd>{formatNumber(target.gap, lng)}</dd>
              </div>
            </dl>
            <Text size="sm">
              {t('plan.dashboard.forecastAtPace')}:{' '}
              <strong>{forecastText(target, target.forecast.atPace)}</strong>
            </Text>
            <Text size="sm">
              {t('plan.dashboard.forecastWithPipeline')}:{' '}
              <strong>{forecastText(target, target.forecast.withPipeline)}</strong>
            </Text>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
