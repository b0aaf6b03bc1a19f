import { Alert, Badge, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateMeBody } from '../../../shared/contracts/accounts';
import { LIMITS, LOCALES, type Locale } from '../../../shared/limits';
import { api, type BodyOf } from '../../api/client';
import { queryKeys, type User } from '../../api/queries';
import {
  changedFields,
  EditConflictAlert,
  useEditVersion,
  withoutConflict,
} from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { useContractForm } from '../../forms/useContractForm';
import { isLocale } from '../../i18n';

/** Display name and the language of emails (PATCH /api/me). */
export function ProfileSection({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useContractForm<{ displayName: string; locale: Locale }>({
    initialValues: { displayName: user.displayName, locale: user.locale },
    schema: async () => UpdateMeBody,
    body: (v) => ({ displayName: v.displayName.trim(), locale: v.locale }),
  });
  // Saved over the version the form was opened on (ADR 0017).
  const edit = useEditVersion(user.version);
  const [base, setBase] = useState({ displayName: user.displayName, locale: user.locale });

  const update = useMutation({
    mutationFn: (body: BodyOf<'updateMe'>) => api('updateMe', { body, ifMatch: edit.version }),
    onSuccess: ({ user: updated }) => {
      edit.saved(updated.version);
      setBase({ displayName: updated.displayName, locale: updated.locale });
      queryClient.setQueryData(queryKeys.me, updated);
    },
    onError: (error) => form.showServerErrors(error),
  });

  const submit = form.submitWith(({ displayName, locale }) => {
    // Only what changed since the form opened (a language switched elsewhere meanwhile stays).
    const body = changedFields(base, { displayName: displayName.trim(), locale });
    update.mutate(Object.keys(body).length > 0 ? body : { displayName: displayName.trim() });
  });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    update.reset();
    submit(event);
  };

  return (
    <section aria-labelledby="profile-title">
      <Title order={2} id="profile-title" mb="md">
        {t('account.profileTitle')}
      </Title>
      <Stack maw={560}>
        <Group gap="xs">
          <Text fw={700}>{t('account.emailLabel')}:</Text>
          <Text>{user.email}</Text>
          <Badge color={user.emailVerified ? 'ok' : 'warn'} variant="light">
            {user.emailVerified ? t('account.emailVerified') : t('account.emailNotVerified')}
          </Badge>
        </Group>
        <Group gap="xs">
          <Text fw={700}>{t('account.registeredAt')}:</Text>
          <Text>{formatDate(user.createdAt, i18n.language)}</Text>
        </Group>
        <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="profile-form">
          <Stack>
            <EditConflictAlert
              error={update.error}
              reloaded={edit.reloaded}
              onReload={async () => {
                await edit.reload(queryKeys.me, (u: User | null) => u?.version);
                update.reset();
              }}
            />
            <ErrorAlert error={withoutConflict(update.error)} fields={['displayName', 'locale']} />
            {update.isSuccess && (
              <Alert color="ok" role="status">
                {t('account.profileSaved')}
              </Alert>
            )}
            <TextInput
              id="profile-display-name"
              name="displayName"
              autoComplete="name"
              label={t('fields.displayName')}
              {...form.getInputProps('displayName')}
              maxLength={LIMITS.displayName.max}
              required
            />
            <NativeSelect
              id="profile-locale"
              name="locale"
              label={t('account.localeLabel')}
              value={form.values.locale}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isLocale(value)) form.setFieldValue('locale', value);
              }}
              data={LOCALES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
              error={form.errors.locale}
            />
            <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </section>
  );
}
