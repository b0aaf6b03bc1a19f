import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LIMITS } from '../../../shared/limits';
import { api, type BodyOf, isApiError } from '../../api/client';
import { setSignedIn, useMe } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormErrors } from '../../components/forms';
import { PasswordField } from '../../components/PasswordField';
import { usePageTitle } from '../../components/usePageTitle';
import { checkEmail, checkPassword, collectErrors } from '../../components/validation';
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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const login = useMutation({
    mutationFn: (body: BodyOf<'login'>) => api('login', { body }),
    onSuccess: ({ user }) => {
      setSignedIn(queryClient, user);
      void navigate(user.mustChangePassword ? '/account' : next, { replace: true });
    },
    onError: () => form.focusInvalid(),
  });
  const resend = useMutation({
    mutationFn: (body: BodyOf<'resendVerification'>) => api('resendVerification', { body }),
  });
  const form = useFormErrors(login.error);

  // Already signed in (and not in the middle of signing in): nothing to do here.
  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const notVerified = isApiError(login.error, 403, 'email_not_verified');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = form.validate(
      collectErrors({ email: checkEmail(t, email), password: checkPassword(t, password) }),
    );
    if (!ok) return;
    resend.reset();
    login.mutate({ email: email.trim(), password });
  };

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
                  onClick={() => resend.mutate({ email: email.trim() })}
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
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            label={t('fields.email')}
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            maxLength={LIMITS.email.max}
            error={form.errors.email}
            required
          />
          <PasswordField
            id="login-password"
            name="password"
            autoComplete="current-password"
            label={t('fields.password')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={form.errors.password}
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
