import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { FieldErrors } from './validation';

/** Field errors from a server problem (`errors[]`), keyed by body property name, e.g. `consent.personalData`. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const result: FieldErrors = {};
  for (const item of error.fieldErrors) {
    const field = item.field.replace(/^\//, '').replaceAll('/', '.');
    result[field] ??= item.message;
  }
  return result;
}

/**
 * Form helper: holds client-side errors, merges them with the server's field errors, and moves focus to
 * the first invalid field after a failed attempt.
 */
export function useFormErrors(serverError: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const server = serverFieldErrors(serverError);
  const errors: FieldErrors = { ...server, ...clientErrors };

  return {
    formRef,
    errors,
    /** Call with the client-side result; returns true if the form may be submitted. */
    validate(next: FieldErrors): boolean {
      setClientErrors(next);
      const ok = Object.keys(next).length === 0;
      if (!ok) setAttempt((n) => n + 1);
      return ok;
    },
    /** Call from a mutation's onError so that focus moves to a field the server rejected. */
    focusInvalid(): void {
      setAttempt((n) => n + 1);
    },
  };
}
