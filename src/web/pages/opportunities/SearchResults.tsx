import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchHit } from '../../api/opportunities-queries';
import { formatDateTime, formatNumber, localName } from '../../components/format';

export function SearchResults({ items }: { items: SearchHit[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <Text>{t('opportunities.empty')}</Text>;
  return (
    <SimpleGrid
      cols={{ base: 1, md: 2 }}
      spacing="md"
      component="ul"
      style={{ listStyle: 'none', padding: 0 }}
    >
      {items.map((o) => (
        <Card key={o.id} component="li" withBorder padding="md">
          <Stack gap="xs">
            <Title order={3} size="h4">
              <Anchor component={Link} to={`/opportunities/${o.id}`}>
                {o.title}
              </Anchor>
            </Title>
            <Text size="sm">{o.center.name}</Text>
            <Group gap="xs">
              {o.category && <Badge variant="light">{localName(o.category, i18n.language)}</Badge>}
              {o.isOnline && <Badge variant="outline">{t('opportunities.online')}</Badge>}
              {o.minAge !== null && (
                <Badge variant="outline">{t('opportunities.minAge', { age: o.minAge })}</Badge>
              )}
            </Group>
            <Text size="sm">
              {t('opportunities.nextShift', { when: formatDateTime(o.nextShiftAt, i18n.language) })}
            </Text>
            <Text size="sm" fw={600}>
              {o.freePlaces > 0
                ? t('opportunities.freePlaces', { count: o.freePlaces })
                : t('opportunities.full')}
              {' · '}
              {t('opportunities.shiftCount', { count: o.shiftCount })}
            </Text>
            {(o.municipality || o.distanceKm !== null) && (
              <Text size="sm">
                {o.municipality ? localName(o.municipality, i18n.language) : ''}
                {o.distanceKm !== null &&
                  ` · ${t('opportunities.distance', { km: formatNumber(o.distanceKm, i18n.language) })}`}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
