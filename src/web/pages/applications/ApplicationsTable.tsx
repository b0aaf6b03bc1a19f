import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationSummary } from '../../api/applications-queries';
import { localName } from '../../components/format';
import { StageBadge } from './StageBadge';

interface Props {
  items: ApplicationSummary[];
  caption: string;
  /** The operator's queue shows the stage owner. */
  showOwner?: boolean;
}

/** One row per application: organization (links to the application), municipality, stage, days, owner. */
export function ApplicationsTable({ items, caption, showOwner = false }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby="applications-caption" tabIndex={0}>
      <Table data-testid="applications-table" striped withTableBorder verticalSpacing="sm">
        <Table.Caption id="applications-caption">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('applications.colOrganization')}</Table.Th>
            <Table.Th scope="col">{t('applications.colMunicipality')}</Table.Th>
            <Table.Th scope="col">{t('applications.colStage')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('applications.colDays')}
            </Table.Th>
            <Table.Th scope="col">{t('applications.colDocuments')}</Table.Th>
            {showOwner && <Table.Th scope="col">{t('applications.colOwner')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Th scope="row" fw={400}>
                <Stack gap={2} align="flex-start">
                  <Anchor component={Link} to={`/applications/${a.id}`} fw={700}>
                    {a.organization.name}
                  </Anchor>
                  {a.proposedName && (
                    <Text size="sm" c="dimmed">
                      {a.proposedName}
                    </Text>
                  )}
                </Stack>
              </Table.Th>
              <Table.Td>{localName(a.municipality, lng)}</Table.Td>
              <Table.Td>
                <StageBadge code={a.stage} />
              </Table.Td>
              <Table.Td ta="right" className="nowrap">
                {a.daysAtStage === null ? '—' : t('applications.days', { count: a.daysAtStage })}
              </Table.Td>
              <Table.Td className="nowrap">
                {t('applications.documentsAccepted', {
                  accepted: a.documents.accepted,
                  required: a.documents.required,
                })}
              </Table.Td>
              {showOwner && <Table.Td>{a.stageOwner?.displayName ?? t('applications.noOwner')}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
