import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PlanTarget, usePlanHistory, usePlanTargets } from '../../api/plan-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDay } from './format';
import { OperatorOnly } from './OperatorOnly';
import { PlanHistoryList } from './PlanHistoryList';
import { RemoveTargetModal } from './RemoveTargetModal';
import { TargetFormModal } from './TargetFormModal';

/** /operator/plan: the targets (add, change, remove — each with a reason) and the plan's history. */
export function PlanPage() {
  const { t } = useTranslation();
  const title = t('plan.page.title');
  usePageTitle(title);
  return <OperatorOnly title={title}>{() => <Plan title={title} />}</OperatorOnly>;
}

function Plan({ title }: { title: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const targets = usePlanTargets();
  const [historyOf, setHistoryOf] = useState('');
  const history = usePlanHistory(historyOf || undefined);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<PlanTarget | null>(null);
  const [removing, setRemoving] = useState<PlanTarget | null>(null);
  const label = (key: 'plan.page.editLabel' | 'plan.page.removeLabel', target: PlanTarget) =>
    t(key, { kind: t(`plan.kind.${target.kind}`), date: formatDay(target.dueDate, lng) });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{title}</Title>
        <Anchor component={Link} to="/operator/dashboard">
          {t('plan.nav.dashboard')}
        </Anchor>
      </Group>
      <Text maw={880}>{t('plan.page.intro')}</Text>
      <section aria-labelledby="plan-targets-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} id="plan-targets-heading">
            {t('plan.page.targetsTitle')}
          </Title>
          <Button
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t('plan.page.add')}
          </Button>
        </Group>
        {targets.isPending && <LoadingBlock />}
        {targets.isError && <ErrorAlert error={targets.error} title={t('errors.loadFailed')} />}
        {targets.data && (
          <>
            {targets.data.programStart && (
              <Text mb="sm">
                {t('plan.page.programStart', { date: formatDay(targets.data.programStart, lng) })}
              </Text>
            )}
            {targets.data.items.length === 0 ? (
              <Text>{t('plan.page.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped data-testid="plan-targets">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('plan.page.kind')}</Table.Th>
                      <Table.Th scope="col">{t('plan.page.dueDate')}</Table.Th>
                      <Table.Th scope="col">{t('plan.page.target')}</Table.Th>
                      <Table.Th scope="col">{t('plan.page.note')}</Table.Th>
                      <Table.Th scope="col">{t('plan.page.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {targets.data.items.map((target) => (
                      <Table.Tr key={target.id}>
                        <Table.Td>{t(`plan.kind.${target.kind}`)}</Table.Td>
                        <Table.Td>{formatDay(target.dueDate, lng)}</Table.Td>
                        <Table.Td>{formatNumber(target.target, lng)}</Table.Td>
                        <Table.Td>{target.note ?? '—'}</Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="outline"
                              aria-label={label('plan.page.editLabel', target)}
                              onClick={() => {
                                setEditing(target);
                                setFormOpen(true);
                              }}
                            >
                              {t('plan.page.edit')}
                            </Button>
                            <Button
                              size="xs"
                              variant="outline"
                              color="red.9"
                              aria-label={label('plan.page.removeLabel', target)}
                              onClick={() => setRemoving(target)}
                            >
                              {t('plan.page.remove')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="plan-history-heading">
        <Title order={2} id="plan-history-heading" mb="sm">
          {t('plan.history.title')}
        </Title>
        {targets.data && targets.data.items.length > 0 && (
          <NativeSelect
            label={t('plan.history.filter')}
            value={historyOf}
            onChange={(e) => setHistoryOf(e.currentTarget.value)}
            data={[
              { value: '', label: t('plan.history.all') },
              ...targets.data.items.map((target) => ({
                value: target.id,
                label: `${t(`plan.kind.${target.kind}`)}: ${formatNumber(target.target, lng)} — ${formatDay(target.dueDate, lng)}`,
              })),
            ]}
            maw={520}
            mb="sm"
            data-testid="history-filter"
          />
        )}
        {history.isPending && <LoadingBlock />}
        {history.isError && <ErrorAlert error={history.error} title={t('errors.loadFailed')} />}
        {history.data && <PlanHistoryList items={history.data.items} />}
      </section>
      <TargetFormModal
        key={editing?.id ?? 'new'}
        target={editing}
        opened={formOpen}
        onClose={() => setFormOpen(false)}
      />
      <RemoveTargetModal target={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
