import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmailOnlyBody } from '../../../shared/contracts/accounts';
import { LIMITS } from '../../../shared/limits';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm } from '../../forms/useContractForm';

interface Props {
  /** Which email-only endpoint to call. */
  endpoint: 'resendVerification' | 'requestPasswordReset';
  id: string;
  submitLabel: string;
  doneText: string;
}

/** A one-field form that asks the server to mail a link; the answer never reveals whether the address exists. */
export function EmailRequestForm({ endpoint, id, submitLabel, doneText }: Props) {
  const { t } = useTranslation();
  const form = useContractForm({
    initialValues: { email: '' },
    schema: async () => EmailOnlyBody,
    body: (v) => ({ email: v.email.trim() }),
  });
  const request = useMutation({
    mutationFn: (address: string) => api(endpoint, { body: { email: address } }),
    onError: (error) => form.showServerErrors(error),
  });

  if (request.isSuccess) {
    return (
      <Alert color="ok" role="status">
        {doneText}
      </Alert>
    );
  }

  const onSubmit = form.submitWith(({ email }) => request.mutate(email.trim()));

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid={`${id}-form`}>
      <Stack>
        <ErrorAlert error={request.error} fields={['email']} />
        <TextInput
          {...form.getInputProps('email')}
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          label={t('fields.email')}
          maxLength={LIMITS.email.max}
          required
        />
        <Button type="submit" loading={request.isPending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
