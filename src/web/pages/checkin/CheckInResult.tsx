import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckInResult } from '../../api/checkin-queries';
import { ApiError, NETWORK_ERROR } from '../../api/client';
import { formatHours, formatTime } from '../../components/format';

/** The big, clear answer of a check-in: the time, or the problem in words (announced to screen readers). */
export function CheckInOutcome({
  result,
  error,
  onCheckOut,
  pending,
}: {
  result?: CheckInResult;
  error: unknown;
  /** Offered when the server says "already checked in". */
  onCheckOut?: () => void;
  pending?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <div role="status" aria-live="assertive" aria-atomic="true" data-testid="checkin-outcome">
      {result && (
        <Paper withBorder p="lg" bg="var(--mantine-color-green-0)" data-result={result.result}>
          <Stack gap="xs">
            <Text className="checkin-result">
              {result.result === 'checked_in'
                ? t('checkin.result.in', { time: formatTime(result.checkedInAt ?? '', lng) })
                : t('checkin.result.out', { time: formatTime(result.checkedOutAt ?? '', lng) })}
            </Text>
            <Text>{result.shift.title}</Text>
            {result.result === 'checked_out' && result.hours !== null && (
              <Text>{t('checkin.result.hours', { hours: formatHours(result.hours, lng) })}</Text>
            )}
            {result.result === 'checked_in' && <Text size="sm">{t('checkin.result.outHint')}</Text>}
          </Stack>
        </Paper>
      )}
      {!!error && (
        <Alert
          color="red"
          title={t('checkin.result.failed')}
          data-code={error instanceof ApiError ? error.code : ''}
        >
          <Stack gap="sm">
            <Text className="checkin-result" size="lg">
              {error instanceof ApiError && error.code !== NETWORK_ERROR
                ? (error.problem.detail ?? error.problem.title)
                : t('errors.network')}
            </Text>
            {error instanceof ApiError && error.code === 'already_checked_in' && onCheckOut && (
              <Button onClick={onCheckOut} loading={pending} style={{ alignSelf: 'flex-start' }}>
                {t('checkin.result.checkOutNow')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
    </div>
  );
}
