import type { TFunction } from 'i18next';
import { LIMITS } from '../../shared/limits';

/** Client-side checks mirroring the server's schemas (src/shared/limits.ts). Return a message or undefined. */
export type FieldErrors = Partial<Record<string, string>>;

/** Length in Unicode code points, as JSON Schema (and the server) count it. */
export const charCount = (value: string): number => [...value].length;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(t: TFunction, value: string): string | undefined {
  const email = value.trim();
  if (!email) return t('validation.required');
  if (charCount(email) > LIMITS.email.max) return t('validation.tooLong', { max: LIMITS.email.max });
  if (!EMAIL_RE.test(email)) return t('validation.email');
  return undefined;
}

/** A new password: the full length policy applies. */
export function checkNewPassword(t: TFunction, value: string): string | undefined {
  if (!value) return t('validation.required');
  if (charCount(value) < LIMITS.password.min)
    return t('validation.passwordTooShort', { min: LIMITS.password.min });
  if (charCount(value) > LIMITS.password.max) return t('validation.tooLong', { max: LIMITS.password.max });
  return undefined;
}

/** An existing password (login, current password): only presence and the maximum length. */
export function checkPassword(t: TFunction, value: string): string | undefined {
  if (!value) return t('validation.required');
  if (charCount(value) > LIMITS.password.max) return t('validation.tooLong', { max: LIMITS.password.max });
  return undefined;
}

export function checkConfirmation(t: TFunction, password: string, confirmation: string): string | undefined {
  if (!confirmation) return t('validation.required');
  if (password !== confirmation) return t('validation.passwordMismatch');
  return undefined;
}

export function checkDisplayName(t: TFunction, value: string): string | undefined {
  const name = value.trim();
  if (charCount(name) < LIMITS.displayName.min) return t('validation.required');
  if (charCount(name) > LIMITS.displayName.max)
    return t('validation.tooLong', { max: LIMITS.displayName.max });
  return undefined;
}

/** Drops undefined entries; an empty result means the form is valid. */
export function collectErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined));
}

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;
