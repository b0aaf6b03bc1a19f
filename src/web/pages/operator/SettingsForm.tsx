import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TSchema } from 'typebox';
import { EditConflictAlert, useEditVersion, withoutConflict } from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { FieldErrors } from '../../components/validation';
import { useContractForm } from '../../forms/useContractForm';

export type FieldValue = string | boolean;
export type Values = Record<string, FieldValue>;

export interface FieldDef {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'checkbox' | 'select';
  description?: string;
  required?: boolean;
  max?: number;
  options?: { value: string; label: string }[];
}

/** The request body's contract and the body the values make (for an edit: the changed fields only). */
export interface Contract {
  schema: () => Promise<TSchema>;
  body: (values: Values) => unknown;
}

interface Props {
  idPrefix: string;
  fields: FieldDef[];
  initial: Values;
  submitLabel: string;
  save: (values: Values, ifMatch?: number) => Promise<unknown>;
  contract: Contract;
  /** An edit's version when the form opened (sent as If-Match) and how to read the current one. */
  version?: number;
  latestVersion?: () => Promise<number | undefined>;
  onSaved: () => void;
  onCancel?: () => void;
  testId?: string;
}

/**
 * A small settings form built from field definitions, on @mantine/form: the body it makes is checked by
 * the contract the server uses; a required field left empty is named as such first.
 */
export function SettingsForm({
  idPrefix,
  fields,
  initial,
  submitLabel,
  save,
  contract,
  version,
  latestVersion,
  onSaved,
  onCancel,
  testId,
}: Props) {
  const { t } = useTranslation();
  const edit = useEditVersion(version);
  const form = useContractForm<Values>({
    initialValues: initial,
    schema: contract.schema,
    body: contract.body,
    check: (values, t) => {
      const missing: FieldErrors = {};
      for (const f of fields) {
        const v = values[f.name];
        if (f.required && typeof v === 'string' && !v.trim()) missing[f.name] = t('validation.required');
      }
      return missing;
    },
  });
  const mutation = useMutation({
    // An edit sends only the fields changed since the form opened (a change saved meanwhile by someone
    // else in another field stays); a new entry sends everything.
    mutationFn: (v: Values) => save(version === undefined ? v : changed(initial, v), edit.version),
    onSuccess: onSaved,
    onError: (error) => form.showServerErrors(error),
  });
  const onSubmit = form.submitWith((values) => mutation.mutate(values));
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <form
      ref={form.formRef}
      onSubmit={(event) => {
        mutation.reset();
        onSubmit(event);
      }}
      noValidate
      data-testid={testId}
    >
      <Stack gap="sm">
        <EditConflictAlert
          error={mutation.error}
          reloaded={edit.reloaded}
          onReload={async () => {
            if (latestVersion) await edit.reloadFrom(latestVersion);
            mutation.reset();
          }}
        />
        <ErrorAlert error={withoutConflict(mutation.error)} fields={fields.map((f) => f.name)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {fields.map((f) => {
            const common = {
              id: id(f.name),
              name: f.name,
              label: f.label,
              description: f.description,
            };
            switch (f.kind) {
              case 'checkbox':
                return (
                  <Checkbox
                    key={f.name}
                    {...form.getInputProps(f.name, { type: 'checkbox' })}
                    {...common}
                    mt="md"
                  />
                );
              case 'select':
                return (
                  <NativeSelect
                    key={f.name}
                    {...form.getInputProps(f.name)}
                    {...common}
                    required={f.required}
                    data={f.options ?? []}
                  />
                );
              case 'textarea':
                return (
                  <Textarea
                    key={f.name}
                    {...form.getInputProps(f.name)}
                    {...common}
                    required={f.required}
                    maxLength={f.max}
                    autosize
                    minRows={2}
                  />
                );
              default:
                return (
                  <TextInput
                    key={f.name}
                    {...form.getInputProps(f.name)}
                    {...common}
                    required={f.required}
                    inputMode={f.kind === 'number' ? 'numeric' : undefined}
                    maxLength={f.max ?? (f.kind === 'number' ? 6 : 200)}
                  />
                );
            }
          })}
        </SimpleGrid>
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

/** Only the values that changed (for PATCH bodies); numbers parsed, empty text → null where allowed. */
export function changed(initial: Values, values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => initial[k] !== v));
}

/** A whole number typed in a field; anything else is NaN, which the contract refuses as «not a whole number». */
export const int = (v: FieldValue | undefined): number => {
  const text = String(v ?? '').trim();
  return /^-?\d+$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
};
export const str = (v: FieldValue | undefined): string => String(v ?? '').trim();
