import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { clientInfo } from '../../platform/auth/session-plugin.js';
import { route } from '../../platform/http/route.js';
import { registerVolunteerPhotoRoutes } from './volunteers.photo.routes.js';
import type { VolunteerServices } from './volunteers.wiring.js';

export function registerVolunteerRoutes(app: FastifyInstance, deps: VolunteerServices) {
  const { profiles, consents, squads } = deps;
  registerVolunteerPhotoRoutes(app, deps.photos);
  route(app, ep.volunteerVocabulary, {
    summary: 'Skills vocabulary and interest categories for the profile form',
    tags: ['volunteers'],
    handler: () => profiles.vocabulary(),
  });
  route(app, ep.myVolunteerProfile, {
    summary: "The signed-in volunteer's own profile with age group and eligibility",
    tags: ['volunteers'],
    handler: (_input, request) => profiles.mine(request.actor),
    etag: (r) => r.profile.version,
  });
  route(app, ep.updateMyVolunteerProfile, {
    summary: 'Save the own profile (whole form); under 14 and future birth dates are refused',
    tags: ['volunteers'],
    handler: ({ body, ifMatch }, request) => profiles.update(request.actor, body, ifMatch),
    etag: (r) => r.profile.version,
  });
  route(app, ep.volunteerProfile, {
    summary: "A volunteer's profile for coordinators: full for own centres, chosen fields for others",
    tags: ['volunteers'],
    handler: ({ params }, request) => profiles.view(request.actor, params.userId),
  });
  route(app, ep.myConsents, {
    summary: 'Consent documents per purpose (current versions) with the own records',
    tags: ['volunteers'],
    handler: (_input, request) => consents.mine(request.actor),
  });
  route(app, ep.giveConsent, {
    summary: 'Give one consent for its current version (explicit; guardian details for guardian_consent)',
    tags: ['volunteers'],
    handler: ({ body }, request) => consents.give(request.actor, body, clientInfo(request)),
  });
  route(app, ep.withdrawConsent, {
    summary: 'Withdraw a consent of one purpose',
    tags: ['volunteers'],
    handler: ({ params }, request) => consents.withdraw(request.actor, params.purpose),
  });
  route(app, ep.mySquads, {
    summary: 'Squads the signed-in user is in or asked to join',
    tags: ['squads'],
    handler: (_input, request) => squads.mine(request.actor),
  });
  route(app, ep.centerSquads, {
    summary: "A centre's squads",
    tags: ['squads'],
    handler: ({ params }, request) => squads.ofCenter(request.actor, params.id),
  });
  route(app, ep.publicCenterSquads, {
    summary: "An active centre's squads for its public page: name, focus, tags, member count (no people)",
    tags: ['squads'],
    handler: ({ params }) => squads.publicOfCenter(params.id),
  });
  route(app, ep.createSquad, {
    summary: "Create a squad (the centre's coordinators), optionally naming its leader",
    tags: ['squads'],
    status: 201,
    handler: ({ body }, request) => squads.create(request.actor, body),
  });
  route(app, ep.squad, {
    summary: 'One squad (members and invitation code for those who manage it)',
    tags: ['squads'],
    handler: ({ params }, request) => squads.squad(request.actor, params.id),
    etag: (r) => r.squad.version,
  });
  route(app, ep.updateSquad, {
    summary: 'Edit a squad or issue a new invitation code (leader, centre coordinators)',
    tags: ['squads'],
    handler: ({ params, body, ifMatch }, request) => squads.update(request.actor, params.id, body, ifMatch),
    etag: (r) => r.squad.version,
  });
  route(app, ep.requestToJoinSquad, {
    summary: 'Ask to join a squad (the leader approves)',
    tags: ['squads'],
    handler: ({ params }, request) => squads.requestToJoin(request.actor, params.id),
  });
  route(app, ep.joinSquadByCode, {
    summary: 'Join a squad at once with its invitation code',
    tags: ['squads'],
    handler: ({ body }, request) => squads.joinByCode(request.actor, body.code),
  });
  route(app, ep.leaveSquad, {
    summary: 'Leave a squad',
    tags: ['squads'],
    handler: ({ params }, request) => squads.leave(request.actor, params.id),
  });
  route(app, ep.decideSquadMember, {
    summary: 'Approve a request or remove a member (leader, centre coordinators)',
    tags: ['squads'],
    handler: ({ params, body }, request) => squads.decide(request.actor, params.id, params.userId, body),
  });
  route(app, ep.assignSquadLeader, {
    summary:
      "Invite an active member to lead the squad (the centre's coordinators); they become leader only by accepting",
    tags: ['squads'],
    handler: ({ params, body }, request) => deps.squadLeaders.invite(request.actor, params.id, body.userId),
  });
  route(app, ep.acceptSquadLeadership, {
    summary: 'Accept an invitation to lead the squad (joins it too, if not a member yet)',
    tags: ['squads'],
    handler: ({ params }, request) => deps.squadLeaders.accept(request.actor, params.id),
  });
  route(app, ep.declineSquadLeadership, {
    summary: 'Decline an invitation to lead the squad',
    tags: ['squads'],
    handler: ({ params }, request) => deps.squadLeaders.decline(request.actor, params.id),
  });
  route(app, ep.withdrawSquadLeaderInvitation, {
    summary: "Take back a pending invitation to lead the squad (the centre's coordinators)",
    tags: ['squads'],
    handler: ({ params }, request) => deps.squadLeaders.withdraw(request.actor, params.id, params.userId),
  });
}
