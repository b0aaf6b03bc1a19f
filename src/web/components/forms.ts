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
