import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  NativeSelect,
  Radio,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRecordMunicipalChange } from '../../api/operator-queries';
import { queryKeys } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useContractForm } from '../../forms/useContractForm';
import {
  CHANGE_FIELDS,
  CHANGE_KINDS,
  type ChangeValues,
  changeBody,
  changeChecks,
  changeMessages,
  EMPTY_CHANGE,
  isChangeKind,
  MUNICIPALITY_KINDS,
  SINGLE_PREDECESSOR_KINDS,
} from './municipalChangeForm';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Municipalities in force on a day (the change day once one is entered), sorted by name. */
function useMunicipalitiesOn(day: string) {
  const { i18n } = useTranslation();
  const on = DATE_RE.test(day) ? day : undefined;
  const query = useQuery({
    queryKey: queryKeys.municipalitiesOn(on),
    queryFn: ({ signal }) => api('municipalities', { query: on ? { on } : {}, signal }),
    placeholderData: (previous) => previous,
  });
  const options = useMemo(
    () =>
      (query.data?.items ?? [])
        .map((m) => ({ value: m.id, label: localName(m, i18n.language) }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [query.data, i18n.language],
  );
  return { query, options };
}

/** Records one change of the municipal structure; the server's field errors appear beside the inputs. */
export function MunicipalChangeForm() {
  const { t } = useTranslation();
  const form = useContractForm<ChangeValues>({
    initialValues: EMPTY_CHANGE,
    schema: () =>
      import('../../../shared/contracts/municipal-changes').then((m) => m.RecordMunicipalChangeBody),
    body: changeBody,
    messages: changeMessages,
    check: (v, t) => changeChecks(t, v),
  });
  const { values, errors } = form;
  const [saved, setSaved] = useState<string | null>(null);
  const municipalities = useMunicipalitiesOn(values.effectiveOn);
  const mutation = useRecordMunicipalChange((error) => form.showServerErrors(error));

  const set = <K extends keyof ChangeValues>(key: K, value: ChangeValues[K]) => {
    setSaved(null);
    form.setFieldValue(key, value as never);
  };
  const togglePredecessor = (id: string, on: boolean) =>
    set(
      'predecessorIds',
      on ? [...values.predecessorIds, id] : values.predecessorIds.filter((x) => x !== id),
    );

  const submit = form.submitWith((v) =>
    mutation.mutate(changeBody(v), {
      onSuccess: (change) => {
        setSaved(t(`operator.changes.kinds.${change.kind}`));
        form.setValues(EMPTY_CHANGE);
      },
    }),
  );
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    mutation.reset();
    submit(event);
  };

  if (municipalities.query.isPending) return <LoadingBlock />;
  const id = (field: string) => `mc-${field}`;
  const predecessorError =
    errors.predecessorIds ??
    Object.entries(errors).find(([key]) => key.startsWith('predecessorIds.'))?.[1] ??
    undefined;
  const single = values.kind !== '' && SINGLE_PREDECESSOR_KINDS.includes(values.kind);
  const needsSuccessor = values.kind !== '' && values.kind !== 'abolition';

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="municipal-change-form">
      <Stack maw={760}>
        <ErrorAlert error={mutation.error ?? municipalities.query.error} fields={CHANGE_FIELDS} />
        {saved && (
          <Alert color="ok" role="status" data-testid="municipal-change-saved">
            {t('operator.changes.saved', { kind: saved })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            id={id('kind')}
            name="kind"
            label={t('operator.changes.kind')}
            value={values.kind}
            onChange={(event) => {
              const kind = event.currentTarget.value;
              set('kind', isChangeKind(kind) ? kind : '');
            }}
            data={[
              { value: '', label: t('operator.changes.kindChoose') },
              ...CHANGE_KINDS.map((k) => ({ value: k, label: t(`operator.changes.kinds.${k}`) })),
            ]}
            description={values.kind ? t(`operator.changes.kindHints.${values.kind}`) : undefined}
            error={errors.kind}
            required
          />
          <TextInput
            id={id('effectiveOn')}
            name="effectiveOn"
            type="date"
            label={t('operator.changes.effectiveOn')}
            description={t('operator.changes.effectiveOnHint')}
            value={values.effectiveOn}
            onChange={(event) => set('effectiveOn', event.currentTarget.value)}
            error={errors.effectiveOn}
            required
          />
        </SimpleGrid>

        <Fieldset legend={t('operator.changes.predecessors')} variant="unstyled">
          <Text size="sm" c="dimmed" mb="xs" id={id('predecessors-hint')}>
            {single ? t('operator.changes.onePredecessor') : t('operator.changes.predecessorsHint')}
          </Text>
          <ScrollArea.Autosize mah={280} type="auto" offsetScrollbars>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6}>
              {municipalities.options.map((m) => (
                <Checkbox
                  key={m.value}
                  id={id(`pred-${m.value}`)}
                  name="predecessorIds"
                  value={m.value}
                  label={m.label}
                  checked={values.predecessorIds.includes(m.value)}
                  onChange={(event) => togglePredecessor(m.value, event.currentTarget.checked)}
                  aria-invalid={predecessorError ? true : undefined}
                  aria-describedby={id('predecessors-hint')}
                />
              ))}
            </SimpleGrid>
          </ScrollArea.Autosize>
          {predecessorError && (
            <Text c="red.8" size="sm" mt="xs" role="alert" data-testid="predecessors-error">
              {predecessorError}
            </Text>
          )}
        </Fieldset>

        {needsSuccessor && (
          <Fieldset legend={t('operator.changes.successor')}>
            <Stack gap="sm">
              <Radio.Group
                name="successorMode"
                label={t('operator.changes.successorMode')}
                value={values.successorMode}
                onChange={(mode) => set('successorMode', mode === 'new' ? 'new' : 'existing')}
              >
                <Stack gap={6} mt={4}>
                  <Radio
                    id={id('mode-existing')}
                    value="existing"
                    label={t('operator.changes.successorExisting')}
                  />
                  <Radio id={id('mode-new')} value="new" label={t('operator.changes.successorNew')} />
                </Stack>
              </Radio.Group>
              {values.successorMode === 'existing' ? (
                <NativeSelect
                  id={id('existingId')}
                  name="existingId"
                  label={t('operator.changes.existing')}
                  value={values.existingId}
                  onChange={(event) => set('existingId', event.currentTarget.value)}
                  data={[
                    { value: '', label: t('operator.changes.existingChoose') },
                    ...municipalities.options,
                  ]}
                  error={errors['successor.existingId'] ?? errors.successor}
                  required
                />
              ) : (
                <NewMunicipalityFields values={values} set={set} errors={errors} id={id} />
              )}
            </Stack>
          </Fieldset>
        )}

        <TextInput
          id={id('legalBasis')}
          name="legalBasis"
          label={t('operator.changes.legalBasis')}
          description={t('operator.changes.legalBasisHint')}
          value={values.legalBasis}
          onChange={(event) => set('legalBasis', event.currentTarget.value)}
          maxLength={500}
          error={errors.legalBasis}
        />
        <Textarea
          id={id('comment')}
          name="comment"
          label={t('operator.changes.comment')}
          value={values.comment}
          onChange={(event) => set('comment', event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          error={errors.comment}
        />
        <Text size="sm">{t('operator.changes.onceNote')}</Text>
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('operator.changes.submit')}
        </Button>
      </Stack>
    </form>
  );
}

interface NewProps {
  values: ChangeValues;
  set: <K extends keyof ChangeValues>(key: K, value: ChangeValues[K]) => void;
  errors: Partial<Record<string, React.ReactNode>>;
  id: (field: string) => string;
}

function NewMunicipalityFields({ values, set, errors, id }: NewProps) {
  const { t } = useTranslation();
  const e = (field: string) => errors[`successor.new.${field}`];
  const text = (field: 'nameRu' | 'nameEn' | 'adminCenterRu' | 'slug', max: number, hint?: string) => (
    <TextInput
      id={id(`new-${field}`)}
      name={`new.${field}`}
      label={t(`operator.changes.new.${field}`)}
      description={hint}
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      maxLength={max}
      error={e(field)}
      required
    />
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('nameRu', 200)}
        {text('nameEn', 200)}
        {text('slug', 80, t('operator.changes.new.slugHint'))}
        <NativeSelect
          id={id('new-kind')}
          name="new.kind"
          label={t('operator.changes.new.kind')}
          value={values.municipalityKind}
          onChange={(event) => {
            const kind = MUNICIPALITY_KINDS.find((k) => k === event.currentTarget.value);
            if (kind) set('municipalityKind', kind);
          }}
          data={MUNICIPALITY_KINDS.map((k) => ({ value: k, label: t(`municipalityKind.${k}`) }))}
          error={e('kind')}
          required
        />
        {text('adminCenterRu', 200)}
        <TextInput
          id={id('new-oktmo')}
          name="new.oktmo"
          inputMode="numeric"
          label={t('operator.changes.new.oktmo')}
          description={t('operator.changes.new.oktmoHint')}
          value={values.oktmo}
          onChange={(event) => set('oktmo', event.currentTarget.value)}
          maxLength={11}
          error={e('oktmo')}
        />
        <TextInput
          id={id('new-lat')}
          name="new.lat"
          inputMode="decimal"
          label={t('operator.changes.new.lat')}
          value={values.lat}
          onChange={(event) => set('lat', event.currentTarget.value)}
          maxLength={20}
          error={e('lat')}
          required
        />
        <TextInput
          id={id('new-lon')}
          name="new.lon"
          inputMode="decimal"
          label={t('operator.changes.new.lon')}
          value={values.lon}
          onChange={(event) => set('lon', event.currentTarget.value)}
          maxLength={20}
          error={e('lon')}
          required
        />
        <TextInput
          id={id('new-population')}
          name="new.population"
          inputMode="numeric"
          label={t('operator.changes.new.population')}
          value={values.population}
          onChange={(event) => set('population', event.currentTarget.value)}
          maxLength={10}
          error={e('population')}
        />
      </SimpleGrid>
    </Stack>
  );
}
