import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { User } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { MyOrganizationInvitations } from './MyOrganizationInvitations';
import { type Filters, OrganizationsFilters } from './OrganizationsFilters';
import { OrganizationsTable } from './OrganizationsTable';
import {
  isOperator,
  type ListQuery,
  PAGE_SIZE,
  useOrganizationList,
  useSessionExpiry,
} from './organizationQueries';
import { RegistryExports } from './RegistryExports';
import { isKind } from './vocabulary';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /organizations: the whole registry for the regional operator, one's own organizations for anyone else. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const title = t('organizations.title');
  usePageTitle(title);
  return <RequireUser title={title}>{(user) => <Organizations user={user} />}</RequireUser>;
}

function Organizations({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const operator = isOperator(user);
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    q: params.get('q') ?? '',
    municipalityId: params.get('municipality') ?? '',
    kind: params.get('kind') ?? '',
  };
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const query: ListQuery = {
    q: filters.q || undefined,
    municipalityId: UUID_RE.test(filters.municipalityId) ? filters.municipalityId : undefined,
    kind: isKind(filters.kind) ? filters.kind : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useOrganizationList(query);
  useSessionExpiry(list.error);

  const urlKey = { q: 'q', municipalityId: 'municipality', kind: 'kind' } as const;
  const onFilters = (patch: Partial<Filters>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch) as [keyof Filters, string][]) {
          if (value) next.set(urlKey[key], value);
          else next.delete(urlKey[key]);
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

  const filtered = Boolean(query.q || query.municipalityId || query.kind);
  const data = list.data;
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const nothingYet = data !== undefined && total === 0 && !filtered;
  const lng = i18n.language;

  return (
    <Stack gap="lg" data-testid="organizations-page">
      <Title order={1}>{t('organizations.title')}</Title>
      {/* an invitation is what a person following its notice came for: right under the heading */}
      <MyOrganizationInvitations />
      <Group justify="space-between" align="flex-start" gap="md">
        <Text maw={720}>
          {operator ? t('organizations.leadOperator') : t('organizations.leadRepresentative')}
        </Text>
        <Button component={Link} to="/organizations/new" data-testid="register-organization">
          {t('organizations.register')}
        </Button>
      </Group>
      {operator && <RegistryExports />}
      {!(nothingYet && !operator) && <OrganizationsFilters filters={filters} onChange={onFilters} />}
      <ErrorAlert error={list.error} title={t('errors.loadFailed')} />
      {list.isPending && <LoadingBlock />}

      {nothingYet && !operator && (
        <Card withBorder padding="lg" maw={720} data-testid="organizations-empty">
          <Title order={2} size="h3" mb="sm">
            {t('organizations.emptyTitle')}
          </Title>
          <Text>{t('organizations.emptyText')}</Text>
          <Text mt="sm">{t('organizations.emptyHint')}</Text>
          <Button component={Link} to="/organizations/new" mt="md" style={{ alignSelf: 'flex-start' }}>
            {t('organizations.register')}
          </Button>
        </Card>
      )}
      {nothingYet && operator && <Text>{t('organizations.emptyRegistry')}</Text>}

      {data !== undefined && !nothingYet && (
        <Stack gap="sm" aria-busy={list.isFetching || undefined}>
          <Text role="status" data-testid="organizations-shown">
            {total === 0
              ? t('organizations.noMatches')
              : t('organizations.shown', {
                  count: total,
                  shown: formatNumber(data.items.length, lng),
                  total: formatNumber(total, lng),
                })}
          </Text>
          {data.items.length > 0 && (
            <OrganizationsTable
              items={data.items}
              caption={operator ? t('organizations.captionRegistry') : t('organizations.captionMine')}
            />
          )}
          {pages > 1 && (
            <Group component="nav" aria-label={t('organizations.pagination')} gap="sm">
              <Button variant="default" disabled={page <= 1} onClick={() => goToPage(page - 1)}>
                {t('organizations.prevPage')}
              </Button>
              <Text>{t('organizations.pageOf', { page, pages })}</Text>
              <Button variant="default" disabled={page >= pages} onClick={() => goToPage(page + 1)}>
                {t('organizations.nextPage')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
