import { Button, Checkbox, Group, Radio, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ResponseOf } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';
import type { Center } from './coverage';

type Event = ResponseOf<'centerHistory'>['events'][number];
type Target = Center['status'];

const NEXT: Record<Target, Target[]> = {
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: [],
};

/** The history of a centre's status; for the operator also the decision form (suspend, reactivate, close). */
export function CenterStatusPanel({
  center,
  events,
  canDecide,
  queryKey,
}: {
  center: Center;
  events: Event[];
  canDecide: boolean;
  queryKey: QueryKey;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section aria-labelledby="center-status-title" data-testid="status-panel">
      <Title order={2} id="center-status-title" mb="sm">
        {t('map.statusTitle')}
      </Title>
      <Stack gap="md">
        {canDecide && <StatusForm center={center} queryKey={queryKey} />}
        <Title order={3} size="h4">
          {t('map.historyTitle')}
        </Title>
        {events.length === 0 ? (
          <Text size="sm">{t('map.historyEmpty')}</Text>
        ) : (
          <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="status-history">
            {[...events].reverse().map((e) => (
              <Timeline.Item
                key={e.id}
                title={`${e.from ? t(`centerStatus.${e.from}`) : '—'} → ${t(`centerStatus.${e.to}`)}`}
              >
                <Text size="sm">
                  {formatDateTime(e.at, lng)}
                  {e.actor && ` · ${e.actor.displayName}`}
                </Text>
                {e.comment && <Text size="sm">{t('map.reasonGiven', { reason: e.comment })}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </section>
  );
}

function StatusForm({ center, queryKey }: { center: Center; queryKey: QueryKey }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = NEXT[center.status];
  const form = useContractForm<{ to: Target | ''; comment: string; confirm: boolean }>({
    initialValues: { to: '', comment: '', confirm: false },
    schema: () => import('../../../shared/contracts/centers').then((m) => m.ChangeCenterStatusBody),
    body: (v) => ({ to: v.to, ...(v.comment.trim() ? { comment: v.comment } : {}) }),
    // A suspension or a closure says why, and a closure is confirmed.
    check: (v, t) => {
      const errors: Record<string, string> = {};
      if ((v.to === 'suspended' || v.to === 'closed') && !v.comment.trim())
        errors.comment = t('map.reasonRequired');
      if (v.to === 'closed' && !v.confirm) errors.confirm = t('map.confirmRequired');
      return errors;
    },
  });
  const { to } = form.values;
  const [done, setDone] = useState<Target | null>(null);
  const mutation = useMutation({
    mutationFn: (body: { to: Target; comment?: string }) =>
      api('changeCenterStatus', { params: { id: center.id }, body }),
    onSuccess: async (result) => {
      queryClient.setQueryData(queryKey, result);
      await queryClient.invalidateQueries({ queryKey: queryKeys.public });
      setDone(result.center.status);
      form.reset();
    },
    onError: (error) => form.showServerErrors(error),
  });
  const needsReason = to === 'suspended' || to === 'closed';

  if (options.length === 0) return <Text>{t('map.closedFinal')}</Text>;

  const submit = form.submitWith(
    (v) => v.to && mutation.mutate({ to: v.to, ...(v.comment.trim() ? { comment: v.comment } : {}) }),
  );
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    setDone(null);
    mutation.reset();
    submit(event);
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="status-form">
      <Stack gap="sm" maw={640}>
        {done && (
          <Text role="status" fw={600}>
            {t('map.statusChanged', { status: t(`centerStatus.${done}`) })}
          </Text>
        )}
        <ErrorAlert error={mutation.error} fields={['to', 'comment']} title={t('map.statusNotChanged')} />
        <Radio.Group label={t('map.decision')} {...form.getInputProps('to')}>
          <Stack gap={6} mt="xs">
            {options.map((o) => (
              <Radio key={o} value={o} label={t(`map.action.${o}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {to && (
          <Textarea
            label={t('map.reason')}
            description={needsReason ? t('map.reasonHint') : t('map.reasonOptional')}
            required={needsReason}
            {...form.getInputProps('comment')}
            autosize
            minRows={2}
            maxLength={2000}
          />
        )}
        {to === 'closed' && (
          <Checkbox label={t('map.confirmClose')} {...form.getInputProps('confirm', { type: 'checkbox' })} />
        )}
        <Group>
          <Button type="submit" color={to === 'closed' ? 'red' : undefined} loading={mutation.isPending}>
            {t('map.applyDecision')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
