import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormErrors } from '../../components/forms';
import { checkEmail, collectErrors } from '../../components/validation';

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
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: (address: string) => api(endpoint, { body: { email: address } }),
    onError: () => form.focusInvalid(),
  });
  const form = useFormErrors(request.error);

  if (request.isSuccess) {
    return (
      <Alert color="ok" role="status">
        {doneText}
      </Alert>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.validate(collectErrors({ email: checkEmail(t, email) }))) request.mutate(email.trim());
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid={`${id}-form`}>
      <Stack>
        <ErrorAlert error={request.error} fields={['email']} />
        <TextInput
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          label={t('fields.email')}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          maxLength={LIMITS.email.max}
          error={form.errors.email}
          required
        />
        <Button type="submit" loading={request.isPending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
