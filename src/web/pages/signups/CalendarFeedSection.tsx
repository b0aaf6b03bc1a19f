import { Alert, Button, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { signupKeys } from '../../api/signups-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';

const FEED_KEY = signupKeys.calendarFeed;

/**
 * The volunteer's private calendar feed: confirmed shifts in any calendar app. The address is shown only
 * right after it is made (the server keeps only its hash); making a new one turns the old one off.
 */
export function CalendarFeedSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: FEED_KEY, queryFn: ({ signal }) => api('calendarFeed', { signal }) });
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api('resetCalendarFeed', {}),
    onSuccess: (data) => {
      setUrl(data.url);
      queryClient.setQueryData(FEED_KEY, data);
    },
  });
  const remove = useMutation({
    mutationFn: () => api('deleteCalendarFeed', {}),
    onSuccess: () => {
      setUrl(null);
      return queryClient.invalidateQueries({ queryKey: FEED_KEY });
    },
  });
  const active = feed.data?.active ?? false;
  return (
    <Stack component="section" gap="sm" aria-labelledby="calendar-feed-heading" data-testid="calendar-feed">
      <Title order={2} id="calendar-feed-heading">
        {t('signups.feed.title')}
      </Title>
      <Text>{t('signups.feed.lead')}</Text>
      <ErrorAlert error={feed.error ?? create.error ?? remove.error} />
      <div aria-live="polite">
        {url ? (
          <Alert color="green" variant="light">
            <Stack gap="xs">
              <Text fw={700}>{t('signups.feed.created')}</Text>
              <Code block data-testid="calendar-feed-url">
                {url}
              </Code>
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? t('signups.feed.copied') : t('signups.feed.copy')}
                  </Button>
                )}
              </CopyButton>
              <Text size="sm">{t('signups.feed.onlyNow')}</Text>
            </Stack>
          </Alert>
        ) : (
          active &&
          feed.data?.createdAt && (
            <Text size="sm">
              {t('signups.feed.activeSince', { when: formatDateTime(feed.data.createdAt, i18n.language) })}
            </Text>
          )
        )}
      </div>
      <Group gap="sm">
        <Button
          variant={active ? 'default' : 'filled'}
          loading={create.isPending}
          onClick={() => create.mutate()}
        >
          {active ? t('signups.feed.replace') : t('signups.feed.create')}
        </Button>
        {active && (
          <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('signups.feed.turnOff')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
