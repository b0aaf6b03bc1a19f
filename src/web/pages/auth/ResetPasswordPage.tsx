import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LIMITS } from '../../../shared/limits';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormErrors } from '../../components/forms';
import { PasswordField } from '../../components/PasswordField';
import { usePageTitle } from '../../components/usePageTitle';
import { checkConfirmation, checkNewPassword, collectErrors } from '../../components/validation';
import { EmailRequestForm } from './EmailRequestForm';

function ResetConfirm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [passwordConfirm, setPasswordConfirm] = useState('');
  const confirm = useMutation({
    mutationFn: (newPassword: string) =>
      api('confirmPasswordReset', { body: { token, password: newPassword } }),
    onError: () => form.focusInvalid(),
  });
  const form = useFormErrors(confirm.error);

  if (confirm.isSuccess) {
    return (
      <>
        <Alert color="ok" role="status">
          {t('reset.confirmDone')}
        </Alert>
        <Anchor component={Link} to="/login">
          {t('reset.loginLink')}
        </Anchor>
      </>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = form.validate(
      collectErrors({
        password: checkNewPassword(t, password),
        passwordConfirm: checkConfirmation(t, password, passwordConfirm),
      }),
    );
    if (ok) confirm.mutate(password);
  };

  return (
    <>
      <Text>{t('reset.confirmLead')}</Text>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="reset-confirm-form">
        <Stack>
          <ErrorAlert error={confirm.error} fields={['password']} />
          <Text size="sm" c="dimmed">
            {t('common.allRequired')}
          </Text>
          <PasswordField
            id="reset-password"
            name="password"
            autoComplete="new-password"
            label={t('fields.password')}
            description={t('fields.passwordHint', { min: LIMITS.password.min })}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={form.errors.password}
            required
          />
          <PasswordField
            id="reset-password-confirm"
            name="passwordConfirm"
            autoComplete="new-password"
            label={t('fields.passwordConfirm')}
            value={passwordConfirm}
            onChange={(event) => setPasswordConfirm(event.currentTarget.value)}
            error={form.errors.passwordConfirm}
            required
          />
          <Button type="submit" loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('reset.confirmSubmit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const title = token ? t('reset.confirmTitle') : t('reset.requestTitle');
  usePageTitle(title);

  return (
    <Stack maw={560}>
      <Title order={1}>{title}</Title>
      {token ? (
        <ResetConfirm token={token} />
      ) : (
        <>
          <Text>{t('reset.requestLead')}</Text>
          <EmailRequestForm
            endpoint="requestPasswordReset"
            id="reset-request"
            submitLabel={t('reset.requestSubmit')}
            doneText={t('reset.requestDone')}
          />
        </>
      )}
    </Stack>
  );
}
