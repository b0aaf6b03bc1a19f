import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApplicationDetail, useApplicationMutation } from '../../api/applications-queries';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm } from '../../forms/useContractForm';
import { useStageName } from './stages';

type ActionKind = 'submit' | 'resubmit' | 'withdraw' | 'changes' | 'reject' | 'open' | 'advance';

/** Targets whose comment the server requires. */
const COMMENT_REQUIRED: readonly ActionKind[] = ['changes', 'reject'];

function actionOf(from: string, to: string): ActionKind {
  if (to === 'withdrawn') return 'withdraw';
  if (to === 'changes_requested') return 'changes';
  if (to === 'rejected') return 'reject';
  if (to === 'opened') return 'open';
  if (from === 'draft' && to === 'submitted') return 'submit';
  if (from === 'changes_requested') return 'resubmit';
  return 'advance';
}

const ORDER: readonly ActionKind[] = [
  'submit',
  'resubmit',
  'advance',
  'open',
  'changes',
  'reject',
  'withdraw',
];

/**
 * One button per transition this user may make now (the server lists them in `allowedTransitions`); each
 * asks for confirmation (and a comment where one is required) and shows the server's refusal in the dialog.
 */
export function TransitionActions({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const stageName = useStageName();
  const [target, setTarget] = useState<string | null>(null);
  const from = detail.application.stage;
  const actions = detail.allowedTransitions
    .map((to) => ({ to, kind: actionOf(from, to) }))
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));

  if (actions.length === 0) return <Text data-testid="no-actions">{t('applications.actions.none')}</Text>;
  const label = (kind: ActionKind, to: string) => t(`applications.actions.${kind}`, { stage: stageName(to) });
  const danger = (kind: ActionKind) => kind === 'reject' || kind === 'withdraw';

  return (
    <>
      <Group gap="sm" data-testid="transition-actions">
        {actions.map(({ to, kind }) => (
          <Button
            key={to}
            variant={danger(kind) ? 'outline' : kind === 'changes' ? 'default' : 'filled'}
            color={danger(kind) ? 'red.8' : undefined}
            onClick={() => setTarget(to)}
            data-testid={`transition-${to}`}
          >
            {label(kind, to)}
          </Button>
        ))}
      </Group>
      {target && (
        <TransitionDialog
          detail={detail}
          to={target}
          kind={actionOf(from, target)}
          title={label(actionOf(from, target), target)}
          onClose={() => setTarget(null)}
        />
      )}
    </>
  );
}

interface DialogProps {
  detail: ApplicationDetail;
  to: string;
  kind: ActionKind;
  title: string;
  onClose: () => void;
}

function TransitionDialog({ detail, to, kind, title, onClose }: DialogProps) {
  const { t } = useTranslation();
  const id = detail.application.id;
  const mutation = useApplicationMutation(id, (body: { to: string; comment?: string }) =>
    api('transitionApplication', { params: { id }, body }),
  );
  const required = COMMENT_REQUIRED.includes(kind);
  const form = useContractForm({
    initialValues: { comment: '' },
    schema: () => import('../../../shared/contracts/applications').then((m) => m.TransitionBody),
    body: (v) => ({ to, ...(v.comment.trim() ? { comment: v.comment.trim() } : {}) }),
    // Returning, rejecting or withdrawing says why.
    check: (v, t) =>
      required && !v.comment.trim() ? { comment: t('applications.actions.commentRequired') } : {},
    serverError: mutation.error,
  });

  const onSubmit = form.submitWith((v) =>
    mutation.mutate({ to, comment: v.comment.trim() || undefined }, { onSuccess: onClose }),
  );

  return (
    <Modal opened onClose={onClose} title={title} centered size="lg" data-testid="transition-dialog">
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text>{t(`applications.actions.confirm.${kind}`)}</Text>
          <ErrorAlert error={mutation.error} fields={['comment']} title={t('applications.actions.refused')} />
          <Textarea
            id="transition-comment"
            name="comment"
            label={
              required ? t('applications.actions.commentRequiredLabel') : t('applications.actions.comment')
            }
            {...form.getInputProps('comment')}
            maxLength={4000}
            autosize
            minRows={3}
            required={required}
          />
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={kind === 'reject' || kind === 'withdraw' ? 'red.8' : undefined}
              loading={mutation.isPending}
              data-testid="confirm-transition"
            >
              {t('applications.actions.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
