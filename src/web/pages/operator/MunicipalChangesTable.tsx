import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MunicipalChange } from '../../api/operator-queries';
import { formatDate, formatDateTime, localName } from '../../components/format';

/** Recorded changes, newest first: day, kind, who ended → who took over, basis and comment. */
export function MunicipalChangesTable({ items }: { items: MunicipalChange[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const sorted = [...items].sort(
    (a, b) => b.effectiveOn.localeCompare(a.effectiveOn) || b.recordedAt.localeCompare(a.recordedAt),
  );
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby="municipal-changes-caption" tabIndex={0}>
      <Table data-testid="municipal-changes-table" striped withTableBorder verticalSpacing="sm">
        <Table.Caption id="municipal-changes-caption">{t('operator.changes.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('operator.changes.colDate')}</Table.Th>
            <Table.Th scope="col">{t('operator.changes.colKind')}</Table.Th>
            <Table.Th scope="col">{t('operator.changes.colPredecessors')}</Table.Th>
            <Table.Th scope="col">{t('operator.changes.colSuccessor')}</Table.Th>
            <Table.Th scope="col">{t('operator.changes.colBasis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={400} className="nowrap">
                {formatDate(c.effectiveOn, lng)}
              </Table.Th>
              <Table.Td>{t(`operator.changes.kinds.${c.kind}`)}</Table.Td>
              <Table.Td>{c.predecessors.map((m) => localName(m, lng)).join('; ')}</Table.Td>
              <Table.Td>
                {c.successor ? localName(c.successor, lng) : t('operator.changes.noSuccessor')}
              </Table.Td>
              <Table.Td>
                {c.legalBasis ?? t('common.notSpecified')}
                {c.comment && (
                  <Text size="sm" c="dimmed">
                    {c.comment}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t('operator.changes.recordedAt', { when: formatDateTime(c.recordedAt, lng) })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
