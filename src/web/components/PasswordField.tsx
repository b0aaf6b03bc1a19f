import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits';

/** Password input with a keyboard-reachable, translated visibility toggle. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      maxLength={LIMITS.password.max}
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
