import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatPercent } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';

/**
 * Live figures from GET /api/public/summary. Each figure is «<number> <noun phrase>», where the phrase
 * takes the Russian plural form for the number (i18next `_one/_few/_many/_other` keys).
 * The test ids sit on the bare numbers.
 */
export function SummaryStats() {
  const { t, i18n } = useTranslation();
  const summary = useQuery({
    queryKey: queryKeys.summary,
    queryFn: ({ signal }) => api('summary', { signal }),
  });

  if (summary.isPending) return <LoadingBlock label={t('home.statsLoading')} />;
  if (summary.isError) return <ErrorAlert error={summary.error} title={t('errors.loadFailed')} />;
  const s = summary.data;

  return (
    <>
      <ul className="stats">
        <li className="stat">
          <span className="stat-value" data-testid="summary-active-centers">
            {s.activeCenters}
          </span>{' '}
          {t('home.activeCenters', { count: s.activeCenters })}
        </li>
        <li className="stat">
          <span className="stat-value" data-testid="summary-municipalities-covered">
            {s.municipalitiesCovered}
          </span>{' '}
          <span data-testid="summary-municipalities-total">
            {t('home.municipalitiesCovered', { count: s.municipalitiesTotal })}
          </span>
        </li>
        <li className="stat">
          <span className="stat-value" data-testid="summary-volunteers">
            {s.volunteers}
          </span>{' '}
          {t('home.volunteers', { count: s.volunteers })}
        </li>
        <li className="stat">
          <span className="stat-value" data-testid="summary-applications">
            {s.applicationsInProgress}
          </span>{' '}
          {t('home.applications', { count: s.applicationsInProgress })}
        </li>
      </ul>
      {s.populationCoveredShare !== null && (
        <Text mt="md">
          {t('home.populationShare', { share: formatPercent(s.populationCoveredShare, i18n.language) })}
        </Text>
      )}
    </>
  );
}
