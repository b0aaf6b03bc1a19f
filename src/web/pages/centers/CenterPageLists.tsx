import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOpportunitySearch } from '../../api/opportunities-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { usePublicCenterSquads } from '../volunteers/coordinatorQueries';

const SHOWN = 10;

/** The centre's published opportunities with upcoming shifts, soonest first (the public search, one centre). */
export function CenterUpcomingOpportunities({ centerId }: { centerId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const search = useOpportunitySearch({ centerId, limit: SHOWN, sort: 'start' });
  return (
    <section aria-labelledby="center-opportunities-title" data-testid="center-opportunities">
      <Title order={2} id="center-opportunities-title" mb="sm">
        {t('opportunities.centerPage.title')}
      </Title>
      {search.isPending ? (
        <LoadingBlock />
      ) : search.isError ? (
        <ErrorAlert error={search.error} title={t('errors.loadFailed')} />
      ) : search.data.items.length === 0 ? (
        <Text>{t('opportunities.centerPage.none')}</Text>
      ) : (
        <Stack gap="xs">
          <List spacing="xs" listStyleType="none">
            {search.data.items.map((o) => (
              <List.Item key={o.id}>
                <Anchor component={Link} to={`/opportunities/${o.id}`} fw={600}>
                  {o.title}
                </Anchor>
                <Group gap="xs" mt={2}>
                  <Text size="sm">
                    {t('opportunities.nextShift', { when: formatDateTime(o.nextShiftAt, lng) })}
                  </Text>
                  <Text size="sm">
                    {o.freePlaces > 0
                      ? t('opportunities.freePlaces', { count: o.freePlaces })
                      : t('opportunities.full')}
                  </Text>
                  {o.category && (
                    <Badge variant="light" size="sm">
                      {localName(o.category, lng)}
                    </Badge>
                  )}
                  {o.isOnline && (
                    <Badge variant="outline" size="sm">
                      {t('opportunities.online')}
                    </Badge>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
          {search.data.total > search.data.items.length && (
            <Text size="sm">
              {t('opportunities.centerPage.more', {
                shown: search.data.items.length,
                total: search.data.total,
              })}
            </Text>
          )}
        </Stack>
      )}
    </section>
  );
}

/**
 * The centre's squads as the public sees them: name (a link to the squad's page, where one asks to join),
 * focus, tags, member count (no people), and how to join: by request on the squad's page, or at once with
 * an invitation code on «Мои отряды». Both need an account; a visitor is brought back here after login.
 */
export function CenterPublicSquads({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const squads = usePublicCenterSquads(centerId);
  return (
    <section aria-labelledby="center-squads-title" data-testid="center-public-squads">
      <Title order={2} id="center-squads-title" mb="sm">
        {t('volunteers.publicSquads.title')}
      </Title>
      {squads.isPending ? (
        <LoadingBlock />
      ) : squads.isError ? (
        <ErrorAlert error={squads.error} title={t('errors.loadFailed')} />
      ) : squads.data.items.length === 0 ? (
        <Text>{t('volunteers.publicSquads.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" data-testid="center-squads-how-to-join">
            {t('volunteers.publicSquads.howToJoin')}{' '}
            <Anchor component={Link} to="/my/squads">
              {t('volunteers.joinByCode.link')}
            </Anchor>
          </Text>
          <List spacing="xs" listStyleType="none">
            {squads.data.items.map((s) => (
              <List.Item key={s.id}>
                <Anchor component={Link} to={`/squads/${s.id}`} fw={600}>
                  {s.name}
                </Anchor>{' '}
                <Text size="sm" component="span">
                  ({t('volunteers.publicSquads.members', { count: s.activeMembers })})
                </Text>
                {s.focus && <Text size="sm">{s.focus}</Text>}
                {s.tags.length > 0 && (
                  <Group gap={4} mt={2}>
                    {s.tags.map((tag) => (
                      <Badge key={tag} variant="light" size="sm">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </section>
  );
}

/** Links for the centre's coordinators and the operator: its opportunities, squads and week schedule. */
export function CenterManagerLinks({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg">
      <Anchor
        component={Link}
        to={`/centers/${centerId}/opportunities`}
        data-testid="center-opportunities-link"
      >
        {t('opportunities.centerPage.manage')}
      </Anchor>
      <Anchor component={Link} to={`/centers/${centerId}/squads`} data-testid="center-squads-link">
        {t('volunteers.centerSquads.link')}
      </Anchor>
      <Anchor component={Link} to={`/centers/${centerId}/schedule`} data-testid="center-schedule-link">
        {t('schedule.title')}
      </Anchor>
    </Group>
  );
}
