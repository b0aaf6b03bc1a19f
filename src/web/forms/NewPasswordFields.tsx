import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits';
import { PasswordField } from '../components/PasswordField';
import { checkConfirmation, type FieldErrors } from '../components/validation';
import type { ContractForm, FieldMessages } from './useContractForm';

interface Props<V extends object> {
  form: ContractForm<V>;
  /** The new password's field (its body property) and the repetition's. */
  name: keyof V & string;
  confirmName: keyof V & string;
  /** Element ids: `id` and `${id}-confirm`. */
  id: string;
  label?: string;
  confirmLabel?: string;
}

/** A new password and its repetition: the length policy in the hint, both marked invalid on their own. */
export function NewPasswordFields<V extends object>({
  form,
  name,
  confirmName,
  id,
  label,
  confirmLabel,
}: Props<V>) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        {...form.getInputProps(name)}
        id={id}
        name={name}
        autoComplete="new-password"
        label={label ?? t('fields.password')}
        description={t('fields.passwordHint', { min: LIMITS.password.min })}
        required
      />
      <PasswordField
        {...form.getInputProps(confirmName)}
        id={`${id}-confirm`}
        name={confirmName}
        autoComplete="new-password"
        label={confirmLabel ?? t('fields.passwordConfirm')}
        required
      />
    </>
  );
}

/** The new password's own message for a too short one (the contract's minLength). */
export const newPasswordMessages = (t: TFunction, name: string): FieldMessages => ({
  [name]: { minLength: t('validation.passwordTooShort', { min: LIMITS.password.min }) },
});

/** The repetition matches: a check the contract cannot state (the body carries one password). */
export function confirmationCheck(
  t: TFunction,
  password: string,
  confirmation: string,
  confirmName: string,
): FieldErrors {
  const message = checkConfirmation(t, password, confirmation);
  return message ? { [confirmName]: message } : {};
}
