import type { volunteersEndpoints } from '../../../shared/contracts/volunteers.endpoints';
import type { RouteTable } from '../route-table';

export const volunteersRoutes: RouteTable<keyof typeof volunteersEndpoints> = {
  volunteerVocabulary: { method: 'GET', path: '/api/volunteers/vocabulary' },
  myVolunteerProfile: { method: 'GET', path: '/api/volunteers/me' },
  updateMyVolunteerProfile: { method: 'PUT', path: '/api/volunteers/me' },
  myConsents: { method: 'GET', path: '/api/volunteers/me/consents' },
  giveConsent: { method: 'POST', path: '/api/volunteers/me/consents' },
  withdrawConsent: { method: 'POST', path: '/api/volunteers/me/consents/:purpose/withdraw' },
  volunteerProfile: { method: 'GET', path: '/api/volunteers/:userId' },
  removeMyVolunteerPhoto: { method: 'DELETE', path: '/api/volunteers/me/photo' },
  mySquads: { method: 'GET', path: '/api/squads/mine' },
  publicCenterSquads: { method: 'GET', path: '/api/public/centers/:id/squads' },
  centerSquads: { method: 'GET', path: '/api/centers/:id/squads' },
  createSquad: { method: 'POST', path: '/api/squads' },
  squad: { method: 'GET', path: '/api/squads/:id' },
  updateSquad: { method: 'PATCH', path: '/api/squads/:id' },
  requestToJoinSquad: { method: 'POST', path: '/api/squads/:id/join' },
  joinSquadByCode: { method: 'POST', path: '/api/squads/join-by-code' },
  leaveSquad: { method: 'POST', path: '/api/squads/:id/leave' },
  decideSquadMember: { method: 'POST', path: '/api/squads/:id/members/:userId' },
  assignSquadLeader: { method: 'POST', path: '/api/squads/:id/leaders' },
  acceptSquadLeadership: { method: 'POST', path: '/api/squads/:id/leadership/accept' },
  declineSquadLeadership: { method: 'POST', path: '/api/squads/:id/leadership/decline' },
  withdrawSquadLeaderInvitation: { method: 'DELETE', path: '/api/squads/:id/leader-invitations/:userId' },
  volunteerPhoto: { method: 'GET', path: '/api/volunteers/:userId/photo' },
};
