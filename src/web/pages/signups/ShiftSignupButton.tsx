import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/queries';
import { useMySignups, useSignUp } from '../../api/signups-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { loginPathFor } from '../../components/RequireUser';

const ACTIVE = ['applied', 'confirmed', 'waitlisted', 'offered'];

interface Props {
  shiftId: string;
  roleId?: string;
  /** The shift's accessible name, e.g. "Sign up: 1 December, 10:00" when a page lists several shifts. */
  label?: string;
}

/**
 * The signup button for one shift (mounted on the opportunity page). A visitor goes to the login page
 * and back; a volunteer already signed up sees their status and a link to "My shifts".
 */
export function ShiftSignupButton({ shiftId, roleId, label }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const mine = useMySignups(!!me.data);
  const signUp = useSignUp();
  const current = mine.data?.items.find((s) => s.shift.id === shiftId && ACTIVE.includes(s.status));

  if (!me.data) {
    return (
      <Button
        component={Link}
        to={loginPathFor(
          typeof window === 'undefined'
            ? '/'
            : `${window.location.pathname}${window.location.search}${window.location.hash}`,
        )}
        aria-label={label}
      >
        {t('signups.button.signUp')}
      </Button>
    );
  }
  if (current) {
    return (
      <Stack gap={4} data-testid="shift-signup-status">
        <Text role="status">
          {t('signups.button.signedUp', { status: t(`signups.status.${current.status}`) })}
        </Text>
        <Anchor component={Link} to="/my/shifts" size="sm">
          {t('signups.button.mine')}
        </Anchor>
      </Stack>
    );
  }
  const done = signUp.data?.signup.status;
  return (
    <Stack gap={4}>
      <ErrorAlert error={signUp.error} />
      {done === 'confirmed' || done === 'waitlisted' || done === 'applied' ? (
        <Text role="status">{t(`signups.button.done.${done}`)}</Text>
      ) : null}
      <Button
        loading={signUp.isPending}
        onClick={() => signUp.mutate({ shiftId, ...(roleId ? { roleId } : {}) })}
        aria-label={label}
        data-testid="shift-signup-button"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('signups.button.signUp')}
      </Button>
    </Stack>
  );
}
