import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, localName } from '../../components/format';
import { type Center, STATUS_BADGE } from './coverage';

/** One labelled fact about a centre (used by the list and the centre page). */
export function CenterFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm" component="div">
      <Text component="span" size="sm" fw={700}>
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}

export function CentersList({ items }: { items: Center[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <Stack>
      <Text role="status">{t('centers.shown', { count: items.length })}</Text>
      <ul className="plain-list" data-testid="centers-list">
        {items.map((c) => (
          <li key={c.id}>
            <Card withBorder padding="md" mb="sm">
              <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
                <Title order={3} size="h4" className="center-card-title">
                  <Anchor component={Link} to={`/centers/${c.id}`}>
                    {c.name}
                  </Anchor>
                </Title>
                <Group gap="xs">
                  <Badge color={STATUS_BADGE[c.status]} variant="light">
                    {t(`centerStatus.${c.status}`)}
                  </Badge>
                  {c.isDemo && (
                    <Badge color="gray" variant="outline">
                      {t('centers.demo')}
                    </Badge>
                  )}
                </Group>
              </Group>
              <Stack gap={4}>
                <CenterFact label={t('centers.organization')}>
                  {c.organizationName}{' '}
                  {c.organizationIsPlaceholder && (
                    <Badge color="grape" variant="light" title={t('centers.placeholderHint')}>
                      {t('centers.placeholder')}
                    </Badge>
                  )}
                </CenterFact>
                <CenterFact label={t('centers.municipality')}>{localName(c.municipality, lng)}</CenterFact>
                <CenterFact label={t('centers.address')}>{c.address ?? t('common.notSpecified')}</CenterFact>
                {c.openedOn && (
                  <CenterFact label={t('centers.opened')}>{formatDate(c.openedOn, lng)}</CenterFact>
                )}
              </Stack>
            </Card>
          </li>
        ))}
      </ul>
      {items.length === 0 && <Text>{t('centers.empty')}</Text>}
    </Stack>
  );
}
