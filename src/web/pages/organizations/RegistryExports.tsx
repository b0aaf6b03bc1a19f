import { Anchor, Card, Group, List, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fileUrl } from '../../api/client';
import { EXPORT_FILES, EXPORT_FORMATS, REGISTRY_EXPORTS } from './exportLinks';

/** Operator only: download links for the registry exports (the server names the file). */
export function RegistryExports() {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={titleId}
      data-testid="registry-exports"
    >
      <Title order={2} size="h4" id={titleId}>
        {t('organizations.exports.title')}
      </Title>
      <Text size="sm" mt={4} mb="xs">
        {t('organizations.exports.lead')}
      </Text>
      <List listStyleType="none" spacing={4}>
        {REGISTRY_EXPORTS.map((name) => (
          <List.Item key={name}>
            <Group gap="sm">
              <Text component="span">{t(`organizations.exports.${name}`)}</Text>
              {EXPORT_FORMATS.map((format) => (
                <Anchor
                  key={format}
                  href={fileUrl(EXPORT_FILES[name][format])}
                  download
                  aria-label={t('organizations.exports.linkLabel', {
                    what: t(`organizations.exports.${name}`),
                    format: format.toUpperCase(),
                  })}
                  data-testid={`export-${name}-${format}`}
                >
                  {format.toUpperCase()}
                </Anchor>
              ))}
            </Group>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
