import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/limits';
import { api, type BodyOf } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormErrors } from '../../components/forms';
import { PasswordField } from '../../components/PasswordField';
import {
  checkConfirmation,
  checkNewPassword,
  checkPassword,
  collectErrors,
} from '../../components/validation';

const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirm'] as const;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [newPasswordConfirm, setNewPasswordConfirm] = useState('');

  const change = useMutation({
    mutationFn: (body: BodyOf<'changePassword'>) => api('changePassword', { body }),
    onSuccess: async () => {
      setCurrentPassword('');
      setNewPassword('');
      setNewPasswordConfirm('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
    onError: () => form.focusInvalid(),
  });
  const form = useFormErrors(change.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.reset();
    const ok = form.validate(
      collectErrors({
        currentPassword: checkPassword(t, currentPassword),
        newPassword: checkNewPassword(t, newPassword),
        newPasswordConfirm: checkConfirmation(t, newPassword, newPasswordConfirm),
      }),
    );
    if (ok) change.mutate({ currentPassword, newPassword });
  };

  return (
    <section aria-labelledby="password-title">
      <Title order={2} id="password-title" mb="md">
        {t('account.passwordTitle')}
      </Title>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="change-password-form">
        <Stack maw={560}>
          <ErrorAlert error={change.error} fields={FIELDS} />
          <Text size="sm" c="dimmed">
            {t('common.allRequired')}
          </Text>
          {change.isSuccess && (
            <Alert color="ok" role="status">
              {t('account.passwordChanged')}
            </Alert>
          )}
          <PasswordField
            id="current-password"
            name="currentPassword"
            autoComplete="current-password"
            label={t('account.currentPassword')}
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={form.errors.currentPassword}
            required
          />
          <PasswordField
            id="new-password"
            name="newPassword"
            autoComplete="new-password"
            label={t('account.newPassword')}
            description={t('fields.passwordHint', { min: LIMITS.password.min })}
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={form.errors.newPassword}
            required
          />
          <PasswordField
            id="new-password-confirm"
            name="newPasswordConfirm"
            autoComplete="new-password"
            label={t('account.newPasswordConfirm')}
            value={newPasswordConfirm}
            onChange={(event) => setNewPasswordConfirm(event.currentTarget.value)}
            error={form.errors.newPasswordConfirm}
            required
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
