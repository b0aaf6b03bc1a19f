import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { requireUser } from '../../platform/auth/actor.js';
import { route } from '../../platform/http/route.js';
import type { OrganizationsService } from './organizations.service.js';

export function registerOrganizationRoutes(
  app: FastifyInstance,
  deps: { organizations: OrganizationsService },
) {
  const { organizations } = deps;
  const tags = ['organizations'];
  route(app, ep.organizations, {
    summary: 'The registry (operator) or own organizations (representative); search by name or INN',
    tags,
    handler: ({ query }, request) =>
      organizations.list(
        request.actor,
        { q: query.q, municipalityId: query.municipalityId, kind: query.kind },
        { limit: query.limit ?? 50, offset: query.offset ?? 0 },
      ),
  });
  route(app, ep.createOrganization, {
    summary: 'Register an organization; the person registering becomes its representative',
    tags,
    status: 201,
    handler: async ({ body }, request) => ({ organization: await organizations.create(request.actor, body) }),
  });
  route(app, ep.checkInn, {
    summary: 'Check an INN: check digits, and whether an organization with it is already registered',
    tags,
    handler: async ({ query }, request) => {
      requireUser(request.actor);
      return organizations.checkInn(query.inn);
    },
  });
  route(app, ep.organization, {
    summary: 'One organization (operator or its representative)',
    tags,
    handler: async ({ params }, request) => ({
      organization: await organizations.get(request.actor, params.id),
    }),
    etag: (r) => r.organization.version,
  });
  route(app, ep.updateOrganization, {
    summary: 'Edit an organization; renaming a placeholder clears its placeholder mark',
    tags,
    handler: async ({ params, body, ifMatch }, request) => ({
      organization: await organizations.update(request.actor, params.id, body, ifMatch),
    }),
    etag: (r) => r.organization.version,
  });
  route(app, ep.addRepresentative, {
    summary:
      'Invite an e-mail address to represent the organization (the same answer for registered and unknown addresses; the person accepts in the app)',
    tags,
    handler: async ({ params, body }, request) => ({
      organization: await organizations.addRepresentative(request.actor, params.id, body.email),
    }),
  });
  route(app, ep.removeRepresentative, {
    summary: 'Remove a representative (the last one only by the operator)',
    tags,
    handler: async ({ params }, request) => ({
      organization: await organizations.removeRepresentative(request.actor, params.id, params.userId),
    }),
  });
  route(app, ep.withdrawOrganizationInvitation, {
    summary: 'Take back a pending invitation to represent the organization',
    tags,
    handler: async ({ params }, request) => ({
      organization: await organizations.withdrawInvitation(request.actor, params.id, params.invitationId),
    }),
  });
  route(app, ep.myOrganizationInvitations, {
    summary: 'Invitations to represent an organization addressed to my e-mail address',
    tags,
    handler: (_input, request) => organizations.myInvitations(request.actor),
  });
  route(app, ep.acceptOrganizationInvitation, {
    summary: 'Accept an invitation: become a representative of the organization',
    tags,
    handler: ({ params }, request) => organizations.acceptInvitation(request.actor, params.id),
  });
  route(app, ep.declineOrganizationInvitation, {
    summary: 'Decline an invitation to represent an organization',
    tags,
    handler: ({ params }, request) => organizations.declineInvitation(request.actor, params.id),
  });
}
