import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PipelineItem } from '../../api/plan-queries';
import { localName } from '../../components/format';
import { formatDay } from './format';

/** Applications in progress with stage, days at stage and the expected opening date (and where it comes from). */
export function PipelineTable({ items }: { items: PipelineItem[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (items.length === 0) return <Text>{t('plan.pipeline.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="pipeline-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plan.pipeline.organization')}</Table.Th>
            <Table.Th scope="col">{t('plan.pipeline.municipality')}</Table.Th>
            <Table.Th scope="col">{t('plan.pipeline.stage')}</Table.Th>
            <Table.Th scope="col">{t('plan.pipeline.daysAtStage')}</Table.Th>
            <Table.Th scope="col">{t('plan.pipeline.expected')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.organizationName}</Table.Td>
              <Table.Td>
                {localName(item.municipality, lng)}
                {item.coversNewMunicipality && (
                  <Badge ml="xs" variant="outline" color="teal.9">
                    {t('plan.pipeline.newMunicipality')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{lng === 'en' ? item.stageNameEn : item.stageNameRu}</Table.Td>
              <Table.Td>
                {item.daysAtStage === null ? '—' : t('plan.pipeline.days', { count: item.daysAtStage })}
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <span>{item.expectedOpeningOn ? formatDay(item.expectedOpeningOn, lng) : '—'}</span>
                  {item.overdue && (
                    <Badge color="red.9" variant="filled">
                      {t('plan.pipeline.overdue')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs">{t(`plan.pipeline.source.${item.expectedSource}`)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
