import { Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { addDays } from '../../../shared/time-zone';
import { type Schedule, type ScheduleShift, useCenterSchedule } from '../../api/schedule-queries';
import { CoordinatorPage } from '../../components/CoordinatorPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber, formatTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';

/** A centre's week for its coordinators: every shift day by day, how full, who is waiting, who came. */
export function CenterSchedulePage() {
  const { t } = useTranslation();
  return <CoordinatorPage title={t('schedule.title')}>{() => <CenterSchedule />}</CoordinatorPage>;
}

function dayLabel(date: string, lng: string) {
  return new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'ru-RU', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** «Среда, 2 декабря»: only the first letter up (CSS capitalize would raise the month too). */
const sentenceCase = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

function CenterSchedule() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const schedule = useCenterSchedule(id, from && /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : null);
  const data = schedule.data;
  const go = (date: string | null) => setParams(date ? { from: date } : {});

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('schedule.title')}</Title>
        {data && (
          <Text c="dimmed">
            {t('schedule.subtitle', {
              center: data.center.name,
              from: dayLabel(data.from, i18n.language),
              to: dayLabel(data.to, i18n.language),
            })}
          </Text>
        )}
      </Stack>
      <Group gap="sm" role="group" aria-label={t('schedule.weekNav')}>
        <Button variant="default" disabled={!data} onClick={() => data && go(addDays(data.from, -7))}>
          {t('schedule.previous')}
        </Button>
        <Button variant="default" onClick={() => go(null)}>
          {t('schedule.today')}
        </Button>
        <Button variant="default" disabled={!data} onClick={() => data && go(addDays(data.from, 7))}>
          {t('schedule.next')}
        </Button>
        <Anchor component={Link} to={`/centers/${id}/opportunities`}>
          {t('schedule.opportunities')}
        </Anchor>
      </Group>
      <ErrorAlert error={schedule.error} title={t('errors.loadFailed')} />
      {schedule.isPending ? <LoadingBlock /> : data && <Week data={data} />}
    </Stack>
  );
}

function Week({ data }: { data: Schedule }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const n = (v: number) => formatNumber(v, lng);
  return (
    <>
      <section aria-label={t('schedule.totals')}>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          {(
            [
              ['shifts', data.totals.shifts],
              ['places', `${n(data.totals.held)} / ${n(data.totals.capacity)}`],
              ['waiting', n(data.totals.applied + data.totals.waitlisted)],
              ['arrived', n(data.totals.checkedIn)],
              ['noShows', n(data.totals.noShows)],
            ] as const
          ).map(([key, value]) => (
            <Paper key={key} withBorder p="sm">
              <Text size="sm" c="dimmed">
                {t(`schedule.total.${key}`)}
              </Text>
              <Text fw={700} size="xl">
                {value}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      {data.days.map((day) => (
        <section key={day.date} aria-labelledby={`day-${day.date}`} data-testid="schedule-day">
          <Title order={2} size="h3" id={`day-${day.date}`} mb="xs">
            {sentenceCase(dayLabel(day.date, lng))}
          </Title>
          {day.shifts.length === 0 ? (
            <Text c="dimmed">{t('schedule.noShifts')}</Text>
          ) : (
            <Stack gap="xs">
              {day.shifts.map((s) => (
                <ShiftCard key={s.id} shift={s} />
              ))}
            </Stack>
          )}
        </section>
      ))}
    </>
  );
}

function ShiftCard({ shift: s }: { shift: ScheduleShift }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const cancelled = s.status === 'cancelled';
  const full = s.held >= s.capacity;
  const percent = s.capacity > 0 ? Math.min(100, Math.round((s.held / s.capacity) * 100)) : 0;
  const placesText = t('schedule.places', { held: s.held, capacity: s.capacity });
  return (
    <Paper withBorder p="sm" data-testid="schedule-shift" opacity={cancelled ? 0.75 : 1}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Text fw={700}>
              {formatTime(s.startsAt, lng)}–{formatTime(s.endsAt, lng)}
            </Text>
            <Anchor component={Link} to={`/opportunities/${s.opportunityId}/manage`}>
              {s.opportunityTitle}
            </Anchor>
            {s.opportunityStatus !== 'published' && (
              <Badge variant="light" color="gray">
                {t(`opportunities.status.${s.opportunityStatus as 'draft'}`)}
              </Badge>
            )}
            {cancelled && (
              <Badge color="red" variant="light">
                {t('schedule.cancelled')}
              </Badge>
            )}
            {!cancelled && full && (
              <Badge color="orange" variant="light">
                {t('schedule.full')}
              </Badge>
            )}
          </Group>
          {!cancelled && (
            <Group gap="xs">
              <Button component={Link} to={`/shifts/${s.id}/roster`} size="xs" variant="default">
                {t('schedule.roster')}
              </Button>
              <Button component={Link} to={`/shifts/${s.id}/desk`} size="xs" variant="default">
                {t('schedule.desk')}
              </Button>
            </Group>
          )}
        </Group>
        {!cancelled && (
          <>
            <Progress value={percent} color={full ? 'orange' : 'teal'} aria-label={placesText} />
            <Group gap="md" wrap="wrap">
              <Text size="sm">{placesText}</Text>
              {s.applied > 0 && <Text size="sm">{t('schedule.applied', { count: s.applied })}</Text>}
              {s.waitlisted > 0 && <Text size="sm">{t('schedule.waitlisted', { count: s.waitlisted })}</Text>}
              {(s.checkedIn > 0 || s.noShows > 0) && (
                <Text size="sm">
                  {t('schedule.attendance', { arrived: s.checkedIn, noShows: s.noShows })}
                </Text>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
