import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  OpportunityView,
  SeriesChanges,
  SeriesResult,
  SeriesView,
} from '../../api/opportunities-queries';
import { formatDate } from '../../components/format';
import { SeriesForm } from './SeriesForm';

/** ISO weekday numbers, Monday = 1 (the series' `weekdays`). */
type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
type Outcome = { seriesId: string; created: boolean; changes: SeriesChanges };

/** One line that says what the rule is: «Каждую неделю: Сб, Вс · 10:00, 120 мин · с … по … · 10 мест». */
export function describeSeries(s: SeriesView, t: TFunction, lng: string): string {
  const when =
    s.frequency === 'weekly'
      ? t('opportunities.series.weekly', {
          count: s.interval,
          days: s.weekdays.map((d) => t(`opportunities.weekday.${d as Weekday}`)).join(', '),
        })
      : t('opportunities.series.monthly', { count: s.interval, day: s.monthDay ?? 1 });
  const parts = [
    when,
    t('opportunities.series.time', { time: s.startTime, minutes: s.durationMinutes }),
    t('opportunities.series.period', { from: formatDate(s.startsOn, lng), until: formatDate(s.until, lng) }),
    t('opportunities.series.places', { count: s.capacity }),
  ];
  if (s.roles.length)
    parts.push(
      t('opportunities.series.roles', { roles: s.roles.map((r) => `${r.name} (${r.capacity})`).join(', ') }),
    );
  return parts.join(' · ');
}

/**
 * The opportunity's recurring series: each rule with a way to change it (the same form as a new one), and
 * a new series. After a change the page says what happened to the series' future shifts, as the server
 * counted it: it re-plans only those nobody holds a place on; booked ones (a signup, a waitlist offer, a
 * walk-in — not all visible in the shift list) stay as they were.
 */
export function SeriesSection({ o }: { o: OpportunityView }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A new series empties the form for the next one (a fresh form per creation).
  const [newForm, setNewForm] = useState(0);
  const editHeading = useRef<HTMLHeadingElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (editing) editHeading.current?.focus();
  }, [editing]);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const saved = (seriesId: string | null) => (before: OpportunityView, result: SeriesResult) => {
    const after = result.opportunity;
    // a new series is the one the opportunity did not have before
    const id = seriesId ?? after.series.find((s) => !before.series.some((b) => b.id === s.id))?.id ?? null;
    setEditing(null);
    if (seriesId === null) setNewForm((n) => n + 1);
    if (id) setOutcome({ seriesId: id, created: seriesId === null, changes: result.changes });
  };

  return (
    <section aria-labelledby="manage-series">
      <Title order={2} id="manage-series" mb="sm">
        {t('opportunities.seriesForm.title')}
      </Title>
      <Stack gap="md">
        <Text size="sm">{t('opportunities.seriesForm.lead')}</Text>
        {o.series.length > 0 && (
          <List listStyleType="none" spacing="sm" data-testid="series-list">
            {o.series.map((s, i) => (
              <List.Item key={s.id}>
                <Paper withBorder p="sm">
                  <Stack gap="xs">
                    <Text fw={600}>{t('opportunities.series.name', { n: i + 1 })}</Text>
                    <Text data-testid="series-rule">{describeSeries(s, t, i18n.language)}</Text>
                    <Text size="sm">
                      {t('opportunities.series.upcoming', {
                        count: o.shifts.filter(
                          (x) =>
                            x.seriesId === s.id &&
                            x.status === 'scheduled' &&
                            Date.parse(x.startsAt) > Date.now(),
                        ).length,
                      })}
                    </Text>
                    {outcome?.seriesId === s.id && <OutcomeAlert outcome={outcome} innerRef={outcomeRef} />}
                    {editing === s.id ? (
                      <Stack gap="sm">
                        <Title order={3} size="h4" ref={editHeading} tabIndex={-1}>
                          {t('opportunities.series.editTitle', { n: i + 1 })}
                        </Title>
                        <Text size="sm">{t('opportunities.series.editLead')}</Text>
                        <SeriesForm
                          opportunity={o}
                          series={s}
                          onSaved={saved(s.id)}
                          onCancel={() => setEditing(null)}
                        />
                      </Stack>
                    ) : (
                      <Group>
                        <Button
                          variant="default"
                          onClick={() => {
                            setOutcome(null);
                            setEditing(s.id);
                          }}
                        >
                          {t('opportunities.series.edit', { n: i + 1 })}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Paper>
              </List.Item>
            ))}
          </List>
        )}
        <Title order={3} size="h4">
          {t('opportunities.series.newTitle')}
        </Title>
        <SeriesForm key={newForm} opportunity={o} onSaved={saved(null)} />
      </Stack>
    </section>
  );
}

function OutcomeAlert({
  outcome,
  innerRef,
}: {
  outcome: Outcome;
  innerRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  const c = outcome.changes;
  return (
    <Alert color="ok" ref={innerRef} tabIndex={-1} role="status" data-testid="series-outcome">
      <Text fw={600}>
        {outcome.created ? t('opportunities.series.created') : t('opportunities.series.saved')}
      </Text>
      <Text size="sm">
        {outcome.created
          ? t('opportunities.series.createdCounts', { added: c.added })
          : t('opportunities.series.counts', {
              added: c.added,
              removed: c.removed,
              moved: c.moved,
              changed: c.changed,
            })}
      </Text>
      {!outcome.created && (
        <Text size="sm">{t('opportunities.series.bookedKept', { booked: c.keptBooked })}</Text>
      )}
    </Alert>
  );
}
