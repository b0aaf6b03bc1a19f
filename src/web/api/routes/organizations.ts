import type { organizationsEndpoints } from '../../../shared/contracts/organizations.endpoints';
import type { RouteTable } from '../route-table';

export const organizationsRoutes: RouteTable<keyof typeof organizationsEndpoints> = {
  myOrganizationInvitations: { method: 'GET', path: '/api/me/organization-invitations' },
  acceptOrganizationInvitation: { method: 'POST', path: '/api/me/organization-invitations/:id/accept' },
  declineOrganizationInvitation: { method: 'POST', path: '/api/me/organization-invitations/:id/decline' },
  withdrawOrganizationInvitation: {
    method: 'DELETE',
    path: '/api/organizations/:id/invitations/:invitationId',
  },
};
