import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import { type User, useMe } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { isRegionalOperator } from '../../components/RequireRole';
import { usePageTitle } from '../../components/usePageTitle';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { CenterManagerLinks, CenterPublicSquads, CenterUpcomingOpportunities } from './CenterPageLists';
import { CenterProfileEditor } from './CenterProfileEditor';
import { CenterStatusPanel } from './CenterStatusPanel';
import { CenterFact, CenterFacts } from './CentersList';
import { STATUS_BADGE } from './coverage';
import { centerKeys, useServiceKinds } from './queries';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /centers/:id — the public page of one active centre (suspended and closed centres are "not found" to
 * the public). The centre's coordinators and the operator see it in any status, edit its profile; the
 * operator also decides its status.
 */
export function CenterPage() {
  const { id = '' } = useParams();
  const me = useMe();
  if (!UUID_RE.test(id)) return <NotFoundPage />;
  if (me.isPending) return <LoadingBlock />;
  return <CenterLoader id={id} user={me.data ?? null} />;
}

const isCoordinatorOf = (user: User, centerId: string) =>
  user.roles.some((r) => r.role === 'center_coordinator' && r.scopeId === centerId);

function CenterLoader({ id, user }: { id: string; user: User | null }) {
  const { t, i18n } = useTranslation();
  const operator = user !== null && isRegionalOperator(user);
  const manager = user !== null && (operator || isCoordinatorOf(user, id));
  const kinds = useServiceKinds();
  const center = useQuery({
    queryKey: centerKeys.centerView(id, manager),
    queryFn: async ({ signal }) =>
      manager
        ? api('centerHistory', { params: { id }, signal })
        : { ...(await api('publicCenter', { params: { id }, signal })), events: null },
    retry: false,
  });
  usePageTitle(center.data?.center.name ?? t('centers.title'));
  if (isApiError(center.error, 404)) return <NotFoundPage />;
  if (center.error) {
    return (
      <Stack>
        <Title order={1}>{t('centers.title')}</Title>
        <ErrorAlert error={center.error} title={t('errors.loadFailed')} />
      </Stack>
    );
  }
  if (!center.data) return <LoadingBlock />;
  const c = center.data.center;
  const lng = i18n.language;
  const queryKey = centerKeys.centerView(id, manager);
  return (
    <Stack gap="lg" data-testid="center-page">
      <Anchor component={Link} to="/centers">
        {t('centers.backToList')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{c.name}</Title>
        <Badge color={STATUS_BADGE[c.status]} variant="light" data-testid="center-status">
          {t(`centerStatus.${c.status}`)}
        </Badge>
      </Group>
      <section aria-labelledby="center-profile-title">
        <Title order={2} id="center-profile-title" mb="sm">
          {t('map.profileTitle')}
        </Title>
        <Stack gap="sm">
          <CenterFacts center={c} kinds={kinds.data?.items ?? []} />
          {c.openedOn && <CenterFact label={t('centers.opened')}>{formatDate(c.openedOn, lng)}</CenterFact>}
          {c.description && (
            <Text data-testid="center-description" style={{ whiteSpace: 'pre-line' }}>
              {c.description}
            </Text>
          )}
        </Stack>
      </section>
      {c.status === 'active' && <CenterUpcomingOpportunities centerId={c.id} />}
      {c.status === 'active' && <CenterPublicSquads centerId={c.id} />}
      {manager && (
        <Anchor component={Link} to={`/centers/${c.id}/work-log`} data-testid="center-work-log-link">
          {t('monitoring.workLog.title')}
        </Anchor>
      )}
      {manager && <CenterManagerLinks centerId={c.id} />}
      {manager && <CenterProfileEditor center={c} kinds={kinds.data?.items ?? []} queryKey={queryKey} />}
      {manager && center.data.events && (
        <CenterStatusPanel center={c} events={center.data.events} canDecide={operator} queryKey={queryKey} />
      )}
      {!manager && <Text size="sm">{t('centers.pageNote')}</Text>}
    </Stack>
  );
}
