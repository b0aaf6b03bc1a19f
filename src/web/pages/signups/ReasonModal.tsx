import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm } from '../../forms/useContractForm';

interface Props {
  opened: boolean;
  title: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onClose(): void;
  onSubmit(reason: string): void;
}

/** Asks for the reason of a cancellation or a decline (required; the other side sees it). */
export function ReasonModal({ opened, title, submitLabel, pending, error, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  // A cancellation's or a decline's reason: the body every such endpoint takes (ReasonBody).
  const form = useContractForm({
    initialValues: { reason: '' },
    schema: () => import('../../../shared/contracts/signups').then((m) => m.ReasonBody),
    body: (v) => ({ reason: v.reason.trim() }),
    serverError: error,
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('signups.close') }}
    >
      <form ref={form.formRef} noValidate onSubmit={form.submitWith((v) => onSubmit(v.reason.trim()))}>
        <Stack>
          <ErrorAlert error={error} fields={['reason']} />
          <Textarea
            label={t('signups.my.reasonLabel')}
            description={t('signups.my.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('reason')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('signups.my.keep')}
            </Button>
            <Button type="submit" color="red.8" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
