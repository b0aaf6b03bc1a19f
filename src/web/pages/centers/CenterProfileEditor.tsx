import { Button, Checkbox, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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
import { useContractForm } from '../../forms/useContractForm';
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
  // The profile as the form opened on it: only what the user changed since is sent (ADR 0017).
  const [base, setBase] = useState<Values>(() => valuesOf(center));
  const form = useContractForm<Values>({
    initialValues: valuesOf(center),
    schema: () => import('../../../shared/contracts/centers').then((m) => m.UpdateCenterProfileBody),
    body: (v) => changedFields(base, v),
  });
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
    onError: (error) => form.showServerErrors(error),
  });

  const submit = form.submitWith((v) => mutation.mutate(v));
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    setSaved(false);
    mutation.reset();
    submit(event);
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
            form.setValues(valuesOf(center));
            form.clearErrors();
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
                  form.setValues(mergeEdits(base, form.getValues(), theirs));
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
            <Checkbox.Group label={t('map.services')} {...form.getInputProps('services')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {kinds.map((k) => (
                  <Checkbox key={k.code} value={k.code} label={localName(k, i18n.language)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <TextInput
              label={t('map.openingHours')}
              description={t('map.openingHoursHint')}
              {...form.getInputProps('openingHours')}
              maxLength={500}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('map.phone')}
                type="tel"
                autoComplete="tel"
                {...form.getInputProps('phone')}
                maxLength={40}
              />
              <TextInput
                label={t('map.email')}
                type="email"
                autoComplete="email"
                {...form.getInputProps('email')}
                maxLength={254}
              />
              <TextInput
                label={t('map.website')}
                type="url"
                autoComplete="url"
                {...form.getInputProps('website')}
                maxLength={300}
              />
              <TextInput label={t('centers.address')} {...form.getInputProps('address')} maxLength={300} />
            </SimpleGrid>
            <Textarea
              label={t('map.description')}
              {...form.getInputProps('description')}
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
