/**
 * Rows: a centre's work log and monitoring history (its coordinators and the operator: 403 for others),
 * monitoring rounds and the rollout plan (the operator's: 403 for everyone else).
 */
import { CENTRE_STAFF, OPERATOR_ONLY, type Row } from '../matrix.js';

const centre = (route: string, request: Row['request'], nested?: Row['nested']): Row => ({
  route,
  scoped: true,
  expect: CENTRE_STAFF(403),
  request,
  nested,
});
const operator = (route: string, request: Row['request'] = () => ({})): Row => ({
  route,
  scoped: false,
  expect: OPERATOR_ONLY(403),
  request,
});

let n = 0;

export const monitoringRows: Row[] = [
  centre('GET /api/centers/:id/work-log', (c) => ({ params: { id: c.S.center.id } })),
  centre('POST /api/centers/:id/work-log', (c) => ({
    params: { id: c.S.center.id },
    body: { kind: 'training', occurredOn: '2026-11-03', title: 'Занятие для новичков', quantity: 1 },
  })),
  // nested: the own centre's id with the other centre's entry.
  centre(
    'PATCH /api/centers/:id/work-log/:entryId',
    (c) => ({
      params: { id: c.S.center.id, entryId: c.S.workLogId },
      body: { quantity: 2 + n++, reason: 'Уточнили по списку' },
    }),
    (c) => ({ params: { id: c.S.center.id, entryId: c.O.workLogId }, body: { quantity: 99 } }),
  ),
  centre(
    'POST /api/centers/:id/work-log/:entryId/remove',
    async (c) => ({
      params: { id: c.S.center.id, entryId: c.allowed ? await c.fresh.workLog(c.S) : c.S.workLogId },
      body: { reason: 'Записано дважды' },
    }),
    (c) => ({ params: { id: c.S.center.id, entryId: c.O.workLogId }, body: { reason: 'Чужая запись' } }),
  ),
  centre(
    'GET /api/centers/:id/work-log/:entryId/history',
    (c) => ({ params: { id: c.S.center.id, entryId: c.S.workLogId } }),
    (c) => ({ params: { id: c.S.center.id, entryId: c.O.workLogId } }),
  ),
  centre('GET /api/centers/:id/monitoring', (c) => ({ params: { id: c.S.center.id } })),

  operator('GET /api/monitoring/indicators'),
  operator('GET /api/monitoring/rounds'),
  operator('POST /api/monitoring/rounds', () => ({ body: { year: 2025, half: 2 } })),
  operator('GET /api/monitoring/rounds/:roundId', (c) => ({ params: { roundId: c.w.roundId } })),
  operator('PUT /api/monitoring/rounds/:roundId/scores', (c) => ({
    params: { roundId: c.w.roundId },
    body: { centerId: c.w.A.center.id, indicator: 'association', score: 3 },
  })),
  operator('POST /api/monitoring/rounds/:roundId/close', async (c) => ({
    params: { roundId: c.allowed ? await c.fresh.round(2025, 1) : c.w.roundId },
  })),
  // An open round stays open: the operator's answer is 204; a closed one would be 409 (final).
  operator('POST /api/monitoring/rounds/:roundId/reopen', (c) => ({ params: { roundId: c.w.roundId } })),
  operator('GET /api/monitoring/rounds/:roundId/rating.csv', (c) => ({ params: { roundId: c.w.roundId } })),
  operator('GET /api/monitoring/rounds/:roundId/rating.xlsx', (c) => ({ params: { roundId: c.w.roundId } })),

  operator('GET /api/plan/targets'),
  operator('POST /api/plan/targets', () => ({
    body: { kind: 'active_centers', dueDate: '2040-12-31', target: 60, comment: 'Новая цель' },
  })),
  operator('PATCH /api/plan/targets/:id', (c) => ({
    params: { id: c.w.planTargetId },
    body: { target: 41 + n++, comment: 'Министерство уточнило план' },
  })),
  operator('POST /api/plan/targets/:id/remove', async (c) => ({
    params: { id: c.allowed ? await c.fresh.planTarget() : c.w.planTargetId },
    body: { comment: 'Цель объединена' },
  })),
  operator('GET /api/plan/history'),
  operator('GET /api/plan/dashboard'),
];
