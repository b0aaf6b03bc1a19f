import type { TFunction } from 'i18next';

/**
 * Invitations that need the person's consent, and their acceptance: to lead a squad (answered on the
 * squad's page) and to represent an organization (answered on «Организации»). Null for other kinds.
 */
export function invitationText(
  t: TFunction,
  n: { kind: string; params: Record<string, string | null> },
): string | null {
  const p = n.params;
  const values = {
    squad: p.squad ?? '—',
    center: p.center ?? '—',
    organization: p.organization ?? '—',
    who: p.who ?? '—',
  };
  switch (n.kind) {
    case 'squad.leader_invited':
      return t('volunteers.notifications.leaderInvited', values);
    case 'squad.leader_accepted':
      return t('volunteers.notifications.leaderAccepted', values);
    case 'organization.representative_invited':
      return t('organizations.notifications.invited', values);
    case 'organization.invitation_accepted':
      return t('organizations.notifications.accepted', values);
    default:
      return null;
  }
}
