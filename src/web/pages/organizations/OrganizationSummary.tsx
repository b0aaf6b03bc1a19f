import { Anchor, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localName } from '../../components/format';
import type { Organization } from './organizationForm';
import { kindLabel, subkindLabel } from './vocabulary';

/** The organization's data as a definition list. */
export function OrganizationSummary({ organization: org }: { organization: Organization }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const none = t('common.notSpecified');
  const website = org.website && /^https?:\/\//i.test(org.website) ? org.website : null;
  const websiteCell = website ? (
    <Anchor href={website} target="_blank" rel="noopener noreferrer">
      {website}
    </Anchor>
  ) : (
    (org.website ?? none)
  );
  const rows: [string, ReactNode][] = [
    [t('organizations.fields.kind'), kindLabel(t, org.kind)],
    [t('organizations.fields.subkind'), org.subkind ? subkindLabel(t, org.subkind) : none],
    [t('organizations.fields.inn'), org.inn ?? none],
    [t('organizations.fields.ogrn'), org.ogrn ?? none],
    [t('organizations.fields.municipality'), localName(org.municipality, lng)],
    [t('organizations.fields.address'), org.address ?? none],
    [t('organizations.fields.phone'), org.phone ?? none],
    [t('organizations.fields.email'), org.email ?? none],
    [t('organizations.fields.website'), websiteCell],
    [t('organizations.createdAt'), formatDateTime(org.createdAt, lng)],
    [t('organizations.updatedAt'), formatDateTime(org.updatedAt, lng)],
  ];
  return (
    <section aria-labelledby="organization-summary-title">
      <Title order={2} id="organization-summary-title" mb="md">
        {t('organizations.summaryTitle')}
      </Title>
      <dl className="details-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
