/**
 * Organization representatives by invitation (issue 9): nobody becomes a representative without
 * accepting. Spread into the shared endpoint table (endpoints.ts); the older organization endpoints
 * stay there.
 */
import * as O from './organizations.js';

export const organizationsEndpoints = {
  myOrganizationInvitations: {
    method: 'GET',
    path: '/api/me/organization-invitations',
    response: O.MyOrganizationInvitationList,
  },
  acceptOrganizationInvitation: {
    method: 'POST',
    path: '/api/me/organization-invitations/:id/accept',
    params: O.InvitationIdParams,
    response: O.MyOrganizationInvitationList,
  },
  declineOrganizationInvitation: {
    method: 'POST',
    path: '/api/me/organization-invitations/:id/decline',
    params: O.InvitationIdParams,
    response: O.MyOrganizationInvitationList,
  },
  withdrawOrganizationInvitation: {
    method: 'DELETE',
    path: '/api/organizations/:id/invitations/:invitationId',
    params: O.OrganizationInvitationParams,
    response: O.OrganizationEnvelope,
  },
} as const;
