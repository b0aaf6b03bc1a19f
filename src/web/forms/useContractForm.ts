/**
 * Forms on @mantine/form, checked by the server's contracts. A form names the TypeBox schema its request
 * body is validated with on the server (loaded on demand, with the checker: nothing of it reaches the
 * public entry) and how its values become that body; the field messages come from the schema, in the UI
 * language. Checks a schema cannot state (a repeated password, a checksum) are added by `check` and win.
 *
 * The server's own field errors (problem+json `errors[]`) are shown on the same fields: pass the failed
 * request to `showServerErrors` (a mutation's `onError`). After a failed attempt the first invalid field
 * gets the focus.
 */
import { type UseFormReturnType, useForm } from '@mantine/form';
import type { i18n, TFunction } from 'i18next';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSchema } from 'typebox';
import { serverFieldErrors } from '../components/forms';
import type { FieldErrors } from '../components/validation';
import type { FieldMessages } from './contractErrors';

export type { FieldMessages } from './contractErrors';

type Values = object;

export interface ContractFormOptions<V extends Values> {
  initialValues: V;
  /** The request body's schema from src/shared/contracts, e.g. `() => import(…).then((m) => m.LoginBody)`. */
  schema?: () => Promise<TSchema>;
  /** The body the values make, as it will be sent (trimmed, converted); default: the values. */
  body?: (values: V) => unknown;
  /** Field messages of the form's own (by body path), instead of the generic ones. */
  messages?: (t: TFunction) => FieldMessages;
  /** Checks beyond the contract; a message here wins over the contract's for the same field. */
  check?: (values: V, t: TFunction) => FieldErrors;
  /**
   * A body path's form field, where a field is named otherwise than the body property it fills (or a
   * list in the body leaves out the form's empty rows). Server field errors go through it too.
   */
  fieldOf?: (path: string, values: V) => string;
  /**
   * A failed request the form does not send itself (its parent does): its field errors are shown as it
   * changes. A form that sends its own request passes the failure to `showServerErrors` instead.
   */
  serverError?: unknown;
}

export type ContractForm<V extends Values> = UseFormReturnType<V> & {
  /** The <form> element, for moving the focus to the first invalid field. */
  formRef: React.RefObject<HTMLFormElement | null>;
  /** The form's onSubmit: checks, then calls `handler` with valid values. */
  submitWith(handler: (values: V) => void): (event?: FormEvent<HTMLFormElement>) => void;
  /** Shows a failed request's field errors on their fields and focuses the first. */
  showServerErrors(error: unknown): void;
};

/** The checker, its messages added to the catalogue the first time (under `checks`). */
const loadChecker = (i18n: i18n) =>
  import('./contractErrors').then((checker) => {
    if (!i18n.exists('checks.invalid')) {
      for (const [lng, checks] of Object.entries(checker.CHECK_MESSAGES))
        i18n.addResourceBundle(lng, 'translation', { checks }, true, false);
    }
    return checker;
  });

/** Applies `fieldOf` to error paths. */
function renamed<V>(errors: FieldErrors, values: V, fieldOf?: (path: string, values: V) => string) {
  if (!fieldOf) return errors;
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [fieldOf(k, values), v]));
}

const withoutEmpty = (errors: FieldErrors): Record<string, string> =>
  Object.fromEntries(
    Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

export function useContractForm<V extends Values>(options: ContractFormOptions<V>): ContractForm<V> {
  const { t, i18n } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const form = useForm<V>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: async (values) => {
      const { schema, body, messages, check, fieldOf } = latest.current;
      let fromContract: FieldErrors = {};
      if (schema) {
        try {
          const [checker, loaded] = await Promise.all([loadChecker(i18n), schema()]);
          const payload = body ? body(values) : values;
          fromContract = checker.contractErrors(t, loaded, payload, messages?.(t));
        } catch {
          // The checker could not be loaded (e.g. offline): the server checks the same contract.
        }
      }
      return withoutEmpty({ ...renamed(fromContract, values, fieldOf), ...(check?.(values, t) ?? {}) });
    },
  });

  const showServerErrors = (error: unknown) => {
    const server = renamed(serverFieldErrors(error), form.getValues(), latest.current.fieldOf);
    if (Object.keys(server).length === 0) return;
    form.setErrors(withoutEmpty(server));
    setAttempt((n) => n + 1);
  };
  const { serverError } = options;
  // biome-ignore lint/correctness/useExhaustiveDependencies: shown once per failed request
  useEffect(() => {
    if (serverError) showServerErrors(serverError);
  }, [serverError]);

  // One check at a time: a second submit while the first is being checked (a double click while the
  // checker loads) is ignored, so it can never pass unchecked.
  const checking = useRef(false);
  const submitWith = (handler: (values: V) => void) => {
    const submit = form.onSubmit(
      (values) => {
        checking.current = false;
        handler(values as V);
      },
      () => {
        checking.current = false;
        setAttempt((n) => n + 1);
      },
    );
    return (event?: FormEvent<HTMLFormElement>) => {
      event?.preventDefault();
      if (checking.current) return;
      checking.current = true;
      submit(event);
    };
  };

  return Object.assign(form, { formRef, submitWith, showServerErrors });
}
