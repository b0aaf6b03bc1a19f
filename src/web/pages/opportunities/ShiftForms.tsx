import { Button, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { zonedInstant } from '../../../shared/time-zone';
import { useCreateShift } from '../../api/opportunities-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { getDisplayTimeZone } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';

/** A date and time on the region's clock (not the browser's) as an ISO instant. */
const instant = (date: string, time: string) => zonedInstant(date, time, getDisplayTimeZone()).toISOString();

type Values = { date: string; start: string; end: string; capacity: number | string };

/** The instant of a typed day and time; empty while either is missing (the contract then asks for it). */
const instantOf = (date: string, time: string): string => {
  if (!date || !time) return '';
  try {
    return instant(date, time);
  } catch {
    return '';
  }
};

const bodyOf = (v: Values) => ({
  startsAt: instantOf(v.date, v.start),
  endsAt: instantOf(v.date, v.end),
  capacity: Number(v.capacity) || 1,
});

/** The body's instants are typed as a day and two times: a missing day is the day's, else the time's. */
const fieldOf = (path: string, v: Values): string =>
  path === 'startsAt' || path === 'endsAt'
    ? v.date
      ? path === 'startsAt'
        ? 'start'
        : 'end'
      : 'date'
    : path;

/** One-off shift: a day, start and end times, places. */
export function OneOffShiftForm({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const create = useCreateShift();
  const form = useContractForm<Values>({
    initialValues: { date: '', start: '10:00', end: '13:00', capacity: 10 },
    schema: () => import('../../../shared/contracts/opportunities').then((m) => m.CreateShiftBody),
    body: bodyOf,
    fieldOf,
  });
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.submitWith((v) =>
        create.mutate(
          { id: opportunityId, body: bodyOf(v) },
          { onError: (error) => form.showServerErrors(error) },
        ),
      )}
    >
      <Stack gap="sm">
        <ErrorAlert error={create.error} fields={['startsAt', 'endsAt', 'capacity']} />
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
          <TextInput
            type="date"
            label={t('opportunities.shiftForm.date')}
            {...form.getInputProps('date')}
            required
          />
          <TextInput
            type="time"
            label={t('opportunities.shiftForm.start')}
            {...form.getInputProps('start')}
            required
          />
          <TextInput
            type="time"
            label={t('opportunities.shiftForm.end')}
            {...form.getInputProps('end')}
            required
          />
          <NumberInput
            label={t('opportunities.shiftForm.capacity')}
            {...form.getInputProps('capacity')}
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
