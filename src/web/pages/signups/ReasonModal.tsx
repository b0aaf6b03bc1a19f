import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';

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
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === '';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('signups.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!missing) onSubmit(reason.trim());
        }}
      >
        <Stack>
          <ErrorAlert error={error} fields={['reason']} />
          <Textarea
            label={t('signups.my.reasonLabel')}
            description={t('signups.my.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && missing ? t('validation.required') : undefined}
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
