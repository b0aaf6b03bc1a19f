import { Group, Loader, Text } from '@mantine/core';
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
