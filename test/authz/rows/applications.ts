/**
 * Rows: «Добро.Центр» status applications. The applicant side is the organization's representatives,
 * the deciding side the regional operator; an application's existence is private to both (404).
 */
import { type Expectations, each, OPERATOR_ONLY, type Row, raw, SIGNED_IN } from '../matrix.js';
import { PDF } from '../world.js';

/** For each actor: the applicant (own organization only), the operator, everyone else. */
const sides = (applicant: 'ok' | 403, operator: 'ok' | 403): Expectations =>
  each((a) =>
    a === 'anonymous'
      ? 401
      : a === 'operator'
        ? operator
        : a === 'orgRep'
          ? { own: applicant, foreign: 404 }
          : 404,
  );

export const applicationRows: Row[] = [
  { route: 'GET /api/applications', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  { route: 'GET /api/applications/mine', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  {
    // Only for an organization one represents; the operator does not apply (403 for everyone else).
    route: 'POST /api/applications',
    scoped: true,
    expect: each((a) => (a === 'anonymous' ? 401 : a === 'orgRep' ? { own: 'ok', foreign: 403 } : 403)),
    request: (c) => ({
      body: {
        organizationId: c.S.orgId,
        municipalityId: c.S.municipality.id,
        proposedName: 'Добро.Центр на Весенней',
      },
    }),
  },
  {
    route: 'GET /api/applications/stage-owners',
    scoped: false,
    expect: OPERATOR_ONLY(403),
    request: () => ({}),
  },
  {
    route: 'GET /api/applications/:id',
    scoped: true,
    expect: sides('ok', 'ok'),
    request: (c) => ({ params: { id: c.S.applicationId } }),
  },
  {
    // The applicant edits a draft; the operator sees it but does not edit (403).
    route: 'PATCH /api/applications/:id',
    scoped: true,
    expect: sides('ok', 403),
    request: async (c) => ({
      params: { id: c.allowed ? await c.fresh.application(c.S, 'draft') : c.S.applicationId },
      body: { proposedName: 'Добро.Центр «Весна»' },
    }),
  },
  {
    route: 'PATCH /api/applications/:id/management',
    scoped: true,
    expect: sides(403, 'ok'),
    request: (c) => ({ params: { id: c.S.applicationId }, body: { expectedOpeningOn: '2027-06-01' } }),
  },
  {
    // The applicant withdraws (a fresh draft); the operator rejects (a fresh submitted one).
    route: 'POST /api/applications/:id/transitions',
    scoped: true,
    expect: sides('ok', 'ok'),
    request: async (c) => {
      const operator = c.actor === 'operator';
      const id = c.allowed
        ? await c.fresh.application(c.S, operator ? 'submitted' : 'draft')
        : c.S.applicationId;
      return {
        params: { id },
        body: operator ? { to: 'rejected', comment: 'Помещение не подходит' } : { to: 'withdrawn' },
      };
    },
  },
  {
    route: 'POST /api/applications/:id/documents/:kind/review',
    scoped: true,
    expect: sides(403, 'ok'),
    request: async (c) => ({
      params: {
        id: c.allowed ? await c.fresh.application(c.S, 'submitted') : c.S.applicationId,
        kind: 'charter',
      },
      body: { decision: 'accepted' },
    }),
  },
  {
    // Only the applicant uploads; the operator sees the application but may not (403).
    route: 'POST /api/applications/:id/documents/:kind',
    scoped: true,
    expect: sides('ok', 403),
    request: (c) => ({
      params: { id: c.S.applicationId, kind: 'premises' },
      query: 'name=premises.pdf',
      ...raw(PDF),
    }),
  },
  {
    route: 'GET /api/applications/:id/documents/:kind/versions/:version',
    scoped: true,
    expect: sides('ok', 'ok'),
    request: (c) => ({ params: { id: c.S.applicationId, kind: 'charter', version: 1 } }),
  },
];
