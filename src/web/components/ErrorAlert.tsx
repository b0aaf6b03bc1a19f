import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR } from '../api/client';

interface Props {
  error: unknown;
  /** Fields shown next to inputs; field errors for other fields are listed in the alert. */
  fields?: readonly string[];
  title?: string;
}

/** Shows a failed request: the problem's `detail` (already in the UI language) in an alert. */
export function ErrorAlert({ error, fields = [], title }: Props) {
  const { t } = useTranslation();
  if (!error) return null;

  let message = t('errors.generic');
  let extra: string[] = [];
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) message = t('errors.network');
    // A problem from the server carries its `detail` in the UI language already (its code's text in the
    // catalogue, src/shared/problems); an answer that was not problem+json (a proxy's error page) has
    // only an English status text, so the generic message is shown instead.
    else message = error.problem.detail ?? message;
    const known = new Set(fields);
    extra = error.fieldErrors
      .filter((item) => !known.has(item.field.replace(/^\//, '').replaceAll('/', '.')))
      .map((item) => item.message);
  }

  return (
    <Alert color="red" title={title ?? t('errors.title')}>
      <Text size="sm">{message}</Text>
      {extra.length > 0 && (
        <List size="sm" mt="xs">
          {extra.map((text) => (
            <List.Item key={text}>{text}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
