import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import { type RoundDetail, ratingHref, storeRound, useRound } from '../../api/monitoring-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { RatingTable } from './RatingTable';
import { isOperator, periodDates, periodLabel, UUID_RE } from './vocabulary';

/** /operator/monitoring/:roundId — the rating with colour zones; scores, closing and export (operator). */
export function RoundPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  return (
    <RequireUser title={t('monitoring.rounds.title')}>
      {(user) =>
        !UUID_RE.test(roundId) ? (
          <NotFoundPage />
        ) : isOperator(user) ? (
          <RoundLoader roundId={roundId} />
        ) : (
          <Stack>
            <Title order={1}>{t('monitoring.rounds.title')}</Title>
            <Alert color="gray">{t('monitoring.rounds.onlyOperator')}</Alert>
          </Stack>
        )
      }
    </RequireUser>
  );
}

function RoundLoader({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const round = useRound(roundId);
  usePageTitle(
    round.data
      ? t('monitoring.round.title', { period: periodLabel(t, round.data.round) })
      : t('monitoring.rounds.title'),
  );
  if (isApiError(round.error, 404)) return <NotFoundPage />;
  if (!round.data)
    return (
      <Stack>
        <Title order={1}>{t('monitoring.rounds.title')}</Title>
        {round.error ? <ErrorAlert error={round.error} title={t('errors.loadFailed')} /> : <LoadingBlock />}
      </Stack>
    );
  return <RoundView detail={round.data} />;
}

function RoundView({ detail }: { detail: RoundDetail }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { round } = detail;
  const open = round.status === 'open';
  const [closing, setClosing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const ratingId = useId();
  const exportsId = useId();
  const unknown = t('monitoring.workLog.unknownPerson');

  return (
    <Stack gap="xl" data-testid="monitoring-round-page">
      <Stack gap="sm">
        <Anchor component={Link} to="/operator/monitoring">
          {t('monitoring.round.backToList')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1}>{t('monitoring.round.title', { period: periodLabel(t, round) })}</Title>
          <Badge color={open ? 'blue.9' : 'gray.8'} variant="outline" data-testid="round-status">
            {t(`monitoring.rounds.status.${round.status}`)}
          </Badge>
        </Group>
        <Text>{periodDates(t, round, lng)}</Text>
        <Text>{t('monitoring.round.thresholds', { green: round.greenFrom, yellow: round.yellowFrom })}</Text>
        <Text size="sm">
          {t('monitoring.round.openedLine', {
            name: round.openedBy?.displayName ?? unknown,
            at: formatDateTime(round.openedAt, lng),
          })}
        </Text>
        {round.closedAt && (
          <Text size="sm" fw={700}>
            {t('monitoring.round.closedLine', {
              name: round.closedBy?.displayName ?? unknown,
              at: formatDateTime(round.closedAt, lng),
            })}
          </Text>
        )}
        {notice && (
          <Alert color="green" role="status">
            {notice}
          </Alert>
        )}
        {open && (
          <Button
            color="red.9"
            variant="outline"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setClosing(true)}
            data-testid="close-round"
          >
            {t('monitoring.round.close')}
          </Button>
        )}
      </Stack>

      <section aria-labelledby={ratingId}>
        <Title order={2} id={ratingId} mb="xs">
          {t('monitoring.round.ratingTitle')}
        </Title>
        <Text size="sm" mb="sm" maw={760}>
          {t('monitoring.round.legend')}
        </Text>
        <RatingTable
          detail={detail}
          labelledBy={ratingId}
          onSaved={() => setNotice(t('monitoring.round.saved'))}
        />
      </section>

      <Card withBorder padding="md" component="section" aria-labelledby={exportsId} maw={760}>
        <Title order={2} size="h4" id={exportsId} mb="xs">
          {t('monitoring.round.exportsTitle')}
        </Title>
        <List listStyleType="none">
          <List.Item>
            <Group gap="md">
              {(['csv', 'xlsx'] as const).map((format) => (
                <Anchor
                  key={format}
                  href={ratingHref(round.id, format)}
                  download
                  aria-label={t('monitoring.round.exportLabel', { format: format.toUpperCase() })}
                  data-testid={`rating-export-${format}`}
                >
                  {format.toUpperCase()}
                </Anchor>
              ))}
            </Group>
          </List.Item>
        </List>
      </Card>
      {closing && (
        <CloseDialog
          detail={detail}
          onClose={(closed) => {
            setClosing(false);
            if (closed) setNotice(t('monitoring.round.closed'));
          }}
        />
      )}
    </Stack>
  );
}

function CloseDialog({ detail, onClose }: { detail: RoundDetail; onClose: (closed: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () =>
      api('closeMonitoringRound', { params: { roundId: detail.round.id }, ifMatch: detail.round.version }),
    onSuccess: (next) => {
      storeRound(queryClient, next);
      onClose(true);
    },
  });
  const incomplete = detail.rows.filter((r) => !r.complete).length;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('monitoring.workLog.close') }}
      opened
      onClose={() => onClose(false)}
      title={t('monitoring.round.closeTitle')}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack>
        <Text>{t('monitoring.round.closeText')}</Text>
        {incomplete > 0 && (
          <Text fw={700}>{t('monitoring.round.closeIncomplete', { count: incomplete })}</Text>
        )}
        <ErrorAlert error={close.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={close.isPending}
            onClick={() => close.mutate()}
            data-testid="confirm-close-round"
          >
            {t('monitoring.round.closeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
