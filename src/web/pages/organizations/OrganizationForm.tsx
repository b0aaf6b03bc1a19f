import { Alert, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EditConflictAlert, withoutConflict } from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useContractForm } from '../../forms/useContractForm';
import { InnField } from './InnField';
import {
  createBody,
  ORG_LIMITS,
  ORGANIZATION_FIELDS,
  type Organization,
  type OrganizationValues,
  organizationChecks,
  organizationMessages,
} from './organizationForm';
import { useMunicipalityOptions } from './organizationQueries';
import { isKind, KINDS, kindLabel, subkindLabel, subkindsOf } from './vocabulary';

interface Props {
  initial: OrganizationValues;
  /** The organization being edited (absent when registering a new one). */
  organization?: Organization;
  submitLabel: string;
  /** Sends the form; resolves to the saved organization, or null when there was nothing to send. */
  save: (values: OrganizationValues) => Promise<Organization | null>;
  /** Editing an existing organization: an edit conflict (412) offers to load its current version. */
  conflict?: { reloaded: boolean; reload: () => Promise<unknown> };
  onSaved: (organization: Organization | null) => void;
  /** A confirmation shown above the button (e.g. «saved»). */
  notice?: string | null;
}

/** All organization fields, labelled, with client-side checks and the server's field errors beside them. */
export function OrganizationForm({
  initial,
  organization,
  submitLabel,
  save,
  onSaved,
  notice,
  conflict,
}: Props) {
  const { t, i18n } = useTranslation();
  const municipalities = useMunicipalityOptions();
  // Both a new organization and an edit are checked whole, as the contract of a new one states it.
  const form = useContractForm<OrganizationValues>({
    initialValues: initial,
    schema: () => import('../../../shared/contracts/organizations').then((m) => m.CreateOrganizationBody),
    body: createBody,
    messages: organizationMessages,
    check: (v, t) => organizationChecks(t, v),
  });
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: onSaved,
    onError: (error) => form.showServerErrors(error),
  });
  const { values, errors } = form;

  const onKind = (kind: string) => {
    if (!isKind(kind)) return;
    // A subkind from another kind's vocabulary no longer fits.
    form.setValues((v) => ({
      ...v,
      kind,
      subkind: (subkindsOf(kind) as string[]).includes(v.subkind ?? '') ? v.subkind : '',
    }));
  };

  const submit = form.submitWith((v) => mutation.mutate(v));
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    mutation.reset();
    submit(event);
  };

  if (municipalities.query.isPending) return <LoadingBlock />;

  const municipalityOptions = [...municipalities.options];
  const current = organization?.municipality;
  // A municipality no longer in force (e.g. after a merger) stays selectable for the organization it is on.
  if (current && !municipalityOptions.some((o) => o.value === current.id)) {
    municipalityOptions.unshift({ value: current.id, label: localName(current, i18n.language) });
  }
  const subkinds: string[] = values.kind ? subkindsOf(values.kind) : [];
  if (values.subkind && !subkinds.includes(values.subkind)) subkinds.push(values.subkind);
  const id = (field: string) => `organization-${field}`;

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="organization-form">
      <Stack maw={720}>
        {conflict && (
          <EditConflictAlert
            error={mutation.error}
            reloaded={conflict.reloaded}
            onReload={async () => {
              await conflict.reload();
              mutation.reset();
            }}
          />
        )}
        <ErrorAlert
          error={withoutConflict(mutation.error) ?? municipalities.query.error}
          fields={ORGANIZATION_FIELDS}
        />
        <Text size="sm" c="dimmed">
          {t('organizations.requiredNote')}
        </Text>
        <TextInput
          {...form.getInputProps('name')}
          id={id('name')}
          name="name"
          autoComplete="organization"
          label={t('organizations.fields.name')}
          description={t('organizations.fields.nameHint')}
          maxLength={ORG_LIMITS.name}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            id={id('kind')}
            name="kind"
            label={t('organizations.fields.kind')}
            value={values.kind}
            onChange={(event) => onKind(event.currentTarget.value)}
            data={[
              ...(values.kind ? [] : [{ value: '', label: t('organizations.fields.kindChoose') }]),
              ...KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) })),
            ]}
            error={errors.kind}
            required
          />
          <NativeSelect
            {...form.getInputProps('subkind')}
            id={id('subkind')}
            name="subkind"
            label={t('organizations.fields.subkind')}
            description={values.kind ? undefined : t('organizations.fields.subkindHint')}
            data={[
              { value: '', label: t('organizations.fields.subkindNone') },
              ...subkinds.map((s) => ({ value: s, label: subkindLabel(t, s) })),
            ]}
            disabled={!values.kind}
          />
        </SimpleGrid>
        <NativeSelect
          {...form.getInputProps('municipalityId')}
          id={id('municipality')}
          name="municipalityId"
          label={t('organizations.fields.municipality')}
          data={[
            ...(values.municipalityId
              ? []
              : [{ value: '', label: t('organizations.fields.municipalityChoose') }]),
            ...municipalityOptions,
          ]}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <InnField
            id={id('inn')}
            value={values.inn}
            onChange={(inn) => form.setFieldValue('inn', inn)}
            error={errors.inn}
            selfId={organization?.id}
            savedInn={organization?.inn}
          />
          <TextInput
            {...form.getInputProps('ogrn')}
            id={id('ogrn')}
            name="ogrn"
            inputMode="numeric"
            autoComplete="off"
            label={t('organizations.fields.ogrn')}
            description={t('organizations.fields.ogrnHint')}
            maxLength={17}
          />
        </SimpleGrid>
        <TextInput
          {...form.getInputProps('address')}
          id={id('address')}
          name="address"
          autoComplete="street-address"
          label={t('organizations.fields.address')}
          maxLength={ORG_LIMITS.address}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            {...form.getInputProps('phone')}
            id={id('phone')}
            name="phone"
            type="tel"
            autoComplete="tel"
            label={t('organizations.fields.phone')}
            description={t('organizations.fields.phoneHint')}
            maxLength={ORG_LIMITS.phone.max}
          />
          <TextInput
            {...form.getInputProps('email')}
            id={id('email')}
            name="email"
            type="email"
            autoComplete="email"
            label={t('organizations.fields.email')}
            description={t('organizations.fields.emailHint')}
            maxLength={ORG_LIMITS.email}
          />
        </SimpleGrid>
        <TextInput
          {...form.getInputProps('website')}
          id={id('website')}
          name="website"
          type="url"
          autoComplete="url"
          label={t('organizations.fields.website')}
          description={t('organizations.fields.websiteHint')}
          maxLength={ORG_LIMITS.website}
        />
        {notice && Object.keys(errors).length === 0 && (
          <Alert color="ok" role="status">
            {notice}
          </Alert>
        )}
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
