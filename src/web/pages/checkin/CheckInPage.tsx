import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { useCheckIn } from '../../api/checkin-queries';
import { useMe } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { loginPathFor } from '../../components/RequireUser';
import { usePageTitle } from '../../components/usePageTitle';
import { CheckInOutcome } from './CheckInResult';
import { ManualCheckIn } from './ManualCheckIn';
import { Scanner } from './Scanner';
import './checkin.css';

/**
 * /check-in: with `?t=` (the URL in the shift's QR code) checks in or out at once; without it, a camera
 * scanner and a form for the short code. Signed-out visitors sign in and come back to the same address.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const title = t('checkin.page.title');
  usePageTitle(title);
  const me = useMe();
  const { pathname, search } = useLocation();
  const [params, setParams] = useSearchParams();
  const token = params.get('t');
  if (me.isPending) return <LoadingBlock />;
  if (me.isError) return <ErrorAlert error={me.error} title={t('errors.loadFailed')} />;
  if (!me.data) return <Navigate to={loginPathFor(`${pathname}${search}`)} replace />;
  return (
    <Stack gap="lg" data-testid="checkin-page">
      <Title order={1}>{title}</Title>
      {token ? (
        <TokenCheckIn key={token} token={token} />
      ) : (
        <>
          <Text>{t('checkin.page.lead')}</Text>
          <Scanner onToken={(found) => setParams({ t: found }, { replace: true })} />
          <ManualCheckIn />
        </>
      )}
    </Stack>
  );
}

function TokenCheckIn({ token }: { token: string }) {
  const { t } = useTranslation();
  const checkIn = useCheckIn();
  const sent = useRef(false);
  const { mutate } = checkIn;
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate({ token });
  }, [mutate, token]);
  return (
    <Stack gap="md">
      {checkIn.isPending && <LoadingBlock />}
      <CheckInOutcome
        result={checkIn.data}
        error={checkIn.error}
        pending={checkIn.isPending}
        onCheckOut={() => checkIn.mutate({ token, action: 'out' })}
      />
      <Button component={Link} to="/check-in" variant="default" style={{ alignSelf: 'flex-start' }}>
        {t('checkin.page.again')}
      </Button>
    </Stack>
  );
}
