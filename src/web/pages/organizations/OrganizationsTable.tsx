import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localName } from '../../components/format';
import { OrganizationBadges } from './OrganizationBadges';
import type { Organization } from './organizationForm';
import { kindLabel, subkindLabel } from './vocabulary';

interface Props {
  items: Organization[];
  caption: string;
}

/** One row per organization; the name links to its page. */
export function OrganizationsTable({ items, caption }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    // The wrapper scrolls horizontally on narrow screens, so it must be reachable by keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby="organizations-caption" tabIndex={0}>
      <Table data-testid="organizations-table" striped withTableBorder verticalSpacing="sm">
        <Table.Caption id="organizations-caption">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organizations.colName')}</Table.Th>
            <Table.Th scope="col">{t('organizations.colKind')}</Table.Th>
            <Table.Th scope="col">{t('organizations.colInn')}</Table.Th>
            <Table.Th scope="col">{t('organizations.colMunicipality')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('organizations.colRepresentatives')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((org) => (
            <Table.Tr key={org.id} data-placeholder={org.isPlaceholder || undefined}>
              <Table.Th scope="row" fw={400}>
                <Stack gap={4} align="flex-start">
                  <Anchor component={Link} to={`/organizations/${org.id}`} fw={700}>
                    {org.name}
                  </Anchor>
                  <OrganizationBadges organization={org} />
                </Stack>
              </Table.Th>
              <Table.Td>
                {kindLabel(t, org.kind)}
                {org.subkind && (
                  <Text size="sm" c="dimmed">
                    {subkindLabel(t, org.subkind)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="nowrap">{org.inn ?? t('common.notSpecified')}</Table.Td>
              <Table.Td>{localName(org.municipality, lng)}</Table.Td>
              <Table.Td ta="right">{org.representatives.length}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
