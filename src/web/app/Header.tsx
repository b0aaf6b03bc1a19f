import { Button, Container, Group, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useLogout, useMe } from '../api/queries';
import { NotificationsNavItem, useApplicationsNav } from '../components/NotificationsNavItem';
import { currentLocale, setLocale } from '../i18n';
import { readLowVision, setLowVision } from './lowVision';

function NavItem({ to, label, end }: { to: string; label: string; end?: boolean }) {
  return (
    <li>
      <NavLink to={to} end={end} className="nav-link">
        {label}
      </NavLink>
    </li>
  );
}

export function Header() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const [lowVision, setLowVisionState] = useState(readLowVision);
  const user = me.data;
  const nav = useApplicationsNav(user);
  // On a phone the header's buttons are compact (30 px high), so the settings share one line and «Выйти»
  // fits beside the name: the page itself starts within the first screen. Read at once, no re-layout.
  const phone = useMediaQuery('(max-width: 30em)', false, { getInitialValueInEffect: false });
  const buttonSize = phone ? 'xs' : 'sm';

  const toggleLowVision = () => {
    setLowVision(!lowVision);
    setLowVisionState(!lowVision);
  };

  return (
    <header className="site-header">
      <Container size="lg" py="sm">
        <Group justify="space-between" align="center" gap="sm">
          <Link to="/" className="brand">
            {t('app.name')}
            <Text component="span" display="block" size="sm" fw={400} c="dimmed">
              {t('app.tagline')}
            </Text>
          </Link>
          <Group gap="xs" role="group" aria-label={t('header.settings')}>
            <Button
              variant="default"
              size={buttonSize}
              data-testid="lang-switch"
              lang={t('header.langSwitchLang')}
              onClick={() => void setLocale(currentLocale() === 'ru' ? 'en' : 'ru')}
            >
              {t('header.langSwitch')}
            </Button>
            <Button
              variant={lowVision ? 'filled' : 'default'}
              size={buttonSize}
              data-testid="low-vision-toggle"
              aria-pressed={lowVision}
              onClick={toggleLowVision}
            >
              {t('header.lowVision')}
            </Button>
          </Group>
        </Group>
        <Group justify="space-between" align="center" mt="sm" gap="xs">
          <nav aria-label={t('nav.label')}>
            <ul className="nav-list">
              <NavItem to="/" end label={t('nav.home')} />
              <NavItem to="/centers" label={t('nav.centers')} />
              <NavItem to="/opportunities" label={t('nav.opportunities')} />
              {user && <NavItem to="/my/shifts" label={t('nav.myShifts')} />}
              {user && <NavItem to="/my/squads" label={t('nav.mySquads')} />}
              {user && <NavItem to="/account" label={t('nav.account')} />}
              {user && <NavItem to="/organizations" label={t('nav.organizations')} />}
              {nav.applications && <NavItem to="/applications" label={t('applications.nav')} />}
              {nav.operator && <NavItem to="/operator" label={t('operator.nav')} />}
              {user && <NotificationsNavItem />}
              {!me.isPending && !user && <NavItem to="/login" label={t('nav.login')} />}
              {!me.isPending && !user && <NavItem to="/register" label={t('nav.register')} />}
            </ul>
          </nav>
          {/* «Выйти» next to whose session it ends: on a phone it shares that line instead of taking one */}
          {user && (
            <Group gap="xs" wrap="wrap">
              <Text size="sm" c="dimmed">
                {t('header.signedInAs', { name: user.displayName })}
              </Text>
              <Button
                variant="outline"
                size={buttonSize}
                data-testid="logout-button"
                loading={logout.isPending}
                onClick={() => logout.mutate()}
              >
                {t('header.logout')}
              </Button>
            </Group>
          )}
        </Group>
      </Container>
    </header>
  );
}
