import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A polite, announced loading indicator. */
export function LoadingBlock({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" role="status" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label ?? t('common.loading')}</Text>
    </Group>
  );
}

/** Stand-in for a page whose code is still loading: keeps the one-h1-per-page structure meanwhile. */
export function LoadingPage() {
  const { t } = useTranslation();
  return (
    <Stack role="status" gap="sm">
      <Title order={1} size="h3">
        {t('app.loading')}
      </Title>
      <Loader size="sm" aria-hidden="true" />
    </Stack>
  );
}
