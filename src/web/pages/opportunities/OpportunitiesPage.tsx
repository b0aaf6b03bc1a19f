import { Alert, Group, Pagination, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOpportunitySearch } from '../../api/opportunities-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { usePageTitle } from '../../components/usePageTitle';
import { SearchFilters } from './SearchFilters';
import { SearchResults } from './SearchResults';
import { type SearchState, searchQuery, stateFromParams } from './searchState';

const PAGE_SIZE = 20;

/** The public catalogue: Russian full-text search, filters, "near me", sort and pages. */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('opportunities.title'));
  const [params, setParams] = useSearchParams();
  const state = stateFromParams(params);
  const [geoError, setGeoError] = useState<string | null>(null);
  const search = useOpportunitySearch(searchQuery(state, PAGE_SIZE));

  const update = useCallback(
    (next: Partial<SearchState>) => {
      setParams(
        (current) => {
          const merged = { ...stateFromParams(current), page: 1, ...next };
          const out = new URLSearchParams();
          for (const [key, value] of Object.entries(merged)) {
            if (value !== '' && value !== false && value !== null && !(key === 'page' && value === 1))
              out.set(key, String(value));
          }
          return out;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const total = search.data?.total ?? 0;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('opportunities.title')}</Title>
        <Text>{t('opportunities.lead')}</Text>
      </Stack>
      <section aria-labelledby="opportunity-filters-title">
        <VisuallyHidden component="h2" id="opportunity-filters-title">
          {t('opportunities.filters.title')}
        </VisuallyHidden>
        <SearchFilters value={state} onChange={update} onGeoError={setGeoError} />
      </section>
      {geoError && (
        <Alert color="yellow" title={t('opportunities.near.failed')}>
          {geoError}
        </Alert>
      )}
      <section aria-labelledby="opportunity-results-title" aria-busy={search.isFetching}>
        <Title order={2} id="opportunity-results-title" mb="sm">
          {search.data?.totalCapped
            ? t('opportunities.resultsMore', { count: total })
            : t('opportunities.results', { count: total })}
        </Title>
        <ErrorAlert error={search.error} title={t('errors.loadFailed')} />
        {search.isPending ? <LoadingBlock /> : <SearchResults items={search.data?.items ?? []} />}
        {total > PAGE_SIZE && (
          <Group justify="center" mt="md">
            <Pagination
              total={Math.ceil(total / PAGE_SIZE)}
              value={state.page}
              onChange={(page) => update({ page })}
              getControlProps={(control) => ({ 'aria-label': t(`opportunities.paging.${control}`) })}
              getItemProps={(page) => ({ 'aria-label': t('opportunities.paging.page', { page }) })}
            />
          </Group>
        )}
      </section>
    </Stack>
  );
}
