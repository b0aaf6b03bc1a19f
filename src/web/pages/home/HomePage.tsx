import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { queryKeys, useMe } from '../../api/queries';
import { localName } from '../../components/format';
import { usePageTitle } from '../../components/usePageTitle';
import { SummaryStats } from './SummaryStats';

export function HomePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('home.title'));
  const me = useMe();
  const region = useQuery({
    queryKey: queryKeys.region,
    queryFn: ({ signal }) => api('region', { signal }),
    staleTime: 10 * 60_000,
  });

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1}>{t('home.title')}</Title>
        {region.data && (
          <Text c="dimmed">{t('home.regionLine', { region: localName(region.data, i18n.language) })}</Text>
        )}
        <Text size="lg">{t('home.lead')}</Text>
        <Text>{t('home.about1')}</Text>
        <Text>{t('home.about2')}</Text>
      </Stack>

      <section aria-labelledby="home-stats">
        <Title order={2} id="home-stats" mb="md">
          {t('home.statsTitle')}
        </Title>
        <SummaryStats />
      </section>

      <section aria-labelledby="home-cta">
        <Title order={2} id="home-cta" mb="md">
          {t('home.ctaTitle')}
        </Title>
        <Group>
          <Button component={Link} to="/centers" size="md">
            {t('home.ctaCenters')}
          </Button>
          {!me.data && (
            <Button component={Link} to="/register" size="md" variant="outline">
              {t('home.ctaRegister')}
            </Button>
          )}
        </Group>
      </section>
    </Stack>
  );
}
