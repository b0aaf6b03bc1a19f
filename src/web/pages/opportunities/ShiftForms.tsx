import { Button, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zonedInstant } from '../../../shared/time-zone';
import { useCreateShift } from '../../api/opportunities-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { getDisplayTimeZone } from '../../components/format';

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
