import type { TFunction } from 'i18next';

/**
 * Field path → message. The checks themselves come from the server's contracts (src/web/forms); what is
 * here are the few a contract cannot state.
 */
export type FieldErrors = Partial<Record<string, string>>;

/** The repetition of a new password: present and the same. */
export function checkConfirmation(t: TFunction, password: string, confirmation: string): string | undefined {
  if (!confirmation) return t('validation.required');
  if (password !== confirmation) return t('validation.passwordMismatch');
  return undefined;
}

/** Drops undefined entries; an empty result means the form is valid. */
export function collectErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined));
}
