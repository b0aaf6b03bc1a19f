import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MyInvitation, useAcceptInvitation, useDeclineInvitation } from '../../api/signups-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';

/** Invitations to shifts sent to my address: accept (every signup check runs) or decline. */
export function MyInvitations({ items }: { items: MyInvitation[] }) {
  const { t, i18n } = useTranslation();
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  if (items.length === 0) return null;
  return (
    <Stack component="section" gap="sm" aria-labelledby="invitations-heading" data-testid="my-invitations">
      <Title order={2} id="invitations-heading">
        {t('signups.invitations.title')}
      </Title>
      <Text size="sm">{t('signups.invitations.lead')}</Text>
      <ErrorAlert error={accept.error ?? decline.error} />
      {accept.isSuccess && <Text role="status">{t('signups.invitations.accepted')}</Text>}
      {decline.isSuccess && <Text role="status">{t('signups.invitations.declined')}</Text>}
      {items.map((i) => (
        <Paper key={i.id} withBorder p="md" data-testid="invitation-card">
          <Stack gap={4}>
            <Anchor component={Link} to={`/opportunities/${i.shift.opportunity.id}`} fw={700}>
              {i.shift.opportunity.title}
            </Anchor>
            <Text size="sm">
              {i.shift.center.name} · {formatDateTime(i.shift.startsAt, i18n.language)}
              {i.role ? ` · ${i.role.name}` : ''}
            </Text>
            <Text size="sm">{t(`signups.invitations.from.${i.source}`)}</Text>
            <Text size="sm">
              {t('signups.invitations.until', { when: formatDateTime(i.expiresAt, i18n.language) })}
            </Text>
            <Group gap="sm" mt={4}>
              <Button loading={accept.isPending} onClick={() => accept.mutate(i.id)}>
                {t('signups.invitations.accept')}
              </Button>
              <Button variant="default" loading={decline.isPending} onClick={() => decline.mutate(i.id)}>
                {t('signups.invitations.decline')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
