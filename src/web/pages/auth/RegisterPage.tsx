import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIMITS, PERSONAL_DATA_CONSENT_VERSION } from '../../../shared/limits';
import { api, type BodyOf } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormErrors } from '../../components/forms';
import { PasswordField } from '../../components/PasswordField';
import { usePageTitle } from '../../components/usePageTitle';
import {
  checkConfirmation,
  checkDisplayName,
  checkEmail,
  checkNewPassword,
  collectErrors,
} from '../../components/validation';
import { currentLocale } from '../../i18n';
import { ConsentField } from './ConsentField';

const FIELDS = ['email', 'displayName', 'password', 'passwordConfirm', 'consent.personalData'] as const;

export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [passwordConfirm, setPasswordConfirm] = useState('');
  const [consent, setConsent] = useState(false);

  const register = useMutation({
    mutationFn: (body: BodyOf<'register'>) => api('register', { body }),
    onError: () => form.focusInvalid(),
  });
  const form = useFormErrors(register.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = form.validate(
      collectErrors({
        email: checkEmail(t, email),
        displayName: checkDisplayName(t, displayName),
        password: checkNewPassword(t, password),
        passwordConfirm: checkConfirmation(t, password, passwordConfirm),
        'consent.personalData': consent ? undefined : t('validation.consentRequired'),
      }),
    );
    if (!ok) return;
    register.mutate({
      email: email.trim(),
      displayName: displayName.trim(),
      password,
      locale: currentLocale(),
      consent: { personalData: true, version: PERSONAL_DATA_CONSENT_VERSION },
    });
  };

  if (register.isSuccess) {
    return (
      <Stack maw={640}>
        <Title order={1}>{t('register.title')}</Title>
        <Alert color="ok" title={t('register.successTitle')} role="status" data-testid="register-success">
          <Text>{t('register.successText', { email: register.variables.email })}</Text>
          <Text mt="xs">{t('register.successHint')}</Text>
        </Alert>
        <Anchor component={Link} to="/verify-email">
          {t('register.resendLink')}
        </Anchor>
      </Stack>
    );
  }

  const { errors } = form;
  return (
    <Stack maw={640}>
      <Title order={1}>{t('register.title')}</Title>
      <Text>{t('register.lead')}</Text>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="register-form">
        <Stack>
          <ErrorAlert error={register.error} fields={FIELDS} />
          <Text size="sm" c="dimmed">
            {t('common.allRequired')}
          </Text>
          <TextInput
            id="register-email"
            name="email"
            type="email"
            autoComplete="email"
            label={t('fields.email')}
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            maxLength={LIMITS.email.max}
            error={errors.email}
            required
          />
          <TextInput
            id="register-display-name"
            name="displayName"
            autoComplete="name"
            label={t('fields.displayName')}
            description={t('fields.displayNameHint')}
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            maxLength={LIMITS.displayName.max}
            error={errors.displayName}
            required
          />
          <PasswordField
            id="register-password"
            name="password"
            autoComplete="new-password"
            label={t('fields.password')}
            description={t('fields.passwordHint', { min: LIMITS.password.min })}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
            required
          />
          <PasswordField
            id="register-password-confirm"
            name="passwordConfirm"
            autoComplete="new-password"
            label={t('fields.passwordConfirm')}
            value={passwordConfirm}
            onChange={(event) => setPasswordConfirm(event.currentTarget.value)}
            error={errors.passwordConfirm}
            required
          />
          <ConsentField checked={consent} onChange={setConsent} error={errors['consent.personalData']} />
          <Button type="submit" loading={register.isPending} size="md">
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
      <Text>
        {t('register.haveAccount')}{' '}
        <Anchor component={Link} to="/login">
          {t('register.loginLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}
