import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegisterBody } from '../../../shared/contracts/accounts';
import { LIMITS, PERSONAL_DATA_CONSENT_VERSION } from '../../../shared/limits';
import { api, type BodyOf } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { confirmationCheck, NewPasswordFields, newPasswordMessages } from '../../forms/NewPasswordFields';
import { useContractForm } from '../../forms/useContractForm';
import { currentLocale } from '../../i18n';
import { ConsentField } from './ConsentField';

const FIELDS = ['email', 'displayName', 'password', 'passwordConfirm', 'consent.personalData'] as const;

type Values = {
  email: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
  consent: { personalData: boolean };
};

const toBody = (v: Values): BodyOf<'register'> => ({
  email: v.email.trim(),
  displayName: v.displayName.trim(),
  password: v.password,
  locale: currentLocale(),
  // `personalData: true` is the only value the contract takes: an unticked box is sent as false and refused.
  consent: { personalData: v.consent.personalData as true, version: PERSONAL_DATA_CONSENT_VERSION },
});

export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const form = useContractForm<Values>({
    initialValues: {
      email: '',
      displayName: '',
      password: '',
      passwordConfirm: '',
      consent: { personalData: false },
    },
    schema: async () => RegisterBody,
    body: toBody,
    messages: (t) => ({
      ...newPasswordMessages(t, 'password'),
      'consent.personalData': t('validation.consentRequired'),
    }),
    check: (v, t) => confirmationCheck(t, v.password, v.passwordConfirm, 'passwordConfirm'),
  });

  const register = useMutation({
    mutationFn: (body: BodyOf<'register'>) => api('register', { body }),
    onError: (error) => form.showServerErrors(error),
  });

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

  return (
    <Stack maw={640}>
      <Title order={1}>{t('register.title')}</Title>
      <Text>{t('register.lead')}</Text>
      <form
        ref={form.formRef}
        onSubmit={form.submitWith((values) => register.mutate(toBody(values)))}
        noValidate
        data-testid="register-form"
      >
        <Stack>
          <ErrorAlert error={register.error} fields={FIELDS} />
          <Text size="sm" c="dimmed">
            {t('common.allRequired')}
          </Text>
          <TextInput
            {...form.getInputProps('email')}
            id="register-email"
            name="email"
            type="email"
            autoComplete="email"
            label={t('fields.email')}
            maxLength={LIMITS.email.max}
            required
          />
          <TextInput
            {...form.getInputProps('displayName')}
            id="register-display-name"
            name="displayName"
            autoComplete="name"
            label={t('fields.displayName')}
            description={t('fields.displayNameHint')}
            maxLength={LIMITS.displayName.max}
            required
          />
          <NewPasswordFields
            form={form}
            name="password"
            confirmName="passwordConfirm"
            id="register-password"
          />
          <ConsentField {...form.getInputProps('consent.personalData', { type: 'checkbox' })} />
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
