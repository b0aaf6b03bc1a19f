import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ApplicationDetail, useServiceKinds } from '../../api/applications-queries';
import { EditConflictAlert, withoutConflict } from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useContractForm } from '../../forms/useContractForm';
import { useMunicipalityOptions } from '../organizations/organizationQueries';
import {
  APPLICATION_FIELDS,
  type ApplicationValues,
  applicationFieldOf,
  applicationMessages,
  type CoordinatorValues,
  createBody,
  newCoordinator,
  updateBody,
} from './applicationForm';

interface Props {
  initial: ApplicationValues;
  /** Organizations to choose from (only when creating); absent when editing. */
  organizations?: { id: string; name: string; municipalityId: string }[];
  /** The municipality already on the application (kept selectable even if no longer in force). */
  currentMunicipality?: { id: string; nameRu: string; nameEn: string };
  submitLabel: string;
  save: (values: ApplicationValues) => Promise<ApplicationDetail>;
  onSaved: (detail: ApplicationDetail) => void;
  onCancel?: () => void;
  /** Editing: an edit conflict (412) offers to load the current version (ADR 0017). */
  conflict?: { reloaded: boolean; reload: () => Promise<unknown> };
}

/** The application's fields: organization, municipality, name, premises, services, head, coordinators. */
export function ApplicationForm(props: Props) {
  const { initial, organizations, currentMunicipality, submitLabel, save, onSaved, onCancel } = props;
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const municipalities = useMunicipalityOptions();
  const serviceKinds = useServiceKinds();
  const creating = organizations !== undefined;
  const form = useContractForm<ApplicationValues>({
    initialValues: initial,
    schema: () =>
      import('../../../shared/contracts/applications').then((m) =>
        creating ? m.CreateApplicationBody : m.UpdateApplicationBody,
      ),
    body: creating ? createBody : updateBody,
    messages: applicationMessages,
    fieldOf: applicationFieldOf,
  });
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: onSaved,
    onError: (error) => form.showServerErrors(error),
  });
  const { values, errors } = form;

  const set = <K extends keyof ApplicationValues>(key: K, value: ApplicationValues[K]) =>
    form.setFieldValue(key, value as never);
  const setCoordinator = (i: number, patch: Partial<CoordinatorValues>) =>
    set(
      'coordinators',
      values.coordinators.map((c, n) => (n === i ? { ...c, ...patch } : c)),
    );

  const submit = form.submitWith((v) => mutation.mutate(v));
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    mutation.reset();
    submit(event);
  };

  if (municipalities.query.isPending || serviceKinds.isPending) return <LoadingBlock />;

  const municipalityOptions = [...municipalities.options];
  if (currentMunicipality && !municipalityOptions.some((o) => o.value === currentMunicipality.id)) {
    municipalityOptions.unshift({
      value: currentMunicipality.id,
      label: localName(currentMunicipality, lng),
    });
  }
  const services = (serviceKinds.data?.items ?? [])
    .filter((s) => s.active || values.services.includes(s.code))
    .sort((a, b) => a.position - b.position);
  const id = (field: string) => `application-${field.replaceAll('.', '-')}`;
  const text = (
    field: keyof ApplicationValues & string,
    errorKey: string,
    label: string,
    extra: { max?: number; type?: string; autoComplete?: string; description?: string } = {},
  ) => (
    <TextInput
      {...form.getInputProps(field)}
      id={id(errorKey)}
      name={errorKey}
      type={extra.type}
      autoComplete={extra.autoComplete ?? 'off'}
      label={label}
      description={extra.description}
      maxLength={extra.max ?? 200}
    />
  );

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="application-form">
      <Stack maw={760}>
        {props.conflict && (
          <EditConflictAlert
            error={mutation.error}
            reloaded={props.conflict.reloaded}
            onReload={async () => {
              await props.conflict?.reload();
              mutation.reset();
            }}
          />
        )}
        <ErrorAlert
          error={withoutConflict(mutation.error) ?? municipalities.query.error ?? serviceKinds.error}
          fields={APPLICATION_FIELDS}
        />
        {creating && (
          <NativeSelect
            id={id('organizationId')}
            name="organizationId"
            label={t('applications.form.organization')}
            description={t('applications.form.organizationHint')}
            value={values.organizationId}
            onChange={(event) => {
              const orgId = event.currentTarget.value;
              const org = organizations.find((o) => o.id === orgId);
              form.setValues((v) => ({
                ...v,
                organizationId: orgId,
                municipalityId: v.municipalityId || org?.municipalityId || '',
              }));
            }}
            data={[
              ...(values.organizationId
                ? []
                : [{ value: '', label: t('applications.form.organizationChoose') }]),
              ...organizations.map((o) => ({ value: o.id, label: o.name })),
            ]}
            error={errors.organizationId}
            required
          />
        )}
        <NativeSelect
          id={id('municipalityId')}
          name="municipalityId"
          label={t('applications.form.municipality')}
          description={t('applications.form.municipalityHint')}
          value={values.municipalityId}
          onChange={(event) => set('municipalityId', event.currentTarget.value)}
          data={[
            ...(values.municipalityId
              ? []
              : [{ value: '', label: t('applications.form.municipalityChoose') }]),
            ...municipalityOptions,
          ]}
          error={errors.municipalityId}
          required
        />
        {text('proposedName', 'proposedName', t('applications.form.proposedName'), {
          max: 300,
          description: t('applications.form.proposedNameHint'),
        })}

        <Fieldset legend={t('applications.form.premises')}>
          <Stack gap="sm">
            {text('address', 'premises.address', t('applications.form.address'), {
              max: 500,
              autoComplete: 'street-address',
            })}
            <Textarea
              id={id('premises.description')}
              name="premises.description"
              label={t('applications.form.premisesDescription')}
              description={t('applications.form.premisesDescriptionHint')}
              {...form.getInputProps('premisesDescription')}
              maxLength={2000}
              autosize
              minRows={2}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('applications.form.services')}>
          <Text size="sm" c="dimmed" mb="xs">
            {t('applications.form.servicesHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {services.map((s) => (
              <Checkbox
                key={s.code}
                id={id(`service-${s.code}`)}
                name="services"
                value={s.code}
                label={localName(s, lng)}
                checked={values.services.includes(s.code)}
                onChange={(event) =>
                  set(
                    'services',
                    event.currentTarget.checked
                      ? [...values.services, s.code]
                      : values.services.filter((c) => c !== s.code),
                  )
                }
              />
            ))}
          </SimpleGrid>
          {errors.services && (
            <Text c="red.8" size="sm" mt="xs" role="alert">
              {errors.services}
            </Text>
          )}
        </Fieldset>

        <Fieldset legend={t('applications.form.head')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('headName', 'head.name', t('applications.form.headName'), { autoComplete: 'name' })}
            {text('headPosition', 'head.position', t('applications.form.headPosition'), {
              autoComplete: 'organization-title',
            })}
            {text('headPhone', 'head.phone', t('applications.form.phone'), {
              type: 'tel',
              max: 40,
              autoComplete: 'tel',
            })}
            {text('headEmail', 'head.email', t('applications.form.email'), {
              type: 'email',
              max: 254,
              autoComplete: 'email',
            })}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('applications.form.coordinators')}>
          <Stack gap="md">
            {values.coordinators.length === 0 && (
              <Text size="sm">{t('applications.form.noCoordinators')}</Text>
            )}
            {values.coordinators.map((c, i) => (
              <Stack
                key={c.key}
                gap="xs"
                role="group"
                aria-label={t('applications.form.coordinatorN', { n: i + 1 })}
              >
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    id={id(`coordinators-${i}-name`)}
                    name={`coordinators.${i}.name`}
                    label={t('applications.form.coordinatorName', { n: i + 1 })}
                    value={c.name}
                    onChange={(event) => setCoordinator(i, { name: event.currentTarget.value })}
                    maxLength={200}
                    error={errors[`coordinators.${i}.name`]}
                  />
                  <TextInput
                    id={id(`coordinators-${i}-email`)}
                    name={`coordinators.${i}.email`}
                    type="email"
                    label={t('applications.form.email')}
                    value={c.email}
                    onChange={(event) => setCoordinator(i, { email: event.currentTarget.value })}
                    maxLength={254}
                    error={errors[`coordinators.${i}.email`]}
                  />
                  <TextInput
                    id={id(`coordinators-${i}-phone`)}
                    name={`coordinators.${i}.phone`}
                    type="tel"
                    label={t('applications.form.phone')}
                    value={c.phone}
                    onChange={(event) => setCoordinator(i, { phone: event.currentTarget.value })}
                    maxLength={40}
                    error={errors[`coordinators.${i}.phone`]}
                  />
                </SimpleGrid>
                <Button
                  variant="default"
                  size="compact-sm"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() =>
                    set(
                      'coordinators',
                      values.coordinators.filter((_, n) => n !== i),
                    )
                  }
                >
                  {t('applications.form.removeCoordinator', { n: i + 1 })}
                </Button>
              </Stack>
            ))}
            {values.coordinators.length < 20 && (
              <Button
                variant="default"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => set('coordinators', [...values.coordinators, newCoordinator()])}
                data-testid="add-coordinator"
              >
                {t('applications.form.addCoordinator')}
              </Button>
            )}
          </Stack>
        </Fieldset>

        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
