import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ApplicationListQuery, useApplicationList, useStages } from '../../api/applications-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { ApplicationsTable } from './ApplicationsTable';
import { QueueFilters, type QueueFilterValues } from './QueueFilters';
import { pathStages, useStageName } from './stages';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE_RE = /^[a-z][a-z0-9_]{1,39}$/;
const PAGE_SIZE = 50;
const URL_KEYS = {
  stage: 'stage',
  municipalityId: 'municipality',
  q: 'q',
  olderThanDays: 'older',
  state: 'state',
  sort: 'sort',
} as const;

/** The operator's queue: counts per stage, filters kept in the address, longest at the stage first. */
export function OperatorQueue() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const stageName = useStageName();
  const stages = useStages();
  const filters: QueueFilterValues = {
    stage: params.get('stage') ?? '',
    municipalityId: params.get('municipality') ?? '',
    q: params.get('q') ?? '',
    olderThanDays: params.get('older') ?? '',
    state: params.get('state') ?? 'open',
    sort: params.get('sort') ?? 'age',
  };
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const older = Number.parseInt(filters.olderThanDays, 10);
  const query: ApplicationListQuery = {
    stage: CODE_RE.test(filters.stage) ? filters.stage : undefined,
    municipalityId: UUID_RE.test(filters.municipalityId) ? filters.municipalityId : undefined,
    q: filters.q || undefined,
    olderThanDays: Number.isFinite(older) && older >= 0 ? older : undefined,
    state: filters.state === 'closed' || filters.state === 'all' ? filters.state : 'open',
    sort: filters.sort === 'updated' ? 'updated' : 'age',
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useApplicationList(false, query);

  const onFilters = (patch: Partial<QueueFilterValues>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch) as [keyof QueueFilterValues, string][]) {
          if (value) next.set(URL_KEYS[key], value);
          else next.delete(URL_KEYS[key]);
        }
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  const goToPage = (n: number) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (n > 1) next.set('page', String(n));
      else next.delete('page');
      return next;
    });

  const data = list.data;
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const lng = i18n.language;
  const counts = new Map((data?.stageCounts ?? []).map((c) => [c.stage, c.count]));
  const ordered = pathStages(stages.data?.items).map((s) => s.code);
  for (const code of counts.keys()) if (!ordered.includes(code)) ordered.push(code);
  const shownCounts = ordered.filter((code) => (counts.get(code) ?? 0) > 0 || code === filters.stage);

  return (
    <Stack gap="lg" data-testid="applications-queue">
      <Stack gap="sm" maw={760}>
        <Title order={1}>{t('applications.queueTitle')}</Title>
        <Text>{t('applications.leadQueue')}</Text>
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h3" id="stage-counts-title">
          {t('applications.byStage')}
        </Title>
        {data && shownCounts.length === 0 && <Text>{t('applications.noneOpen')}</Text>}
        <Group component="ul" gap="xs" className="plain-list" aria-labelledby="stage-counts-title">
          {shownCounts.map((code) => {
            const selected = filters.stage === code;
            return (
              <li key={code}>
                <Button
                  variant={selected ? 'filled' : 'default'}
                  size="compact-md"
                  data-testid={`stage-count-${code}`}
                  aria-pressed={selected}
                  onClick={() => onFilters({ stage: selected ? '' : code })}
                >
                  {stageName(code)}: {formatNumber(counts.get(code) ?? 0, lng)}
                </Button>
              </li>
            );
          })}
        </Group>
      </Stack>

      <QueueFilters filters={filters} onChange={onFilters} />
      <ErrorAlert error={list.error} title={t('errors.loadFailed')} />
      {list.isPending && <LoadingBlock />}
      {data && (
        <Stack gap="sm" aria-busy={list.isFetching || undefined}>
          <Text role="status" data-testid="applications-shown">
            {total === 0
              ? t('applications.noMatches')
              : t('applications.shown', {
                  count: total,
                  shown: formatNumber(data.items.length, lng),
                  total: formatNumber(total, lng),
                })}
          </Text>
          {data.items.length > 0 && (
            <ApplicationsTable items={data.items} caption={t('applications.captionQueue')} showOwner />
          )}
          {pages > 1 && (
            <Group component="nav" aria-label={t('applications.pagination')} gap="sm">
              <Button variant="default" disabled={page <= 1} onClick={() => goToPage(page - 1)}>
                {t('applications.prevPage')}
              </Button>
              <Text>{t('applications.pageOf', { page, pages })}</Text>
              <Button variant="default" disabled={page >= pages} onClick={() => goToPage(page + 1)}>
                {t('applications.nextPage')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
