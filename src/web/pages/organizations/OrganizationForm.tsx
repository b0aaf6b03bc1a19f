import { Alert, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditConflictAlert, withoutConflict } from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { useFormErrors } from '../../components/forms';
import { LoadingBlock } from '../../components/LoadingBlock';
import { hasErrors } from '../../components/validation';
import { InnField } from './InnField';
import {
  checkOrganization,
  ORG_LIMITS,
  ORGANIZATION_FIELDS,
  type Organization,
  type OrganizationValues,
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
  const [values, setValues] = useState(initial);
  const municipalities = useMunicipalityOptions();
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved, onError: () => form.focusInvalid() });
  const form = useFormErrors(mutation.error);
  const { errors } = form;

  const set = <K extends keyof OrganizationValues>(key: K, value: OrganizationValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const onKind = (kind: string) => {
    if (!isKind(kind)) return;
    // A subkind from another kind's vocabulary no longer fits.
    setValues((v) => ({
      ...v,
      kind,
      subkind: (subkindsOf(kind) as string[]).includes(v.subkind) ? v.subkind : '',
    }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.reset();
    if (form.validate(checkOrganization(t, values))) mutation.mutate(values);
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
          id={id('name')}
          name="name"
          autoComplete="organization"
          label={t('organizations.fields.name')}
          description={t('organizations.fields.nameHint')}
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          maxLength={ORG_LIMITS.name}
          error={errors.name}
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
            id={id('subkind')}
            name="subkind"
            label={t('organizations.fields.subkind')}
            description={values.kind ? undefined : t('organizations.fields.subkindHint')}
            value={values.subkind}
            onChange={(event) => set('subkind', event.currentTarget.value)}
            data={[
              { value: '', label: t('organizations.fields.subkindNone') },
              ...subkinds.map((s) => ({ value: s, label: subkindLabel(t, s) })),
            ]}
            disabled={!values.kind}
            error={errors.subkind}
          />
        </SimpleGrid>
        <NativeSelect
          id={id('municipality')}
          name="municipalityId"
          label={t('organizations.fields.municipality')}
          value={values.municipalityId}
          onChange={(event) => set('municipalityId', event.currentTarget.value)}
          data={[
            ...(values.municipalityId
              ? []
              : [{ value: '', label: t('organizations.fields.municipalityChoose') }]),
            ...municipalityOptions,
          ]}
          error={errors.municipalityId}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <InnField
            id={id('inn')}
            value={values.inn}
            onChange={(inn) => set('inn', inn)}
            error={errors.inn}
            selfId={organization?.id}
            savedInn={organization?.inn}
          />
          <TextInput
            id={id('ogrn')}
            name="ogrn"
            inputMode="numeric"
            autoComplete="off"
            label={t('organizations.fields.ogrn')}
            description={t('organizations.fields.ogrnHint')}
            value={values.ogrn}
            onChange={(event) => set('ogrn', event.currentTarget.value)}
            maxLength={17}
            error={errors.ogrn}
          />
        </SimpleGrid>
        <TextInput
          id={id('address')}
          name="address"
          autoComplete="street-address"
          label={t('organizations.fields.address')}
          value={values.address}
          onChange={(event) => set('address', event.currentTarget.value)}
          maxLength={ORG_LIMITS.address}
          error={errors.address}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            id={id('phone')}
            name="phone"
            type="tel"
            autoComplete="tel"
            label={t('organizations.fields.phone')}
            description={t('organizations.fields.phoneHint')}
            value={values.phone}
            onChange={(event) => set('phone', event.currentTarget.value)}
            maxLength={ORG_LIMITS.phone.max}
            error={errors.phone}
          />
          <TextInput
            id={id('email')}
            name="email"
            type="email"
            autoComplete="email"
            label={t('organizations.fields.email')}
            description={t('organizations.fields.emailHint')}
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            maxLength={ORG_LIMITS.email}
            error={errors.email}
          />
        </SimpleGrid>
        <TextInput
          id={id('website')}
          name="website"
          type="url"
          autoComplete="url"
          label={t('organizations.fields.website')}
          description={t('organizations.fields.websiteHint')}
          value={values.website}
          onChange={(event) => set('website', event.currentTarget.value)}
          maxLength={ORG_LIMITS.website}
          error={errors.website}
        />
        {notice && !hasErrors(errors) && (
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
