import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { SignupServices } from './signups.wiring.js';

export function registerSignupRoutes(app: FastifyInstance, deps: { signups: SignupServices }) {
  const { signups } = deps;
  const { service, coordinator, swaps, invitations } = signups;
  route(app, ep.signUp, {
    summary: 'Sign up for a shift: confirmed, waitlisted, or applied (approval opportunities)',
    tags: ['signups'],
    status: 201,
    handler: ({ params, body }, request) => service.signUp(request.actor, params.id, body),
  });
  route(app, ep.mySignups, {
    summary: 'My signups (upcoming and past) and pending swap offers',
    tags: ['signups'],
    handler: async (_input, request) => signups.mine(request.actor),
  });
  route(app, ep.cancelSignup, {
    summary: 'Cancel a signup with a reason — the volunteer (withdraw) or the coordinator',
    tags: ['signups'],
    handler: ({ params, body }, request) => service.cancel(request.actor, params.id, body.reason),
  });
  route(app, ep.acceptOffer, {
    summary: 'Take the place offered from the waitlist (before the deadline)',
    tags: ['signups'],
    handler: ({ params }, request) => service.accept(request.actor, params.id),
  });
  route(app, ep.passOffer, {
    summary: 'Pass on the offered place; it goes to the next on the waitlist',
    tags: ['signups'],
    handler: ({ params }, request) => service.pass(request.actor, params.id),
  });
  route(app, ep.approveSignup, {
    summary: 'Approve an application (coordinator): a place, or the waitlist when the shift is full',
    tags: ['signups'],
    handler: ({ params }, request) => service.approve(request.actor, params.id),
  });
  route(app, ep.declineSignup, {
    summary: 'Decline an application or a waitlisted signup with a reason (coordinator)',
    tags: ['signups'],
    handler: ({ params, body }, request) => service.decline(request.actor, params.id, body.reason),
  });
  route(app, ep.markAttendance, {
    summary: 'Mark attended / no-show once the shift has started (coordinator)',
    tags: ['signups'],
    handler: ({ params, body }, request) => service.attendance(request.actor, params.id, body.status),
  });
  route(app, ep.shiftRoster, {
    summary: "A shift's roster with places held per role (coordinator, operator)",
    tags: ['signups'],
    handler: ({ params }, request) => coordinator.roster(request.actor, params.id),
  });
  route(app, ep.assignVolunteer, {
    summary:
      "Put one of the centre's own people (see candidates) straight on the shift (coordinator); all checks except approval",
    tags: ['signups'],
    status: 201,
    handler: ({ params, body }, request) => coordinator.assign(request.actor, params.id, body),
  });
  route(app, ep.shiftCandidates, {
    summary:
      'People the coordinator may place directly: an earlier signup of their own at this centre, or a member of its squad',
    tags: ['signups'],
    handler: ({ params, query }, request) => invitations.candidates(request.actor, params.id, query.q),
  });
  route(app, ep.inviteVolunteer, {
    summary:
      'Invite someone to the shift by e-mail (coordinator): they accept in their own account; the answer is the same for any address',
    tags: ['signups'],
    status: 202,
    handler: ({ params, body }, request) => invitations.invite(request.actor, params.id, body),
  });
  route(app, ep.withdrawInvitation, {
    summary: 'Take back an invitation that has not been accepted (coordinator)',
    tags: ['signups'],
    handler: ({ params }, request) => invitations.withdraw(request.actor, params.id),
  });
  route(app, ep.acceptInvitation, {
    summary:
      'Accept an invitation to my address: a place with every signup check (or checked in, from the desk)',
    tags: ['signups'],
    handler: ({ params }, request) => invitations.accept(request.actor, params.id),
  });
  route(app, ep.declineInvitation, {
    summary: 'Decline an invitation to my address',
    tags: ['signups'],
    handler: ({ params }, request) => invitations.decline(request.actor, params.id),
  });
  route(app, ep.messageShift, {
    summary: 'Message everyone signed up for the shift (in-app and mail)',
    tags: ['signups'],
    handler: ({ params, body }, request) => coordinator.message(request.actor, params.id, body.text),
  });
  route(app, ep.offerSwap, {
    summary: 'Offer my confirmed place to a peer (by email)',
    tags: ['signups'],
    status: 201,
    handler: ({ params, body }, request) => swaps.offer(request.actor, params.id, body.email),
  });
  route(app, ep.acceptSwap, {
    summary: 'Accept a swap offer: the place moves to me atomically; the coordinator is told',
    tags: ['signups'],
    handler: ({ params }, request) => swaps.accept(request.actor, params.id),
  });
  route(app, ep.declineSwap, {
    summary: 'Decline a swap offer (peer) or withdraw it (offerer)',
    tags: ['signups'],
    handler: ({ params }, request) => swaps.decline(request.actor, params.id),
  });

  route(app, ep.teamSignUp, {
    summary: 'A squad leader signs up members at once: all-or-nothing, or as many as fit',
    tags: ['signups'],
    status: 201,
    handler: ({ params, body }, request) => signups.teamSignUp(request.actor, params.id, body),
  });

  for (const [format, endpoint] of [
    ['csv', ep.shiftRosterCsv],
    ['xlsx', ep.shiftRosterXlsx],
    ['pdf', ep.shiftRosterPdf],
  ] as const) {
    route(app, endpoint, {
      summary:
        format === 'pdf'
          ? "A shift's printable sign-in sheet, A4 PDF: roster, check-in time and signature columns, blank rows for walk-ups (coordinator)"
          : `A shift's roster with a signature column (sign-in sheet), ${format.toUpperCase()} (coordinator)`,
      tags: ['signups'],
      handler: ({ params }, request) => coordinator.exportRoster(request.actor, params.id, format),
    });
  }
}
