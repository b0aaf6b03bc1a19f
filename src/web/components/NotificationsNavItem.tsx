import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadCount } from '../api/applications-queries';
import type { User } from '../api/queries';

/** Which of the applications feature's links the header shows for this user. */
export function useApplicationsNav(user: User | null | undefined) {
  const roles = new Set((user?.roles ?? []).map((r) => r.role));
  return {
    applications: roles.has('org_representative') || roles.has('regional_admin'),
    operator: roles.has('regional_admin'),
  };
}

/** «Notifications» in the main navigation, with the unread count in its accessible name. */
export function NotificationsNavItem() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true).data ?? 0;
  return (
    <li>
      <NavLink
        to="/notifications"
        className="nav-link"
        data-testid="notifications-link"
        aria-label={unread > 0 ? t('applications.navNotificationsCount', { count: unread }) : undefined}
      >
        {t('applications.navNotifications')}
        {unread > 0 && (
          <Badge
            component="span"
            ml={6}
            size="sm"
            color="red.8"
            variant="filled"
            radius="xl"
            aria-hidden="true"
            data-testid="notifications-unread-badge"
          >
            {unread}
          </Badge>
        )}
      </NavLink>
    </li>
  );
}
