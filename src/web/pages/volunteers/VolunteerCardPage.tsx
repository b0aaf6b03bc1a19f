import { Anchor, Badge, Group, Image, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fileUrl, isApiError } from '../../api/client';
import type { User } from '../../api/queries';
import { useMunicipalityOptions, useVocabulary } from '../../api/volunteers-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localName } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import {
  type CenterSquad,
  useSquadsOfCenters,
  useVolunteerCard,
  type VolunteerCard,
} from './coordinatorQueries';

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /volunteers/:userId — a volunteer's card for coordinators and the operator: what the API shows them
 * (the whole profile for the volunteer's own centres, the fields the volunteer chose for other centres;
 * never the birth date or home point). Every view is audited by the server.
 */
export function VolunteerCardPage() {
  const { t } = useTranslation();
  const title = t('volunteers.card.title');
  usePageTitle(title);
  const { userId = '' } = useParams();
  return (
    <RequireUser title={title}>
      {(user) =>
        UUID_RE.test(userId) ? (
          <CardLoader userId={userId} user={user} title={title} />
        ) : (
          <NotAvailable title={title} />
        )
      }
    </RequireUser>
  );
}

function NotAvailable({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{title}</Title>
      <Text role="status">{t('volunteers.card.notAvailable')}</Text>
    </Stack>
  );
}

function CardLoader({ userId, user, title }: { userId: string; user: User; title: string }) {
  const { t } = useTranslation();
  const card = useVolunteerCard(userId);
  if (card.isPending) return <LoadingBlock />;
  if (card.isError) {
    // 404: no such volunteer, or one the viewer may not see (the server does not tell which).
    if (isApiError(card.error, 404) || isApiError(card.error, 403)) return <NotAvailable title={title} />;
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <ErrorAlert error={card.error} title={t('volunteers.card.cannotLoad')} />
      </Stack>
    );
  }
  return <Card profile={card.data.profile} user={user} />;
}

/** The photo address, if the contract carries one (`photoUrl`, or `hasPhoto` with the photo endpoint). */
function photoOf(p: VolunteerCard): string | null {
  const extra = p as VolunteerCard & { photoUrl?: string | null; hasPhoto?: boolean };
  if (extra.photoUrl) return extra.photoUrl;
  return extra.hasPhoto ? fileUrl('volunteerPhoto', { userId: p.userId }) : null;
}

function languageName(code: string, lng: string) {
  try {
    return new Intl.DisplayNames([lng], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function Card({ profile: p, user }: { profile: VolunteerCard; user: User }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const vocabulary = useVocabulary();
  const municipalities = useMunicipalityOptions();
  const name = p.fullName ?? t('volunteers.card.nameHidden');
  usePageTitle(p.fullName ?? t('volunteers.card.title'));
  const other = p.access === 'other_center';
  // A null field: hidden by the volunteer (other centres) or simply not filled in (own centre).
  const absent = other ? t('volunteers.card.hidden') : t('volunteers.card.notGiven');
  const show = (value: ReactNode | null | undefined, empty = false) =>
    value === null || value === undefined ? (
      <Text c="dimmed" fs="italic" component="span">
        {absent}
      </Text>
    ) : empty ? (
      <Text c="dimmed" component="span">
        {t('volunteers.card.notGiven')}
      </Text>
    ) : (
      value
    );
  const vocab = (list: { code: string; nameRu: string; nameEn: string }[] | undefined, code: string) => {
    const item = list?.find((i) => i.code === code);
    return item ? localName(item, lng) : code;
  };
  const municipality = municipalities.data?.items.find((m) => m.id === p.municipalityId);
  const photo = photoOf(p);
  const byDay = new Map<number, string[]>();
  for (const s of p.availability ?? []) byDay.set(s.day, [...(byDay.get(s.day) ?? []), `${s.from}–${s.to}`]);

  const rows: [string, ReactNode][] = [
    [t('volunteers.fields.age_group'), show(p.ageGroup && t(`volunteers.ageGroups.${p.ageGroup}`))],
    [t('volunteers.fields.profession'), show(p.profession)],
    [
      t('volunteers.fields.skills'),
      show(
        p.skills &&
          [...p.skills.map((c) => vocab(vocabulary.data?.skills, c)), ...(p.skillTags ?? [])].join(', '),
        p.skills !== null && p.skills.length + (p.skillTags?.length ?? 0) === 0,
      ),
    ],
    [
      t('volunteers.fields.languages'),
      show(p.languages?.map((l) => languageName(l, lng)).join(', '), p.languages?.length === 0),
    ],
    [
      t('volunteers.fields.municipality'),
      show(
        p.municipalityId === null
          ? null
          : municipality
            ? localName(municipality, lng)
            : t('volunteers.card.unknownMunicipality'),
      ),
    ],
    [
      t('volunteers.fields.availability'),
      show(
        p.availability && (
          <List size="sm" listStyleType="none">
            {[...byDay.entries()]
              .sort(([a], [b]) => a - b)
              .map(([day, ranges]) => (
                <List.Item key={day}>
                  {t(`volunteers.daysLong.${day as Weekday}`)}: {ranges.sort().join(', ')}
                </List.Item>
              ))}
          </List>
        ),
        p.availability?.length === 0,
      ),
    ],
    [
      t('volunteers.fields.interests'),
      show(
        p.interests?.map((c) => vocab(vocabulary.data?.interests, c)).join(', '),
        p.interests?.length === 0,
      ),
    ],
    [
      t('volunteers.fields.about'),
      show(p.about && <Text style={{ whiteSpace: 'pre-line' }}>{p.about}</Text>),
    ],
  ];

  return (
    <Stack gap="md" maw={860} data-testid="volunteer-card">
      <Group gap="md" align="center">
        {photo && (
          <Image
            src={photo}
            alt={t('volunteers.card.photoAlt', { name })}
            w={96}
            h={96}
            radius="sm"
            fit="cover"
          />
        )}
        <Stack gap={4}>
          <Title order={1}>{name}</Title>
          <Group gap="xs">
            <Badge variant="light" color={other ? 'gray' : 'blue'}>
              {t(`volunteers.card.access.${p.access}`)}
            </Badge>
            {p.isMinor && <Badge color="orange">{t('volunteers.card.minor')}</Badge>}
          </Group>
        </Stack>
      </Group>
      <Text size="sm">
        {other ? t('volunteers.card.otherCenterNote') : t('volunteers.card.ownCenterNote')}
      </Text>
      <Table withTableBorder variant="vertical" layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={220}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <VolunteerSquads userId={p.userId} user={user} />
    </Stack>
  );
}

/** The volunteer's squads at the centres the viewer coordinates (the squad lists carry members there). */
function VolunteerSquads({ userId, user }: { userId: string; user: User }) {
  const { t } = useTranslation();
  const centerIds = user.roles
    .filter((r) => r.role === 'center_coordinator' && r.scopeId)
    .map((r) => r.scopeId as string);
  const results = useSquadsOfCenters(centerIds);
  if (centerIds.length === 0) return null;
  const squads: { squad: CenterSquad; status: string; isLeader: boolean }[] = [];
  for (const r of results)
    for (const squad of r.data?.items ?? []) {
      const member = squad.members?.find((m) => m.userId === userId && m.status !== 'removed');
      if (member) squads.push({ squad, status: member.status, isLeader: member.isLeader });
    }
  return (
    <section aria-labelledby="card-squads">
      <Title order={2} id="card-squads" mb="xs">
        {t('volunteers.card.squads')}
      </Title>
      {results.some((r) => r.isPending) ? (
        <LoadingBlock />
      ) : squads.length === 0 ? (
        <Text>{t('volunteers.card.noSquads')}</Text>
      ) : (
        <List spacing={4}>
          {squads.map(({ squad, status, isLeader }) => (
            <List.Item key={squad.id}>
              <Anchor component={Link} to={`/squads/${squad.id}`}>
                {squad.name}
              </Anchor>{' '}
              ({squad.centerName}
              {status === 'requested' ? `, ${t('volunteers.squad.memberStatus.requested')}` : ''}
              {isLeader ? `, ${t('volunteers.squad.leader')}` : ''})
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
