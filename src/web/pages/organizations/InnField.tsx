import { TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isValidInn } from '../../../shared/identifiers';
import { api } from '../../api/client';
import { digitsOf } from './organizationForm';
import { orgKeys } from './organizationQueries';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** An error from the last attempt to send the form; it wins over the live check. */
  error?: React.ReactNode;
  /** The organization being edited: its own INN is not a duplicate. */
  selfId?: string;
  savedInn?: string | null;
}

type Check = { kind: 'problem' | 'ok'; text: string } | null;

/**
 * The INN input with live feedback while typing (after a pause): check digits in the browser, then whether
 * an organization with this INN is already registered (GET /api/organizations/check-inn).
 */
export function InnField({ id, value, onChange, error, selfId, savedInn }: Props) {
  const { t } = useTranslation();
  const inn = digitsOf(value);
  const [settled] = useDebouncedValue(inn, 400);
  const complete = settled === inn && /^(\d{10}|\d{12})$/.test(inn);
  const checksumOk = complete && isValidInn(inn);
  const lookup = checksumOk && inn !== savedInn;

  const check = useQuery({
    queryKey: orgKeys.checkInn(inn),
    queryFn: ({ signal }) => api('checkInn', { query: { inn }, signal }),
    enabled: lookup,
    staleTime: 10_000,
  });

  let result: Check = null;
  if (complete && (!checksumOk || check.data?.valid === false)) {
    result = { kind: 'problem', text: t('validation.innChecksum') };
  } else if (lookup && check.data) {
    const duplicate = check.data.duplicateOf;
    result =
      duplicate && duplicate.id !== selfId
        ? { kind: 'problem', text: t('organizations.innTaken', { name: duplicate.name }) }
        : { kind: 'ok', text: t('organizations.innFree') };
  }

  const shownError = error ?? (result?.kind === 'problem' ? result.text : undefined);
  const checking = lookup && check.isFetching;

  return (
    <>
      <TextInput
        id={id}
        name="inn"
        inputMode="numeric"
        autoComplete="off"
        label={t('organizations.fields.inn')}
        description={t('organizations.fields.innHint')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        maxLength={14}
        loading={checking}
        error={shownError && <span data-testid="inn-check">{shownError}</span>}
        success={!shownError && result?.kind === 'ok' && <span data-testid="inn-check">{result.text}</span>}
      />
      {/* The visible message appears and disappears with the input's error/success slots; this region stays
          in the page so that screen readers announce each new result. */}
      <VisuallyHidden role="status">
        {checking ? t('organizations.innChecking') : error ? '' : (result?.text ?? '')}
      </VisuallyHidden>
    </>
  );
}
