import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditConflictAlert, useEditVersion, withoutConflict } from '../../components/EditConflict';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormErrors } from '../../components/forms';
import type { FieldErrors } from '../../components/validation';

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

interface Props {
  idPrefix: string;
  fields: FieldDef[];
  initial: Values;
  submitLabel: string;
  save: (values: Values, ifMatch?: number) => Promise<unknown>;
  /** An edit's version when the form opened (sent as If-Match) and how to read the current one. */
  version?: number;
  latestVersion?: () => Promise<number | undefined>;
  onSaved: () => void;
  onCancel?: () => void;
  testId?: string;
}

/** A small settings form built from field definitions; required fields and numbers are checked first. */
export function SettingsForm({
  idPrefix,
  fields,
  initial,
  submitLabel,
  save,
  version,
  latestVersion,
  onSaved,
  onCancel,
  testId,
}: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(initial);
  const edit = useEditVersion(version);
  const mutation = useMutation({
    // An edit sends only the fields changed since the form opened (a change saved meanwhile by someone
    // else in another field stays); a new entry sends everything.
    mutationFn: (v: Values) => save(version === undefined ? v : changed(initial, v), edit.version),
    onSuccess: onSaved,
    onError: () => form.focusInvalid(),
  });
  const form = useFormErrors(mutation.error);
  const id = (name: string) => `${idPrefix}-${name}`;

  const check = (): FieldErrors => {
    const e: FieldErrors = {};
    for (const f of fields) {
      const v = values[f.name];
      if (typeof v !== 'string') continue;
      if (f.required && !v.trim()) e[f.name] = t('validation.required');
      else if (f.kind === 'number' && v.trim() && !/^\d+$/.test(v.trim()))
        e[f.name] = t('operator.settings.wholeNumber');
    }
    return e;
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.reset();
    if (form.validate(check())) mutation.mutate(values);
  };
  const set = (name: string, value: FieldValue) => setValues((v) => ({ ...v, [name]: value }));

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid={testId}>
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
              error: form.errors[f.name],
            };
            switch (f.kind) {
              case 'checkbox':
                return (
                  <Checkbox
                    key={f.name}
                    {...common}
                    mt="md"
                    checked={values[f.name] === true}
                    onChange={(event) => set(f.name, event.currentTarget.checked)}
                  />
                );
              case 'select':
                return (
                  <NativeSelect
                    key={f.name}
                    {...common}
                    required={f.required}
                    value={String(values[f.name] ?? '')}
                    onChange={(event) => set(f.name, event.currentTarget.value)}
                    data={f.options ?? []}
                  />
                );
              case 'textarea':
                return (
                  <Textarea
                    key={f.name}
                    {...common}
                    required={f.required}
                    value={String(values[f.name] ?? '')}
                    onChange={(event) => set(f.name, event.currentTarget.value)}
                    maxLength={f.max}
                    autosize
                    minRows={2}
                  />
                );
              default:
                return (
                  <TextInput
                    key={f.name}
                    {...common}
                    required={f.required}
                    inputMode={f.kind === 'number' ? 'numeric' : undefined}
                    value={String(values[f.name] ?? '')}
                    onChange={(event) => set(f.name, event.currentTarget.value)}
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

export const int = (v: FieldValue | undefined): number => Number.parseInt(String(v ?? '0'), 10) || 0;
export const str = (v: FieldValue | undefined): string => String(v ?? '').trim();
