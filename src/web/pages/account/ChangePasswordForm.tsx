import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '../../../shared/contracts/accounts';
import { api, type BodyOf } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { confirmationCheck, NewPasswordFields, newPasswordMessages } from '../../forms/NewPasswordFields';
import { useContractForm } from '../../forms/useContractForm';

const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirm'] as const;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useContractForm({
    initialValues: { currentPassword: '', newPassword: '', newPasswordConfirm: '' },
    schema: async () => ChangePasswordBody,
    body: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    messages: (t) => newPasswordMessages(t, 'newPassword'),
    check: (v, t) => confirmationCheck(t, v.newPassword, v.newPasswordConfirm, 'newPasswordConfirm'),
  });

  const change = useMutation({
    mutationFn: (body: BodyOf<'changePassword'>) => api('changePassword', { body }),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
    onError: (error) => form.showServerErrors(error),
  });

  return (
    <section aria-labelledby="password-title">
      <Title order={2} id="password-title" mb="md">
        {t('account.passwordTitle')}
      </Title>
      <form
        ref={form.formRef}
        onSubmit={(event) => {
          change.reset();
          form.submitWith(({ currentPassword, newPassword }) =>
            change.mutate({ currentPassword, newPassword }),
          )(event);
        }}
        noValidate
        data-testid="change-password-form"
      >
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
            {...form.getInputProps('currentPassword')}
            id="current-password"
            name="currentPassword"
            autoComplete="current-password"
            label={t('account.currentPassword')}
            required
          />
          <NewPasswordFields
            form={form}
            name="newPassword"
            confirmName="newPasswordConfirm"
            id="new-password"
            label={t('account.newPassword')}
            confirmLabel={t('account.newPasswordConfirm')}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
