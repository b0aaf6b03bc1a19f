import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkRead, useNotifications } from '../../api/applications-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { RequireUser } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { useStageName } from '../applications/stages';
import { notificationText } from './notificationText';

const PAGE = 20;

/** /notifications: my in-app notifications, unread first; mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const title = t('applications.notifications.title');
  usePageTitle(title);
  return <RequireUser title={title}>{() => <Notifications />}</RequireUser>;
}

function Notifications() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [limit, setLimit] = useState(PAGE);
  const list = useNotifications(limit);
  const mark = useMarkRead();
  const stageName = useStageName();
  const data = list.data;

  return (
    <Stack gap="lg" data-testid="notifications-page">
      <Group justify="space-between" align="flex-start">
        <Stack gap="xs">
          <Title order={1}>{t('applications.notifications.title')}</Title>
          {data && (
            <Text role="status" data-testid="notifications-unread">
              {t('applications.notifications.unread', { count: data.unread })}
            </Text>
          )}
        </Stack>
        {data && data.unread > 0 && (
          <Button
            variant="outline"
            loading={mark.isPending && mark.variables === 'all'}
            onClick={() => mark.mutate('all')}
            data-testid="mark-all-read"
          >
            {t('applications.notifications.markAll')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={list.error ?? mark.error} title={t('errors.loadFailed')} />
      {list.isPending && <LoadingBlock />}
      {data && data.items.length === 0 && <Text>{t('applications.notifications.empty')}</Text>}
      {data && data.items.length > 0 && (
        <Stack component="ul" gap="xs" className="plain-list" data-testid="notifications-list">
          {data.items.map((n) => {
            const unread = n.readAt === null;
            const text = notificationText(t, n, stageName, lng);
            return (
              <Paper
                component="li"
                key={n.id}
                withBorder
                p="sm"
                data-unread={unread || undefined}
                style={unread ? { borderInlineStart: '4px solid var(--mantine-color-blue-8)' } : undefined}
              >
                <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                  <Stack gap={4} style={{ flex: '1 1 18rem' }}>
                    <Group gap="xs">
                      {unread && (
                        <Badge color="blue.8" variant="filled" radius="sm" tt="none">
                          {t('applications.notifications.new')}
                        </Badge>
                      )}
                      <Text size="sm" c="dimmed">
                        {formatDateTime(n.createdAt, lng)}
                      </Text>
                    </Group>
                    <Text fw={unread ? 700 : 400}>{text}</Text>
                    {n.params.comment && (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {t('applications.timeline.comment', { comment: n.params.comment })}
                      </Text>
                    )}
                    {n.link?.startsWith('/') && (
                      <Anchor
                        component={Link}
                        to={n.link}
                        size="sm"
                        onClick={() => {
                          if (unread) mark.mutate(n.id);
                        }}
                      >
                        {t('applications.notifications.open')}
                      </Anchor>
                    )}
                  </Stack>
                  {unread && (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => mark.mutate(n.id)}
                      aria-label={t('applications.notifications.markOneLabel', { text })}
                    >
                      {t('applications.notifications.markOne')}
                    </Button>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      {data && data.total > data.items.length && (
        <Button
          variant="default"
          onClick={() => setLimit((n) => Math.min(n + PAGE, 100))}
          disabled={limit >= 100}
        >
          {t('applications.notifications.more')}
        </Button>
      )}
    </Stack>
  );
}
