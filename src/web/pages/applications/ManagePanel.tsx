import { Alert, Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApplicationDetail,
  type ManageBody,
  useApplicationMutation,
  useStageOwners,
} from '../../api/applications-queries';
import { api } from '../../api/client';
import {
  changedFields,
  EditConflictAlert,
  useEditVersion,
  withoutConflict,
} from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm } from '../../forms/useContractForm';

/** The operator's management fields: the current stage's owner and the expected opening date. */
export function ManagePanel({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const a = detail.application;
  const owners = useStageOwners(true);
  const [saved, setSaved] = useState(false);
  // Saved over the version shown when the panel opened (ADR 0017); the answer's version after a save.
  const edit = useEditVersion(a.version);
  const [base, setBase] = useState<ManageBody>({
    stageOwnerId: a.stageOwner?.id ?? null,
    expectedOpeningOn: a.expectedOpeningOn ?? null,
  });
  const mutation = useApplicationMutation(a.id, (body: ManageBody) =>
    api('manageApplication', { params: { id: a.id }, body, ifMatch: edit.version }),
  );
  const form = useContractForm({
    initialValues: { stageOwnerId: a.stageOwner?.id ?? '', expectedOpeningOn: a.expectedOpeningOn ?? '' },
    schema: () => import('../../../shared/contracts/applications').then((m) => m.ManageApplicationBody),
    body: (v) => ({ stageOwnerId: v.stageOwnerId || null, expectedOpeningOn: v.expectedOpeningOn || null }),
    serverError: mutation.error,
  });

  const submit = form.submitWith((v) => {
    // Only what the operator changed since the panel opened is sent (ADR 0017).
    const values = { stageOwnerId: v.stageOwnerId || null, expectedOpeningOn: v.expectedOpeningOn || null };
    const body = changedFields(base, values);
    if (Object.keys(body).length === 0) return setSaved(true);
    mutation.mutate(body, {
      onSuccess: (next) => {
        edit.saved(next.application.version);
        setBase(values);
        setSaved(true);
      },
    });
  });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    setSaved(false);
    submit(event);
  };

  const options = (owners.data?.items ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  if (a.stageOwner && !options.some((o) => o.value === a.stageOwner?.id)) {
    options.unshift({ value: a.stageOwner.id, label: a.stageOwner.displayName });
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="manage-form">
      <Stack gap="sm" maw={640}>
        <EditConflictAlert
          error={mutation.error}
          reloaded={edit.reloaded}
          onReload={async () => {
            await edit.reloadFrom(
              async () => (await api('application', { params: { id: a.id } })).application.version,
            );
            mutation.reset();
          }}
        />
        <ErrorAlert
          error={withoutConflict(mutation.error) ?? owners.error}
          fields={['stageOwnerId', 'expectedOpeningOn']}
        />
        {saved && (
          <Alert color="ok" role="status">
            {t('applications.manage.saved')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            id="manage-owner"
            name="stageOwnerId"
            label={t('applications.manage.owner')}
            {...form.getInputProps('stageOwnerId')}
            onChange={(event) => {
              setSaved(false);
              form.setFieldValue('stageOwnerId', event.currentTarget.value);
            }}
            data={[{ value: '', label: t('applications.manage.noOwner') }, ...options]}
          />
          <TextInput
            id="manage-expected"
            name="expectedOpeningOn"
            type="date"
            label={t('applications.manage.expected')}
            description={t('applications.manage.expectedHint')}
            {...form.getInputProps('expectedOpeningOn')}
            onChange={(event) => {
              setSaved(false);
              form.setFieldValue('expectedOpeningOn', event.currentTarget.value);
            }}
          />
        </SimpleGrid>
        <Button
          type="submit"
          variant="outline"
          loading={mutation.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('applications.manage.save')}
        </Button>
      </Stack>
    </form>
  );
}
