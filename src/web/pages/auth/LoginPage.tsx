import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginBody } from '../../../shared/contracts/accounts';
import { LIMITS } from '../../../shared/limits';
import { api, type BodyOf, isApiError } from '../../api/client';
import { setSignedIn, useMe } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { usePageTitle } from '../../components/usePageTitle';
import { useContractForm } from '../../forms/useContractForm';
import { safeNext } from './safeNext';

const FIELDS = ['email', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const form = useContractForm({
    initialValues: { email: '', password: '' },
    schema: async () => LoginBody,
    body: (v) => ({ email: v.email.trim(), password: v.password }),
  });

  const login = useMutation({
    mutationFn: (body: BodyOf<'login'>) => api('login', { body }),
    onSuccess: ({ user }) => {
      setSignedIn(queryClient, user);
      void navigate(user.mustChangePassword ? '/account' : next, { replace: true });
    },
    onError: (error) => form.showServerErrors(error),
  });
  const resend = useMutation({
    mutationFn: (body: BodyOf<'resendVerification'>) => api('resendVerification', { body }),
  });

  // Already signed in (and not in the middle of signing in): nothing to do here.
  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const notVerified = isApiError(login.error, 403, 'email_not_verified');

  const onSubmit = form.submitWith(({ email, password }) => {
    resend.reset();
    login.mutate({ email: email.trim(), password });
  });

  return (
    <Stack maw={520}>
      <Title order={1}>{t('login.title')}</Title>
      {notVerified ? (
        <Alert color="warn" title={t('login.notVerifiedTitle')}>
          <Stack gap="xs">
            <Text size="sm">{login.error?.message}</Text>
            <Text size="sm">{t('login.notVerifiedHint')}</Text>
            {resend.isSuccess ? (
              <Text size="sm" role="status" fw={700}>
                {t('verify.resendDone')}
              </Text>
            ) : (
              <Group>
                <Button
                  variant="outline"
                  color="warn"
                  loading={resend.isPending}
                  onClick={() => resend.mutate({ email: form.values.email.trim() })}
                >
                  {t('login.resend')}
                </Button>
              </Group>
            )}
            <ErrorAlert error={resend.error} />
          </Stack>
        </Alert>
      ) : (
        <ErrorAlert error={login.error} fields={FIELDS} />
      )}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="login-form">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('common.allRequired')}
          </Text>
          <TextInput
            {...form.getInputProps('email')}
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            label={t('fields.email')}
            maxLength={LIMITS.email.max}
            required
          />
          <PasswordField
            {...form.getInputProps('password')}
            id="login-password"
            name="password"
            autoComplete="current-password"
            label={t('fields.password')}
            required
          />
          <Button type="submit" loading={login.isPending} size="md">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/reset-password">
        {t('login.forgot')}
      </Anchor>
      <Text>
        {t('login.noAccount')}{' '}
        <Anchor component={Link} to="/register">
          {t('login.registerLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}
