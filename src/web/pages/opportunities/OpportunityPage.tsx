import { Anchor, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fileUrl } from '../../api/client';
import { type ShiftView, useOpportunity } from '../../api/opportunities-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatTime, localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { usePageTitle } from '../../components/usePageTitle';
import { ShiftSignupSlot } from './ShiftSignupSlot';

function timeRange(s: ShiftView, lng: string) {
  return `${formatDateTime(s.startsAt, lng)}–${formatTime(s.endsAt, lng)}`;
}

/** One opportunity: what, where, who may come, and its upcoming shifts with free places and .ics files. */
export function OpportunityPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const query = useOpportunity(id);
  const o = query.data?.opportunity;
  usePageTitle(o?.title ?? t('opportunities.title'));
  if (query.isPending) return <LoadingBlock />;
  if (!o) return <ErrorAlert error={query.error} title={t('errors.loadFailed')} />;
  const lng = i18n.language;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to="/opportunities">
          {t('opportunities.back')}
        </Anchor>
        <Title order={1}>{o.title}</Title>
        <Group gap="xs">
          {o.status !== 'published' && <Badge color="orange">{t(`opportunities.status.${o.status}`)}</Badge>}
          {o.category && <Badge variant="light">{localName(o.category, lng)}</Badge>}
          {o.isOnline && <Badge variant="outline">{t('opportunities.online')}</Badge>}
          {o.projectTags.map((tag) => (
            <Badge key={tag} variant="outline">
              #{tag}
            </Badge>
          ))}
        </Group>
        {o.canManage && (
          <Group>
            <Button component={Link} to={`/opportunities/${o.id}/manage`} variant="light">
              {t('opportunities.manage.open')}
            </Button>
          </Group>
        )}
      </Stack>

      <section aria-labelledby="opportunity-about">
        <Title order={2} id="opportunity-about" mb="xs">
          {t('opportunities.about')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }}>{o.description || t('opportunities.noDescription')}</Text>
        <List mt="sm" spacing={4}>
          <List.Item>
            {t('opportunities.centerLabel')}:{' '}
            <Anchor component={Link} to={`/centers/${o.center.id}`}>
              {o.center.name}
            </Anchor>
          </List.Item>
          {o.partnerOrganization && (
            <List.Item>
              {t('opportunities.partner')}: {o.partnerOrganization.name}
            </List.Item>
          )}
          {(o.municipality || o.address) && (
            <List.Item>
              {t('opportunities.place')}:{' '}
              {[o.municipality ? localName(o.municipality, lng) : null, o.address].filter(Boolean).join(', ')}
            </List.Item>
          )}
          {o.minAge !== null && <List.Item>{t('opportunities.minAge', { age: o.minAge })}</List.Item>}
          {o.requiredSkills.length > 0 && (
            <List.Item>
              {t('opportunities.skills')}: {o.requiredSkills.join(', ')}
            </List.Item>
          )}
          {o.contact && (
            <List.Item>
              {t('opportunities.contact')}: {o.contact}
            </List.Item>
          )}
        </List>
      </section>

      <section aria-labelledby="opportunity-shifts">
        <Title order={2} id="opportunity-shifts" mb="xs">
          {t('opportunities.shifts.title')}
        </Title>
        {o.shifts.length === 0 ? (
          <Text>{t('opportunities.shifts.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('opportunities.shifts.when')}</Table.Th>
                  <Table.Th scope="col">{t('opportunities.shifts.places')}</Table.Th>
                  <Table.Th scope="col">{t('opportunities.shifts.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.shifts.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      {timeRange(s, lng)}
                      {s.status === 'cancelled' && (
                        <Badge ml="xs" color="red">
                          {t('opportunities.shifts.cancelled')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {s.freePlaces > 0
                        ? t('opportunities.freeOf', { count: s.freePlaces, capacity: s.capacity })
                        : t('opportunities.full')}
                      {s.roles.length > 0 && (
                        <Text size="sm">
                          {s.roles
                            .map(
                              (r) =>
                                `${r.name}: ${t('opportunities.freePlaces', { count: Math.max(r.capacity - r.taken, 0) })}`,
                            )
                            .join('; ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <ShiftSignupSlot opportunity={o} shift={s} />
                        <Anchor href={fileUrl('shiftIcs', { id: s.id })} download>
                          {t('opportunities.shifts.ics')}
                        </Anchor>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
