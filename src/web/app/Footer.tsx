import { Container, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useConfig } from '../api/queries';

export function Footer() {
  const { t } = useTranslation();
  const config = useConfig();
  return (
    <footer className="site-footer">
      <Container size="lg" py="lg">
        <Stack gap="xs">
          <Text size="sm">{t('footer.about')}</Text>
          <Text size="sm">{t('footer.license')}</Text>
          {config.data?.demo && (
            <Text size="sm" fw={700}>
              {t('footer.demo')}
            </Text>
          )}
        </Stack>
      </Container>
    </footer>
  );
}
