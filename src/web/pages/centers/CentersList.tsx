import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localName } from '../../components/format';
import { type Center, type ServiceKind, STATUS_BADGE } from './coverage';

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

/** Service names in the interface language (the code itself when the vocabulary does not know it). */
export function serviceNames(codes: string[], kinds: ServiceKind[], lng: string): string[] {
  const byCode = new Map(kinds.map((k) => [k.code, k]));
  return codes.map((code) => {
    const kind = byCode.get(code);
    return kind ? localName(kind, lng) : code;
  });
}

/** Phone, email and website as links (only those given). */
export function Contacts({ center }: { center: Center }) {
  const parts: ReactNode[] = [];
  if (center.phone) {
    parts.push(
      <Anchor key="phone" href={`tel:${center.phone.replace(/[^\d+]/g, '')}`}>
        {center.phone}
      </Anchor>,
    );
  }
  if (center.email) {
    parts.push(
      <Anchor key="email" href={`mailto:${center.email}`}>
        {center.email}
      </Anchor>,
    );
  }
  if (center.website) {
    parts.push(
      <Anchor key="web" href={center.website} target="_blank" rel="noopener noreferrer">
        {center.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
      </Anchor>,
    );
  }
  if (parts.length === 0) return null;
  return parts.map((p, i) => (
    <span key={(p as { key: string }).key}>
      {i > 0 && ' · '}
      {p}
    </span>
  ));
}

/** The facts every centre shows: organization, municipality, address, services, hours, contacts. */
export function CenterFacts({ center: c, kinds }: { center: Center; kinds: ServiceKind[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const contacts = <Contacts center={c} />;
  return (
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
      <CenterFact label={t('map.services')}>
        {c.services.length ? serviceNames(c.services, kinds, lng).join(', ') : t('common.notSpecified')}
      </CenterFact>
      <CenterFact label={t('map.openingHours')}>{c.openingHours ?? t('common.notSpecified')}</CenterFact>
      <CenterFact label={t('map.contacts')}>
        {c.phone || c.email || c.website ? contacts : t('common.notSpecified')}
      </CenterFact>
    </Stack>
  );
}

export function CentersList({ items, kinds }: { items: Center[]; kinds: ServiceKind[] }) {
  const { t } = useTranslation();
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
              <CenterFacts center={c} kinds={kinds} />
            </Card>
          </li>
        ))}
      </ul>
      {items.length === 0 && <Text>{t('map.emptyFiltered')}</Text>}
    </Stack>
  );
}
