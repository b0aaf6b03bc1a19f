import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zonedInstant } from '../../../shared/time-zone';
import { useCreateSeries, useCreateShift } from '../../api/opportunities-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { getDisplayTimeZone } from '../../components/format';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A date and time on the region's clock (not the browser's) as an ISO instant. */
const instant = (date: string, time: string) => zonedInstant(date, time, getDisplayTimeZone()).toISOString();

/** One-off shift: a day, start and end times, places. */
export function OneOffShiftForm({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const create = useCreateShift();
  const [date, setDate] = useState('');
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('13:00');
  const [capacity, setCapacity] = useState<number | string>(10);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!date) return;
        create.mutate({
          id: opportunityId,
          body: {
            startsAt: instant(date, start),
            endsAt: instant(date, end),
            capacity: Number(capacity) || 1,
          },
        });
      }}
    >
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
          <TextInput
            type="date"
            label={t('opportunities.shiftForm.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
          />
          <TextInput
            type="time"
            label={t('opportunities.shiftForm.start')}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            required
          />
          <TextInput
            type="time"
            label={t('opportunities.shiftForm.end')}
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value)}
            required
          />
          <NumberInput
            label={t('opportunities.shiftForm.capacity')}
            value={capacity}
            onChange={setCapacity}
            min={1}
            max={10000}
            required
          />
        </SimpleGrid>
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('opportunities.shiftForm.add')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** A weekly or monthly series, in the region's local time. */
export function SeriesForm({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const create = useCreateSeries();
  const [frequency, setFrequency] = useState<'weekly' | 'monthly'>('weekly');
  const [weekdays, setWeekdays] = useState<number[]>([6]);
  const [monthDay, setMonthDay] = useState<number | string>(1);
  const [startsOn, setStartsOn] = useState('');
  const [until, setUntil] = useState('');
  const [startTime, setStartTime] = useState('10:00');
  const [duration, setDuration] = useState<number | string>(120);
  const [capacity, setCapacity] = useState<number | string>(10);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!startsOn || !until) return;
        create.mutate({
          id: opportunityId,
          body: {
            frequency,
            ...(frequency === 'weekly' ? { weekdays } : { monthDay: Number(monthDay) || 1 }),
            startsOn,
            until,
            startTime,
            durationMinutes: Number(duration) || 60,
            capacity: Number(capacity) || 1,
          },
        });
      }}
    >
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <SegmentedControl
          aria-label={t('opportunities.seriesForm.frequency')}
          value={frequency}
          onChange={(v) => setFrequency(v as 'weekly' | 'monthly')}
          data={[
            { value: 'weekly', label: t('opportunities.seriesForm.weekly') },
            { value: 'monthly', label: t('opportunities.seriesForm.monthly') },
          ]}
        />
        {frequency === 'weekly' ? (
          <Checkbox.Group
            label={t('opportunities.seriesForm.weekdays')}
            value={weekdays.map(String)}
            onChange={(v) => setWeekdays(v.map(Number))}
          >
            <Group mt="xs" gap="sm">
              {WEEKDAYS.map((d) => (
                <Checkbox key={d} value={String(d)} label={t(`opportunities.weekday.${d}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : (
          <NumberInput
            label={t('opportunities.seriesForm.monthDay')}
            description={t('opportunities.seriesForm.monthDayHint')}
            value={monthDay}
            onChange={setMonthDay}
            min={1}
            max={31}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            type="date"
            label={t('opportunities.seriesForm.startsOn')}
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            required
          />
          <TextInput
            type="date"
            label={t('opportunities.seriesForm.until')}
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
            required
          />
          <TextInput
            type="time"
            label={t('opportunities.shiftForm.start')}
            value={startTime}
            onChange={(e) => setStartTime(e.currentTarget.value)}
            required
          />
          <NumberInput
            label={t('opportunities.seriesForm.duration')}
            value={duration}
            onChange={setDuration}
            min={15}
            max={1440}
            step={15}
          />
          <NumberInput
            label={t('opportunities.shiftForm.capacity')}
            value={capacity}
            onChange={setCapacity}
            min={1}
            max={10000}
          />
        </SimpleGrid>
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('opportunities.seriesForm.add')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
