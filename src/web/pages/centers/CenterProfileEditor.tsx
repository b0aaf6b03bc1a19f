import { Button, Checkbox, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queries';
import {
  changedFields,
  EditConflictAlert,
  mergeEdits,
  useEditVersion,
  withoutConflict,
} from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { useFormErrors } from '../../components/forms';
import type { Center, ServiceKind } from './coverage';

const FIELDS = ['services', 'openingHours', 'phone', 'email', 'website', 'address', 'description'] as const;

type Values = {
  services: string[];
  openingHours: string;
  phone: string;
  email: string;
  website: string;
  address: string;
  description: string;
};

const valuesOf = (c: Center): Values => ({
  services: c.services,
  openingHours: c.openingHours ?? '',
  phone: c.phone ?? '',
  email: c.email ?? '',
  website: c.website ?? '',
  address: c.address ?? '',
  description: c.description ?? '',
});

/** The profile form for the centre's coordinators and the operator; field errors come from the server. */
export function CenterProfileEditor({
  center,
  kinds,
  queryKey,
}: {
  center: Center;
  kinds: ServiceKind[];
  queryKey: QueryKey;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(() => valuesOf(center));
  // The profile as the form opened on it: only what the user changed since is sent (ADR 0017).
  const [base, setBase] = useState<Values>(() => valuesOf(center));
  const [saved, setSaved] = useState(false);
  const edit = useEditVersion(center.version);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      api('updateCenterProfile', {
        params: { id: center.id },
        body: changedFields(base, v),
        ifMatch: edit.version,
      }),
    onSuccess: async (result) => {
      edit.saved(result.center.version);
      setBase(valuesOf(result.center));
      queryClient.setQueryData(queryKey, (old: object | undefined) => (old ? { ...old, ...result } : old));
      await queryClient.invalidateQueries({ queryKey: queryKeys.centers });
      setSaved(true);
      setOpen(false);
    },
    onError: () => form.focusInvalid(),
  });
  const form = useFormErrors(mutation.error);
  const { errors } = form;
  const set = (key: Exclude<keyof Values, 'services'>) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    mutation.reset();
    if (form.validate({})) mutation.mutate(values);
  };

  return (
    <section aria-labelledby="center-edit-title">
      <Title order={2} id="center-edit-title" mb="sm">
        {t('map.editTitle')}
      </Title>
      {saved && (
        <Text role="status" mb="sm" fw={600} data-testid="profile-saved">
          {t('map.profileSaved')}
        </Text>
      )}
      {!open ? (
        <Button
          variant="outline"
          onClick={() => {
            setValues(valuesOf(center));
            setBase(valuesOf(center));
            edit.start(center.version);
            mutation.reset();
            setSaved(false);
            setOpen(true);
          }}
        >
          {t('map.editProfile')}
        </Button>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="profile-form">
          <Stack gap="sm" maw={720}>
            <EditConflictAlert
              error={mutation.error}
              reloaded={edit.reloaded}
              onReload={async () => {
                const current = await edit.reload(
                  queryKey,
                  (data: { center: Center }) => data.center.version,
                );
                if (current) {
                  const theirs = valuesOf(current.center);
                  setValues((mine) => mergeEdits(base, mine, theirs));
                  setBase(theirs);
                }
                mutation.reset();
              }}
            />
            <ErrorAlert
              error={withoutConflict(mutation.error)}
              fields={FIELDS}
              title={t('map.profileNotSaved')}
            />
            <Checkbox.Group
              label={t('map.services')}
              value={values.services}
              onChange={(services) => setValues((v) => ({ ...v, services }))}
              error={errors.services}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {kinds.map((k) => (
                  <Checkbox key={k.code} value={k.code} label={localName(k, i18n.language)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <TextInput
              label={t('map.openingHours')}
              description={t('map.openingHoursHint')}
              value={values.openingHours}
              onChange={set('openingHours')}
              error={errors.openingHours}
              maxLength={500}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('map.phone')}
                type="tel"
                autoComplete="tel"
                value={values.phone}
                onChange={set('phone')}
                error={errors.phone}
                maxLength={40}
              />
              <TextInput
                label={t('map.email')}
                type="email"
                autoComplete="email"
                value={values.email}
                onChange={set('email')}
                error={errors.email}
                maxLength={254}
              />
              <TextInput
                label={t('map.website')}
                type="url"
                autoComplete="url"
                value={values.website}
                onChange={set('website')}
                error={errors.website}
                maxLength={300}
              />
              <TextInput
                label={t('centers.address')}
                value={values.address}
                onChange={set('address')}
                error={errors.address}
                maxLength={300}
              />
            </SimpleGrid>
            <Textarea
              label={t('map.description')}
              value={values.description}
              onChange={set('description')}
              error={errors.description}
              autosize
              minRows={3}
              maxLength={4000}
            />
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                {t('common.save')}
              </Button>
              <Button variant="subtle" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </section>
  );
}
