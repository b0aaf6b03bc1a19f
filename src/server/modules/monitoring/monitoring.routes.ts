import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { MonitoringService } from './monitoring.service.js';
import type { WorkLogService } from './worklog.service.js';

export function registerMonitoringRoutes(
  app: FastifyInstance,
  deps: { workLog: WorkLogService; monitoring: MonitoringService },
) {
  const { workLog, monitoring } = deps;
  const tags = ['monitoring'];

  route(app, ep.workLog, {
    summary: "A centre's work log with totals per kind (its coordinators and the operator)",
    tags,
    handler: ({ params, query }, request) => workLog.list(request.actor, params.id, query),
  });
  route(app, ep.addWorkLogEntry, {
    summary: 'Record a service the centre gave (no future dates, none before the centre opened)',
    tags,
    status: 201,
    handler: ({ params, body }, request) => workLog.add(request.actor, params.id, body),
  });
  route(app, ep.correctWorkLogEntry, {
    summary: 'Correct an entry; the earlier state is kept with who changed it and when',
    tags,
    handler: ({ params, body, ifMatch }, request) =>
      workLog.correct(request.actor, params.id, params.entryId, body, ifMatch),
    etag: (r) => r.entry.version,
  });
  route(app, ep.removeWorkLogEntry, {
    summary: 'Remove an entry (soft, with a reason; it stops counting)',
    tags,
    handler: ({ params, body, ifMatch }, request) =>
      workLog.remove(request.actor, params.id, params.entryId, body, ifMatch),
    etag: (r) => r.entry.version,
  });
  route(app, ep.workLogEntryHistory, {
    summary: "An entry's earlier states",
    tags,
    handler: ({ params }, request) => workLog.history(request.actor, params.id, params.entryId),
  });
  route(app, ep.centerMonitoring, {
    summary: "A centre's monitoring results across rounds (coordinators: closed rounds; operator: all)",
    tags,
    handler: ({ params }, request) => monitoring.centerHistory(request.actor, params.id),
  });
  route(app, ep.monitoringIndicators, {
    summary: 'The national indicators: maximum score, weight, how each is obtained (operator)',
    tags,
    handler: (_input, request) => monitoring.indicators(request.actor),
  });
  route(app, ep.monitoringRounds, {
    summary: 'Monitoring rounds of the region, newest first (operator)',
    tags,
    handler: (_input, request) => monitoring.rounds(request.actor),
  });
  route(app, ep.openMonitoringRound, {
    summary: 'Open a round for a half-year (one per half-year) over the active centres (operator)',
    tags,
    status: 201,
    handler: ({ body }, request) => monitoring.open(request.actor, body),
  });
  route(app, ep.monitoringRound, {
    summary: 'A round with its rating: scores, totals, ranks and colour zones (operator)',
    tags,
    handler: ({ params }, request) => monitoring.round(request.actor, params.roundId),
    etag: (r) => r.round.version,
  });
  route(app, ep.enterMonitoringScore, {
    summary: 'Enter (or with null, remove) a score; overriding a computed score needs a comment (operator)',
    tags,
    handler: ({ params, body, ifMatch }, request) =>
      monitoring.enterScore(request.actor, params.roundId, body, ifMatch),
    etag: (r) => r.round.version,
  });
  route(app, ep.closeMonitoringRound, {
    summary: 'Close a round: computed scores are frozen and the round becomes final (operator)',
    tags,
    handler: ({ params, ifMatch }, request) => monitoring.close(request.actor, params.roundId, ifMatch),
    etag: (r) => r.round.version,
  });
  route(app, ep.reopenMonitoringRound, {
    summary: 'Always refused for a closed round (a closed round is final)',
    tags,
    handler: async ({ params }, request) => monitoring.reopen(request.actor, params.roundId),
  });

  for (const [format, endpoint] of [
    ['csv', ep.monitoringRatingCsv],
    ['xlsx', ep.monitoringRatingXlsx],
  ] as const) {
    route(app, endpoint, {
      summary: `A round's rating as ${endpoint.file.description} (operator)`,
      tags,
      handler: ({ params }, request) =>
        monitoring.exportRating(request.actor, params.roundId, format, { requestId: request.id }),
    });
  }
}
