import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PERSONAL_DATA_CONSENT_VERSION } from '../../../shared/limits';

interface Props {
  checked?: boolean;
  onChange: (checked: boolean) => void;
  error?: React.ReactNode;
}

/** Explicit personal-data consent (152-FZ): never pre-ticked, text expandable, version shown. */
export function ConsentField({ checked, onChange, error }: Props) {
  const { t } = useTranslation();
  const version = PERSONAL_DATA_CONSENT_VERSION;
  return (
    <Stack gap="xs">
      <details className="consent-text">
        <summary>{t('consent.summary', { version })}</summary>
        <p>{t('consent.p1')}</p>
        <p>{t('consent.p2')}</p>
        <p>{t('consent.p3')}</p>
      </details>
      <Checkbox
        id="consent-personal-data"
        name="consent.personalData"
        checked={checked ?? false}
        onChange={(event) => onChange(event.currentTarget.checked)}
        label={t('consent.checkbox')}
        description={t('consent.version', { version })}
        error={error}
        aria-invalid={error ? true : undefined}
        required
      />
    </Stack>
  );
}
