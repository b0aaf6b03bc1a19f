import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { usePageTitle } from '../../components/usePageTitle';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { CenterFact } from './CentersList';
import { STATUS_BADGE } from './coverage';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /centers/:id — the public page of one active centre; suspended and closed centres are "not found". */
export function CenterPage() {
  const { id = '' } = useParams();
  return UUID_RE.test(id) ? <CenterLoader id={id} /> : <NotFoundPage />;
}

function CenterLoader({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const center = useQuery({
    queryKey: ['public-center', id],
    queryFn: () => api('publicCenter', { params: { id } }),
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
  return (
    <Stack gap="md" data-testid="center-page">
      <Anchor component={Link} to="/centers">
        {t('centers.backToList')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{c.name}</Title>
        <Badge color={STATUS_BADGE[c.status]} variant="light">
          {t(`centerStatus.${c.status}`)}
        </Badge>
      </Group>
      <Stack gap={4}>
        <CenterFact label={t('centers.organization')}>
          {c.organizationName}{' '}
          {c.organizationIsPlaceholder && (
            <Badge color="grape" variant="light" title={t('centers.placeholderHint')}>
              {t('centers.placeholder')}
            </Badge>
          )}
        </CenterFact>
        <CenterFact label={t('centers.municipality')}>{localName(c.municipality, lng)}</CenterFact>
        <CenterFact label={t('centers.address')}>{c.address ?? t('common.notSpecified')}</CenterFact>
        {c.openedOn && <CenterFact label={t('centers.opened')}>{formatDate(c.openedOn, lng)}</CenterFact>}
      </Stack>
      <Text size="sm">{t('centers.pageNote')}</Text>
    </Stack>
  );
}
