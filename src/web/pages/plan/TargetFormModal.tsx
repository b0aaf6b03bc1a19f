import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type PlanTarget, planKeys, useCreateTarget, useUpdateTarget } from '../../api/plan-queries';
import {
  changedFields,
  EditConflictAlert,
  useEditVersion,
  withoutConflict,
} from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm } from '../../forms/useContractForm';

type Kind = PlanTarget['kind'];
const KINDS: Kind[] = ['active_centers', 'municipal_coverage'];
const FIELDS = ['kind', 'dueDate', 'target', 'note', 'comment'] as const;

type Values = { kind: Kind; dueDate: string; value: number | string; note: string; comment: string };

/** Adds a target (comment optional) or changes one (comment required: it goes into the history). */
export function TargetFormModal(props: { target: PlanTarget | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const editing = props.target !== null;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      closeButtonProps={{ 'aria-label': t('plan.page.close') }}
      title={editing ? t('plan.page.editTitle') : t('plan.page.addTitle')}
    >
      {props.opened && <TargetForm target={props.target} onDone={props.onClose} />}
    </Modal>
  );
}

function TargetForm({ target, onDone }: { target: PlanTarget | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTarget();
  const update = useUpdateTarget();
  const mutation = target ? update : create;
  // A change is made over the version the form was opened on (ADR 0017).
  const edit = useEditVersion(target?.version);
  const form = useContractForm<Values>({
    initialValues: {
      kind: target?.kind ?? 'active_centers',
      dueDate: target?.dueDate ?? '',
      value: target?.target ?? '',
      note: target?.note ?? '',
      comment: '',
    },
    schema: () =>
      import('../../../shared/contracts/plan').then((m) =>
        target ? m.UpdatePlanTargetBody : m.CreatePlanTargetBody,
      ),
    // The whole target is checked; a change sends only what changed.
    body: (v) => ({
      ...(target ? {} : { kind: v.kind }),
      dueDate: v.dueDate,
      target: v.value,
      note: v.note.trim() || null,
      ...(target || v.comment.trim() ? { comment: v.comment.trim() } : {}),
    }),
    fieldOf: (path) => (path === 'target' ? 'value' : path),
    messages: (t) => ({ target: t('plan.validation.targetNumber') }),
  });
  const { kind, dueDate, value, note, comment } = form.values;

  const submit = form.submitWith(() => {
    const number = value as number;
    const options = { onSuccess: onDone, onError: (error: Error) => form.showServerErrors(error) };
    if (target) {
      update.mutate(
        {
          id: target.id,
          // Only what was changed since the form opened, so a change made meanwhile is not undone.
          body: {
            ...changedFields(
              { dueDate: target.dueDate, target: target.target, note: target.note },
              { dueDate, target: number, note: note.trim() || null },
            ),
            comment: comment.trim(),
          },
          ifMatch: edit.version,
        },
        options,
      );
    } else {
      create.mutate(
        {
          kind,
          dueDate,
          target: number,
          note: note.trim() || null,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        },
        options,
      );
    }
  });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => submit(event);

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="target-form">
      <Stack>
        <EditConflictAlert
          error={mutation.error}
          reloaded={edit.reloaded}
          onReload={async () => {
            await edit.reload(
              planKeys.targets,
              (d: { items: PlanTarget[] }) => d.items.find((x) => x.id === target?.id)?.version,
            );
            mutation.reset();
          }}
        />
        <ErrorAlert error={withoutConflict(mutation.error)} fields={FIELDS} />
        {!target && (
          <NativeSelect
            label={t('plan.page.kind')}
            {...form.getInputProps('kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`plan.kind.${k}`) }))}
          />
        )}
        <TextInput type="date" label={t('plan.page.dueDate')} {...form.getInputProps('dueDate')} required />
        <NumberInput
          label={t('plan.page.target')}
          {...form.getInputProps('value')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          required
        />
        <TextInput label={t('plan.page.note')} {...form.getInputProps('note')} maxLength={500} />
        <Textarea
          label={target ? t('plan.page.comment') : t('plan.page.commentOptional')}
          description={target ? t('plan.page.commentHint') : undefined}
          {...form.getInputProps('comment')}
          maxLength={2000}
          autosize
          minRows={2}
          required={target !== null}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('plan.page.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('plan.page.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
