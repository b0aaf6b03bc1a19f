import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationEvent } from '../../api/applications-queries';
import { formatDateTime } from '../../components/format';
import { useStageName } from './stages';

/** Every transition, oldest first: from → to, who, when and the comment. */
export function StageTimeline({ events }: { events: ApplicationEvent[] }) {
  const { t, i18n } = useTranslation();
  const stageName = useStageName();
  if (events.length === 0) return <Text>{t('applications.timeline.empty')}</Text>;
  return (
    <Stack component="ol" gap="xs" className="plain-list" data-testid="stage-timeline">
      {events.map((e) => (
        <Paper
          component="li"
          key={e.id}
          withBorder
          p="sm"
          style={{ borderInlineStart: '4px solid var(--mantine-color-blue-8)' }}
        >
          <Text fw={700}>
            {e.from
              ? t('applications.timeline.fromTo', { from: stageName(e.from), to: stageName(e.to) })
              : stageName(e.to)}
          </Text>
          <Text size="sm">
            {t('applications.timeline.byAt', {
              who: e.actor?.displayName ?? t('applications.timeline.system'),
              when: formatDateTime(e.at, i18n.language),
            })}
          </Text>
          {e.comment && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {t('applications.timeline.comment', { comment: e.comment })}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
