import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { opportunityKeys } from '../../api/opportunities-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm } from '../../forms/useContractForm';

type Slot = { start: string; end: string; capacity: number | string };
const NEW_SLOT: Slot = { start: '10:00', end: '13:00', capacity: 10 };

const templateBody = (v: { name: string; slots: Slot[] }) => ({
  name: v.name.trim(),
  slots: v.slots.map((s) => ({ start: s.start, end: s.end, capacity: Number(s.capacity) || 1 })),
});

/**
 * Day templates of the centre: a named set of time slots ("Субботник: 09:00–12:00 ×20, 12:00–15:00 ×20")
 * stamped onto a date of this opportunity in one go (each stamp adds the slots' shifts; slot times are the
 * region's clock, an end before the start runs past midnight).
 */
export function DayTemplates({ opportunityId, centerId }: { opportunityId: string; centerId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const templates = useQuery({
    queryKey: opportunityKeys.templates(centerId),
    queryFn: ({ signal }) => api('shiftTemplates', { params: { id: centerId }, signal }),
  });
  const stampForm = useContractForm<{ templateId: string | null; date: string }>({
    initialValues: { templateId: null, date: '' },
    schema: () => import('../../../shared/contracts/opportunities').then((m) => m.StampTemplateBody),
    body: (v) => ({ templateId: v.templateId ?? '', date: v.date }),
  });
  const { templateId, date } = stampForm.values;
  const stamp = useMutation({
    mutationFn: () =>
      api('stampTemplate', { params: { id: opportunityId }, body: { templateId: templateId ?? '', date } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunityKeys.all }),
    onError: (error) => stampForm.showServerErrors(error),
  });
  const newForm = useContractForm<{ name: string; slots: Slot[] }>({
    initialValues: { name: '', slots: [NEW_SLOT] },
    schema: () => import('../../../shared/contracts/opportunities').then((m) => m.CreateTemplateBody),
    body: templateBody,
  });
  const { slots } = newForm.values;
  const create = useMutation({
    mutationFn: () =>
      api('createShiftTemplate', { params: { id: centerId }, body: templateBody(newForm.values) }),
    onSuccess: (created) => {
      newForm.reset();
      stampForm.setFieldValue('templateId', created.id);
      return queryClient.invalidateQueries({ queryKey: opportunityKeys.templates(centerId) });
    },
    onError: (error) => newForm.showServerErrors(error),
  });
  const items = templates.data?.items ?? [];
  const setSlots = (next: (all: Slot[]) => Slot[]) => newForm.setFieldValue('slots', next(slots));
  const setSlot = (i: number, patch: Partial<Slot>) =>
    setSlots((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  return (
    <section aria-labelledby="manage-templates">
      <Title order={2} id="manage-templates" mb="sm">
        {t('opportunities.templates.title')}
      </Title>
      <Stack gap="md">
        <ErrorAlert error={templates.error} />
        <form ref={stampForm.formRef} noValidate onSubmit={stampForm.submitWith(() => stamp.mutate())}>
          <Stack gap="sm">
            <ErrorAlert error={stamp.error} fields={['templateId', 'date']} />
            <Group align="end" gap="sm" wrap="wrap">
              <Select
                label={t('opportunities.templates.pick')}
                data={items.map((tpl) => ({
                  value: tpl.id,
                  label: `${tpl.name} (${tpl.slots.map((s) => `${s.start}–${s.end}`).join(', ')})`,
                }))}
                {...stampForm.getInputProps('templateId')}
                nothingFoundMessage={t('opportunities.templates.none')}
                required
                miw={260}
              />
              <TextInput
                type="date"
                label={t('opportunities.templates.date')}
                {...stampForm.getInputProps('date')}
                required
              />
              <Button type="submit" loading={stamp.isPending} disabled={!templateId || !date}>
                {t('opportunities.templates.stamp')}
              </Button>
            </Group>
            <div aria-live="polite">
              {stamp.isSuccess && <Text size="sm">{t('opportunities.templates.stamped')}</Text>}
            </div>
          </Stack>
        </form>
        <Paper withBorder p="sm">
          <form ref={newForm.formRef} noValidate onSubmit={newForm.submitWith(() => create.mutate())}>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('opportunities.templates.new')}
              </Title>
              <ErrorAlert
                error={create.error}
                fields={['name', ...slots.flatMap((_, i) => [`slots.${i}.start`, `slots.${i}.end`])]}
              />
              <TextInput
                label={t('opportunities.templates.name')}
                {...newForm.getInputProps('name')}
                required
                maxLength={100}
              />
              {slots.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
                <Group key={i} align="end" gap="sm" wrap="wrap">
                  <TextInput
                    type="time"
                    label={t('opportunities.shiftForm.start')}
                    value={s.start}
                    onChange={(e) => setSlot(i, { start: e.currentTarget.value })}
                    error={newForm.errors[`slots.${i}.start`]}
                    required
                  />
                  <TextInput
                    type="time"
                    label={t('opportunities.shiftForm.end')}
                    value={s.end}
                    onChange={(e) => setSlot(i, { end: e.currentTarget.value })}
                    error={newForm.errors[`slots.${i}.end`]}
                    required
                  />
                  <NumberInput
                    label={t('opportunities.shiftForm.capacity')}
                    value={s.capacity}
                    onChange={(v) => setSlot(i, { capacity: v })}
                    min={1}
                    max={10000}
                    w={110}
                  />
                  {slots.length > 1 && (
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t('opportunities.templates.removeSlot', { n: i + 1 })}
                      onClick={() => setSlots((all) => all.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
              ))}
              <Group gap="sm">
                <Button
                  variant="default"
                  onClick={() => setSlots((all) => [...all, { ...(all.at(-1) ?? NEW_SLOT) }])}
                  disabled={slots.length >= 24}
                >
                  {t('opportunities.templates.addSlot')}
                </Button>
                <Button type="submit" loading={create.isPending}>
                  {t('opportunities.templates.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </section>
  );
}
