import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ResetConfirmBody } from '../../../shared/contracts/accounts';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { confirmationCheck, NewPasswordFields, newPasswordMessages } from '../../forms/NewPasswordFields';
import { useContractForm } from '../../forms/useContractForm';
import { EmailRequestForm } from './EmailRequestForm';

function ResetConfirm({ token }: { token: string }) {
  const { t } = useTranslation();
  const form = useContractForm({
    initialValues: { password: '', passwordConfirm: '' },
    schema: async () => ResetConfirmBody,
    body: (v) => ({ token, password: v.password }),
    messages: (t) => newPasswordMessages(t, 'password'),
    check: (v, t) => confirmationCheck(t, v.password, v.passwordConfirm, 'passwordConfirm'),
  });
  const confirm = useMutation({
    mutationFn: (newPassword: string) =>
      api('confirmPasswordReset', { body: { token, password: newPassword } }),
    onError: (error) => form.showServerErrors(error),
  });

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

  return (
    <>
      <Text>{t('reset.confirmLead')}</Text>
      <form
        ref={form.formRef}
        onSubmit={form.submitWith((values) => confirm.mutate(values.password))}
        noValidate
        data-testid="reset-confirm-form"
      >
        <Stack>
          <ErrorAlert error={confirm.error} fields={['password']} />
          <Text size="sm" c="dimmed">
            {t('common.allRequired')}
          </Text>
          <NewPasswordFields form={form} name="password" confirmName="passwordConfirm" id="reset-password" />
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
