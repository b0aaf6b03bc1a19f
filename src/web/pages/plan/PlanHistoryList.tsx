import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanRevision } from '../../api/plan-queries';
import { formatDateTime, formatNumber } from '../../components/format';
import { formatDay } from './format';

/** The plan's revisions, newest first: what changed (before → after), who, when and why. */
export function PlanHistoryList({ items }: { items: PlanRevision[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (items.length === 0) return <Text>{t('plan.history.empty')}</Text>;
  const values = (v: PlanRevision['before']) =>
    v
      ? t('plan.history.values', { target: formatNumber(v.target, lng), date: formatDay(v.dueDate, lng) })
      : '';
  return (
    <ol className="plain-list" data-testid="plan-history">
      {items.map((r) => (
        <li key={r.id}>
          <Paper withBorder p="sm" mb="xs">
            <Stack gap={2}>
              <Text fw={700}>
                {t(`plan.history.${r.action}`)}: {t(`plan.kind.${r.kind}`)}
              </Text>
              <Text size="sm">
                {r.before && r.after
                  ? `${values(r.before)} → ${values(r.after)}`
                  : values(r.after ?? r.before)}
                {r.after?.note && r.after.note !== r.before?.note ? ` · ${r.after.note}` : ''}
              </Text>
              {r.comment && (
                <Text size="sm">
                  {t(r.action === 'created' ? 'plan.history.note' : 'plan.history.comment', {
                    comment: r.comment,
                  })}
                </Text>
              )}
              <Text size="sm">
                <time dateTime={r.at}>{formatDateTime(r.at, lng)}</time> ·{' '}
                {t('plan.history.by', { name: r.actor?.displayName ?? t('plan.history.system') })}
              </Text>
            </Stack>
          </Paper>
        </li>
      ))}
    </ol>
  );
}
