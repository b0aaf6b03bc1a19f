/** Endpoints of the volunteers feature; spread into the shared endpoint table (endpoints.ts). */
import { Type } from 'typebox';
import { MEDIA } from './files.js';
import * as V from './volunteers.js';

export const volunteersEndpoints = {
  volunteerVocabulary: { method: 'GET', path: '/api/volunteers/vocabulary', response: V.Vocabulary },
  myVolunteerProfile: { method: 'GET', path: '/api/volunteers/me', response: V.OwnProfileEnvelope },
  updateMyVolunteerProfile: {
    method: 'PUT',
    path: '/api/volunteers/me',
    body: V.UpdateProfileBody,
    response: V.OwnProfileEnvelope,
  },
  myConsents: { method: 'GET', path: '/api/volunteers/me/consents', response: V.ConsentList },
  giveConsent: {
    method: 'POST',
    path: '/api/volunteers/me/consents',
    body: V.GiveConsentBody,
    response: V.ConsentList,
  },
  withdrawConsent: {
    method: 'POST',
    path: '/api/volunteers/me/consents/:purpose/withdraw',
    params: V.ConsentPurposeParams,
    response: V.ConsentList,
  },
  volunteerProfile: {
    method: 'GET',
    path: '/api/volunteers/:userId',
    params: V.UserIdParams,
    response: V.ProfileForCoordinatorEnvelope,
  },
  removeMyVolunteerPhoto: {
    method: 'DELETE',
    path: '/api/volunteers/me/photo',
    response: V.OwnProfileEnvelope,
  },
  mySquads: { method: 'GET', path: '/api/squads/mine', response: V.SquadList },
  publicCenterSquads: {
    method: 'GET',
    path: '/api/public/centers/:id/squads',
    params: V.CenterSquadsParams,
    response: V.PublicSquadList,
  },
  centerSquads: {
    method: 'GET',
    path: '/api/centers/:id/squads',
    params: V.CenterSquadsParams,
    response: V.SquadList,
  },
  createSquad: { method: 'POST', path: '/api/squads', body: V.CreateSquadBody, response: V.SquadEnvelope },
  squad: { method: 'GET', path: '/api/squads/:id', params: V.SquadParams, response: V.SquadEnvelope },
  updateSquad: {
    method: 'PATCH',
    path: '/api/squads/:id',
    params: V.SquadParams,
    body: V.UpdateSquadBody,
    response: V.SquadEnvelope,
  },
  requestToJoinSquad: {
    method: 'POST',
    path: '/api/squads/:id/join',
    params: V.SquadParams,
    response: V.SquadEnvelope,
  },
  joinSquadByCode: {
    method: 'POST',
    path: '/api/squads/join-by-code',
    body: V.JoinByCodeBody,
    response: V.SquadEnvelope,
  },
  leaveSquad: { method: 'POST', path: '/api/squads/:id/leave', params: V.SquadParams, response: Type.Null() },
  decideSquadMember: {
    method: 'POST',
    path: '/api/squads/:id/members/:userId',
    params: V.SquadMemberParams,
    body: V.MemberDecisionBody,
    response: V.SquadEnvelope,
  },
  assignSquadLeader: {
    method: 'POST',
    path: '/api/squads/:id/leaders',
    params: V.SquadParams,
    body: V.AssignLeaderBody,
    response: V.SquadEnvelope,
  },
  acceptSquadLeadership: {
    method: 'POST',
    path: '/api/squads/:id/leadership/accept',
    params: V.SquadParams,
    response: V.SquadEnvelope,
  },
  declineSquadLeadership: {
    method: 'POST',
    path: '/api/squads/:id/leadership/decline',
    params: V.SquadParams,
    response: V.SquadEnvelope,
  },
  withdrawSquadLeaderInvitation: {
    method: 'DELETE',
    path: '/api/squads/:id/leader-invitations/:userId',
    params: V.SquadMemberParams,
    response: V.SquadEnvelope,
  },
  volunteerPhoto: {
    method: 'GET',
    path: '/api/volunteers/:userId/photo',
    params: V.UserIdParams,
    query: V.PhotoQuery,
    file: {
      types: [MEDIA.jpeg, MEDIA.png],
      description: 'JPEG or PNG',
      disposition: 'inline',
      cache: 'private, no-cache',
    },
  },
} as const;
