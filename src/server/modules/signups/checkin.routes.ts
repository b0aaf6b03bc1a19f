import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { CheckinServices } from './checkin.wiring.js';

export function registerCheckinRoutes(app: FastifyInstance, deps: { checkin: CheckinServices }) {
  const { service, desk } = deps.checkin;
  route(app, ep.checkinCode, {
    summary: "A shift's QR check-in code: token, URL, short code and validity (coordinator, operator)",
    tags: ['checkin'],
    handler: ({ params }, request) => service.code(request.actor, params.id),
  });
  route(app, ep.rotateCheckinCode, {
    summary: "Replace the shift's check-in key: printed codes stop working (coordinator, operator)",
    tags: ['checkin'],
    handler: ({ params }, request) => service.rotate(request.actor, params.id),
  });
  route(app, ep.checkIn, {
    summary: 'Check in or out of my shift with the scanned token or the shift id and short code',
    tags: ['checkin'],
    rateLimit: { max: 60, timeWindow: '1 minute' },
    handler: ({ body }, request) => service.checkIn(request.actor, body),
  });
  route(app, ep.checkinDesk, {
    summary: "The shift's check-in desk: people, walk-ins, counts; search by name (coordinator, operator)",
    tags: ['checkin'],
    handler: ({ params, query }, request) => desk.desk(request.actor, params.id, query.q),
  });
  route(app, ep.deskAction, {
    summary: 'At the desk: check in, check out, no-show, or undo the last mark of a signup',
    tags: ['checkin'],
    handler: ({ params, body }, request) => desk.act(request.actor, params.id, body.action),
  });
  route(app, ep.addWalkUp, {
    summary:
      "A walk-up: one of the centre's people by id (straight to attended), anyone by e-mail (an invitation to accept), or a person without an account (walk-in)",
    tags: ['checkin'],
    status: 201,
    handler: ({ params, body }, request) => desk.walkUp(request.actor, params.id, body),
  });
  route(app, ep.checkOutWalkIn, {
    summary: 'Check a walk-in out',
    tags: ['checkin'],
    handler: ({ params }, request) => desk.walkIn(request.actor, params.id, { checkOut: true }),
  });
  route(app, ep.removeWalkIn, {
    summary: 'Remove a walk-in added by mistake, with a reason (the place is freed; the row is kept)',
    tags: ['checkin'],
    handler: ({ params, body }, request) => desk.walkIn(request.actor, params.id, { remove: body.reason }),
  });
}
