import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { queryKeys, sessionHint, useMe } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { usePageTitle } from '../../components/usePageTitle';
import { EmailRequestForm } from './EmailRequestForm';

/**
 * Token check. Run through the query cache (not a mutation) so that the single-use token is sent once,
 * even when React mounts the page twice in development.
 */
function useVerification(token: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.verifyEmail(token),
    queryFn: async () => {
      const result = await api('verifyEmail', { body: { token } });
      // The server may or may not sign the user in here: let the next GET /api/me find out.
      sessionHint.set(true);
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      return result;
    },
    enabled: token.length > 0,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t('verify.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verification = useVerification(token);
  const me = useMe();

  return (
    <Stack maw={640}>
      <Title order={1}>{t('verify.title')}</Title>
      {!token && <Text>{t('verify.noToken')}</Text>}
      {token && verification.isPending && <LoadingBlock label={t('verify.checking')} />}
      {verification.isSuccess && (
        <Alert color="ok" title={t('verify.successTitle')} role="status">
          <Text size="sm">{t('verify.successText')}</Text>
        </Alert>
      )}
      {verification.isSuccess &&
        (me.data ? (
          <Anchor component={Link} to="/account">
            {t('verify.accountLink')}
          </Anchor>
        ) : (
          <Anchor component={Link} to="/login">
            {t('verify.loginLink')}
          </Anchor>
        ))}
      <ErrorAlert error={verification.error} title={t('verify.failedTitle')} />

      {!verification.isSuccess && (
        <section aria-labelledby="resend-title">
          <Title order={2} size="h3" id="resend-title" mb="sm">
            {t('verify.resendTitle')}
          </Title>
          <EmailRequestForm
            endpoint="resendVerification"
            id="resend-verification"
            submitLabel={t('verify.resendSubmit')}
            doneText={t('verify.resendDone')}
          />
        </section>
      )}
    </Stack>
  );
}
