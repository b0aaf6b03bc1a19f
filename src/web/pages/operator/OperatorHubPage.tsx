import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isRegionalOperator, RequireRole } from '../../components/RequireRole';
import { usePageTitle } from '../../components/usePageTitle';

const SECTIONS = [
  { key: 'dashboard', to: '/operator/dashboard' },
  { key: 'queue', to: '/applications' },
  { key: 'monitoring', to: '/operator/monitoring' },
  { key: 'municipalities', to: '/operator/municipalities' },
  { key: 'settings', to: '/operator/settings' },
] as const;

/** /operator: the regional operator's hub, one card per tool. */
export function OperatorHubPage() {
  const { t } = useTranslation();
  const title = t('operator.title');
  usePageTitle(title);
  return (
    <RequireRole title={title} allow={isRegionalOperator}>
      {() => (
        <Stack gap="lg" data-testid="operator-hub">
          <Stack gap="sm" maw={760}>
            <Title order={1}>{title}</Title>
            <Text>{t('operator.lead')}</Text>
          </Stack>
          <SimpleGrid component="ul" cols={{ base: 1, sm: 2, md: 3 }} className="plain-list">
            {SECTIONS.map((s) => (
              <Card component="li" key={s.key} withBorder padding="lg">
                <Title order={2} size="h4" mb="xs">
                  <Anchor component={Link} to={s.to} data-testid={`hub-${s.key}`}>
                    {t(`operator.hub.${s.key}`)}
                  </Anchor>
                </Title>
                <Text size="sm">{t(`operator.hub.${s.key}Text`)}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </RequireRole>
  );
}
