import { Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileForm } from '../../api/volunteers-queries';

type Slot = ProfileForm['availability'][number];
export const WINDOWS = [
  { key: 'morning', from: '08:00', to: '12:00' },
  { key: 'afternoon', from: '12:00', to: '17:00' },
  { key: 'evening', from: '17:00', to: '21:00' },
] as const;
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const same = (a: Slot, day: number, w: (typeof WINDOWS)[number]) =>
  a.day === day && a.from === w.from && a.to === w.to;

/** Weekdays × three time windows as a grid of checkboxes; other saved windows are kept as they are. */
export function AvailabilityGrid({ value, onChange }: { value: Slot[]; onChange: (next: Slot[]) => void }) {
  const { t } = useTranslation();
  const toggle = (day: number, w: (typeof WINDOWS)[number], on: boolean) => {
    const rest = value.filter((s) => !same(s, day, w));
    onChange(on ? [...rest, { day, from: w.from, to: w.to }] : rest);
  };
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table withTableBorder verticalSpacing={4} aria-describedby="availability-hint">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <Text size="sm" fw={700} component="span">
                {t('volunteers.profile.availability')}
              </Text>
            </Table.Th>
            {WINDOWS.map((w) => (
              <Table.Th key={w.key} scope="col">
                {t(`volunteers.windows.${w.key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DAYS.map((day) => (
            <Table.Tr key={day}>
              <Table.Th scope="row">{t(`volunteers.days.${day}`)}</Table.Th>
              {WINDOWS.map((w) => (
                <Table.Td key={w.key}>
                  <Checkbox
                    aria-label={`${t(`volunteers.daysLong.${day}`)}, ${t(`volunteers.windows.${w.key}`)}`}
                    checked={value.some((s) => same(s, day, w))}
                    onChange={(e) => toggle(day, w, e.currentTarget.checked)}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
