import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMe } from '../../api/queries';
import { routerState } from '../../app/routerState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { usePageTitle } from '../../components/usePageTitle';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileSection } from './ProfileSection';
import { RolesSection } from './RolesSection';
import { SessionsSection } from './SessionsSection';

export const LOGIN_FOR_ACCOUNT = '/login?next=/account';

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const me = useMe();

  if (me.isPending) return <LoadingBlock />;
  if (me.isError) {
    return (
      <Stack>
        <Title order={1}>{t('account.title')}</Title>
        <ErrorAlert error={me.error} title={t('errors.loadFailed')} />
      </Stack>
    );
  }
  const user = me.data;
  if (!user) {
    // Logged out: go to the login page, unless a navigation is already under way (e.g. «log out everywhere»
    // is taking the user to /login). The router object is read directly because React sees its state only
    // after a transition, later than the query cache says the user is gone.
    const { location, navigation } = routerState();
    const leaving = navigation.state !== 'idle' || location.pathname !== '/account';
    return leaving ? null : <Navigate to={LOGIN_FOR_ACCOUNT} replace />;
  }

  return (
    <Stack gap="xl" data-testid="account-page">
      <div>
        <Title order={1}>{t('account.title')}</Title>
        <Text size="lg" mt="xs">
          {t('account.greeting', { name: user.displayName })}
        </Text>
      </div>
      {user.mustChangePassword ? (
        <>
          <Alert key="must-change" color="warn" title={t('account.mustChangeTitle')}>
            {t('account.mustChangeText')}
          </Alert>
          <ChangePasswordForm key="password" />
        </>
      ) : (
        <>
          <ProfileSection key="profile" user={user} />
          <nav key="volunteer" aria-label={t('account.volunteerLinks')}>
            <Group gap="lg">
              <Anchor component={Link} to="/volunteer/profile">
                {t('volunteers.profile.title')}
              </Anchor>
              <Anchor component={Link} to="/volunteer/consents">
                {t('volunteers.consents.title')}
              </Anchor>
              <Anchor component={Link} to="/my/shifts">
                {t('nav.myShifts')}
              </Anchor>
            </Group>
          </nav>
          <RolesSection key="roles" roles={user.roles} />
          <ChangePasswordForm key="password" />
          <SessionsSection key="sessions" />
        </>
      )}
    </Stack>
  );
}
