import { Alert, Badge, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { useFormErrors } from '../../components/forms';
import { checkDisplayName, collectErrors } from '../../components/validation';
import { isLocale } from '../../i18n';

/** Display name and the language of emails (PATCH /api/me). */
export function ProfileSection({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Locale>(user.locale);
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
    onError: () => form.focusInvalid(),
  });
  const form = useFormErrors(update.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.reset();
    if (form.validate(collectErrors({ displayName: checkDisplayName(t, displayName) }))) {
      // Only what changed since the form opened (a language switched elsewhere meanwhile stays).
      const body = changedFields(base, { displayName: displayName.trim(), locale });
      update.mutate(Object.keys(body).length > 0 ? body : { displayName: displayName.trim() });
    }
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
              value={displayName}
              onChange={(event) => setDisplayName(event.currentTarget.value)}
              maxLength={LIMITS.displayName.max}
              error={form.errors.displayName}
              required
            />
            <NativeSelect
              id="profile-locale"
              name="locale"
              label={t('account.localeLabel')}
              value={locale}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isLocale(value)) setLocale(value);
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
