import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, isApiError, type ResponseOf } from '../../api/client';
import { queryKeys, setSignedOut } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';

type Session = ResponseOf<'mySessions'>['items'][number];

const byRecency = (a: Session, b: Session): number =>
  Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt);

/** The user's sessions with «end» per session and «log out everywhere». */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({
    queryKey: queryKeys.sessions,
    queryFn: ({ signal }) => api('mySessions', { signal }),
  });

  const signOutHere = () => {
    void navigate('/login');
    setSignedOut(queryClient);
  };

  const end = useMutation({
    mutationFn: (session: Session) => api('endSession', { params: { id: session.id } }),
    onSuccess: (_, session) => {
      if (session.current) signOutHere();
      else void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
  });
  const endAll = useMutation({ mutationFn: () => api('endAllSessions'), onSuccess: signOutHere });

  // The session expired meanwhile: re-check who we are (the page then sends the user to log in).
  const expired = [sessions.error, end.error, endAll.error].some((error) => isApiError(error, 401));
  useEffect(() => {
    if (expired) void queryClient.invalidateQueries({ queryKey: queryKeys.me });
  }, [expired, queryClient]);

  const lng = i18n.language;
  const items = [...(sessions.data?.items ?? [])].sort(byRecency);

  return (
    <section aria-labelledby="sessions-title">
      <Title order={2} id="sessions-title" mb="xs">
        {t('account.sessionsTitle')}
      </Title>
      <Text mb="md">{t('account.sessionsLead')}</Text>
      {sessions.isPending && <LoadingBlock />}
      <ErrorAlert error={sessions.error ?? end.error ?? endAll.error} />
      {sessions.isSuccess && (
        <div className="table-scroll">
          <Table data-testid="sessions-table" striped withTableBorder verticalSpacing="sm">
            <Table.Caption>{t('account.sessionsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('account.sessionCreated')}</Table.Th>
                <Table.Th scope="col">{t('account.sessionLastSeen')}</Table.Th>
                <Table.Th scope="col">{t('account.sessionUserAgent')}</Table.Th>
                <Table.Th scope="col">{t('account.sessionIp')}</Table.Th>
                <Table.Th scope="col">{t('account.sessionActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((session) => {
                const created = formatDateTime(session.createdAt, lng);
                return (
                  <Table.Tr key={session.id} data-current={session.current || undefined}>
                    <Table.Th scope="row" fw={400}>
                      <Group gap="xs">
                        {created}
                        {session.current && (
                          <Badge color="blue" variant="light" data-testid="this-device">
                            {t('account.thisDevice')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Th>
                    <Table.Td>{formatDateTime(session.lastSeenAt, lng)}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>
                      {session.userAgent ?? t('common.notSpecified')}
                    </Table.Td>
                    <Table.Td>{session.ip ?? t('common.notSpecified')}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        aria-label={t('account.endSessionLabel', { date: created })}
                        loading={end.isPending && end.variables?.id === session.id}
                        onClick={() => end.mutate(session)}
                      >
                        {t('account.endSession')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Button
        mt="md"
        color="red.9"
        data-testid="end-all-sessions"
        loading={endAll.isPending}
        onClick={() => endAll.mutate()}
      >
        {t('account.endAll')}
      </Button>
    </section>
  );
}
