import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCheckOutWalkIn, useRemoveWalkIn, type WalkIn } from '../../api/checkin-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatHours, formatTime } from '../../components/format';
import { ReasonModal } from '../signups/ReasonModal';

/** People who came without an account: check out, or remove one added by mistake (with a reason). */
export function WalkIns({ walkIns, onDone }: { walkIns: WalkIn[]; onDone(text: string): void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const checkOut = useCheckOutWalkIn();
  const remove = useRemoveWalkIn();
  const [removing, setRemoving] = useState<WalkIn | null>(null);
  return (
    <Stack component="section" gap="xs" aria-labelledby="walk-ins-heading">
      <Title order={2} size="h3" id="walk-ins-heading">
        {t('checkin.walkIns.title')}
      </Title>
      <ErrorAlert error={checkOut.error} />
      {walkIns.length === 0 ? (
        <Text>{t('checkin.walkIns.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="walk-ins-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('checkin.desk.name')}</Table.Th>
                <Table.Th scope="col">{t('checkin.desk.in')}</Table.Th>
                <Table.Th scope="col">{t('checkin.desk.out')}</Table.Th>
                <Table.Th scope="col">{t('checkin.desk.hours')}</Table.Th>
                <Table.Th scope="col">{t('checkin.desk.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {walkIns.map((w) => (
                <Table.Tr key={w.id} data-testid="walk-in">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {w.fullName}
                    </Text>
                    <Text size="xs">{[w.contact, w.role?.name].filter(Boolean).join(' · ')}</Text>
                  </Table.Td>
                  <Table.Td>{formatTime(w.checkedInAt, lng)}</Table.Td>
                  <Table.Td>{w.checkedOutAt ? formatTime(w.checkedOutAt, lng) : '—'}</Table.Td>
                  <Table.Td>{formatHours(w.hours, lng)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {!w.checkedOutAt && (
                        <Button
                          size="compact-sm"
                          aria-label={`${t('checkin.desk.action.check_out')}: ${w.fullName}`}
                          onClick={() =>
                            checkOut.mutate(w.id, {
                              onSuccess: () => onDone(t('checkin.desk.done.check_out', { name: w.fullName })),
                            })
                          }
                        >
                          {t('checkin.desk.action.check_out')}
                        </Button>
                      )}
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={`${t('checkin.walkIns.remove')}: ${w.fullName}`}
                        onClick={() => setRemoving(w)}
                      >
                        {t('checkin.walkIns.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {removing && (
        <ReasonModal
          opened
          title={t('checkin.walkIns.removeTitle', { name: removing.fullName })}
          submitLabel={t('checkin.walkIns.remove')}
          pending={remove.isPending}
          error={remove.error}
          onClose={() => setRemoving(null)}
          onSubmit={(reason) =>
            remove.mutate(
              { id: removing.id, reason },
              {
                onSuccess: () => {
                  onDone(t('checkin.walkIns.removed', { name: removing.fullName }));
                  setRemoving(null);
                },
              },
            )
          }
        />
      )}
    </Stack>
  );
}
