import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from '../pages/not-found/NotFoundPage';

/** Errors thrown while loading or rendering a page (e.g. a chunk that failed to download). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <Stack>
      <Title order={1}>{t('errors.title')}</Title>
      <Alert color="red">
        <Text>{t('errors.routeFailed')}</Text>
        <Anchor href={window.location.href}>{t('errors.reload')}</Anchor>
      </Alert>
    </Stack>
  );
}
