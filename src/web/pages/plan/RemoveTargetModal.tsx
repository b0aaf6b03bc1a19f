import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type PlanTarget, useRemoveTarget } from '../../api/plan-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';
import { formatDay } from './format';

/** Removes a target after asking why (the reason goes into the history). */
export function RemoveTargetModal(props: { target: PlanTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.target !== null}
      onClose={props.onClose}
      closeButtonProps={{ 'aria-label': t('plan.page.close') }}
      title={t('plan.page.removeTitle')}
    >
      {props.target && <RemoveForm target={props.target} onDone={props.onClose} />}
    </Modal>
  );
}

function RemoveForm({ target, onDone }: { target: PlanTarget; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const remove = useRemoveTarget();
  const form = useContractForm({
    initialValues: { comment: '' },
    schema: () => import('../../../shared/contracts/plan').then((m) => m.RemovePlanTargetBody),
    body: (v) => ({ comment: v.comment.trim() }),
  });
  const onSubmit = form.submitWith(({ comment }) =>
    remove.mutate(
      { id: target.id, comment: comment.trim(), ifMatch: target.version },
      { onSuccess: onDone, onError: (error) => form.showServerErrors(error) },
    ),
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="remove-target-form">
      <Stack>
        <Text>
          {t('plan.page.removeText', {
            kind: t(`plan.kind.${target.kind}`),
            date: formatDay(target.dueDate, i18n.language),
            target: formatNumber(target.target, i18n.language),
          })}
        </Text>
        <ErrorAlert error={remove.error} fields={['comment']} />
        <Textarea
          label={t('plan.page.comment')}
          description={t('plan.page.commentHint')}
          {...form.getInputProps('comment')}
          maxLength={2000}
          autosize
          minRows={2}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('plan.page.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={remove.isPending}>
            {t('plan.page.remove')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
