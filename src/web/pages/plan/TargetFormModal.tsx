import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanTarget, planKeys, useCreateTarget, useUpdateTarget } from '../../api/plan-queries';
import {
  changedFields,
  EditConflictAlert,
  useEditVersion,
  withoutConflict,
} from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormErrors } from '../../components/forms';
import { collectErrors } from '../../components/validation';

type Kind = PlanTarget['kind'];
const KINDS: Kind[] = ['active_centers', 'municipal_coverage'];
const FIELDS = ['kind', 'dueDate', 'target', 'note', 'comment'] as const;

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
  const form = useFormErrors(mutation.error);
  const [kind, setKind] = useState<Kind>(target?.kind ?? 'active_centers');
  const [dueDate, setDueDate] = useState(target?.dueDate ?? '');
  const [value, setValue] = useState<number | string>(target?.target ?? '');
  const [note, setNote] = useState(target?.note ?? '');
  const [comment, setComment] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = typeof value === 'number' ? value : Number.NaN;
    const ok = form.validate(
      collectErrors({
        dueDate: dueDate ? undefined : t('plan.validation.required'),
        target: Number.isInteger(number) && number >= 0 ? undefined : t('plan.validation.targetNumber'),
        comment: target && !comment.trim() ? t('plan.validation.required') : undefined,
      }),
    );
    if (!ok) return;
    const options = { onSuccess: onDone, onError: form.focusInvalid };
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
  };

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
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as Kind)}
            data={KINDS.map((k) => ({ value: k, label: t(`plan.kind.${k}`) }))}
            error={form.errors.kind}
          />
        )}
        <TextInput
          type="date"
          label={t('plan.page.dueDate')}
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          error={form.errors.dueDate}
          required
        />
        <NumberInput
          label={t('plan.page.target')}
          value={value}
          onChange={setValue}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          error={form.errors.target}
          required
        />
        <TextInput
          label={t('plan.page.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          error={form.errors.note}
        />
        <Textarea
          label={target ? t('plan.page.comment') : t('plan.page.commentOptional')}
          description={target ? t('plan.page.commentHint') : undefined}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          error={form.errors.comment}
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
