/**
 * Rows: the public network (region, municipalities, centres), centres' history, profile and status,
 * organizations and their representatives, municipal changes, reference settings, exports, backup.
 */
import {
  CENTRE_STAFF,
  each,
  OPERATOR_ONLY,
  OWN_ONLY,
  PUBLIC,
  type Row,
  SIGNED_IN,
  twinSession,
} from '../matrix.js';

const publicGet = (route: string, request: Row['request'] = () => ({})): Row => ({
  route: `GET ${route}`,
  scoped: false,
  expect: PUBLIC,
  request,
});

/** The organization's representatives (own organization only) and the operator; others: hidden. */
const ORGANIZATION = each((a) =>
  a === 'anonymous' ? 401 : a === 'operator' ? 'ok' : a === 'orgRep' ? { own: 'ok', foreign: 404 } : 404,
);

let n = 0;
const code = (prefix: string) => `${prefix}_${++n}`;
const operatorOnly = (route: string, request: Row['request'] = () => ({})): Row => ({
  route,
  scoped: false,
  expect: OPERATOR_ONLY(403),
  request,
});

export const networkRows: Row[] = [
  publicGet('/api/public/region'),
  publicGet('/api/public/summary'),
  publicGet('/api/public/municipalities'),
  publicGet('/api/public/centers'),
  publicGet('/api/public/centers/:id', (c) => ({ params: { id: c.S.center.id } })),
  publicGet('/api/public/service-kinds'),
  publicGet('/api/public/municipality-shapes'),
  publicGet('/api/public/municipal-changes'),
  publicGet('/api/application-stages'),
  publicGet('/api/application-document-kinds'),
  publicGet('/api/center-service-kinds'),

  {
    route: 'GET /api/centers/:id/history',
    scoped: true,
    expect: CENTRE_STAFF(404),
    request: (c) => ({ params: { id: c.S.center.id } }),
  },
  {
    route: 'PATCH /api/centers/:id/profile',
    scoped: true,
    expect: CENTRE_STAFF(404),
    request: (c) => ({ params: { id: c.S.center.id }, body: { openingHours: 'Пн–Пт 9:00–18:00' } }),
  },
  {
    // Status decisions are the operator's; the centre's own coordinators see the centre (403), others not.
    route: 'POST /api/centers/:id/status',
    scoped: true,
    expect: {
      ...CENTRE_STAFF(404),
      coordA: { own: 403, foreign: 404 },
      coordB: { own: 403, foreign: 404 },
    },
    request: async (c) => ({
      params: { id: c.allowed ? await c.fresh.center(c.S) : c.S.center.id },
      body: { to: 'suspended', comment: 'Проверка документов' },
    }),
  },

  { route: 'GET /api/organizations', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  {
    // Whoever registers an organization becomes its representative: a twin does, so grants stay as built.
    route: 'POST /api/organizations',
    scoped: false,
    expect: SIGNED_IN,
    request: async (c) => ({
      body: { name: `Организация ${++n}`, kind: 'education', municipalityId: c.S.municipality.id },
      cookie: await twinSession(c),
    }),
  },
  {
    route: 'GET /api/organizations/check-inn',
    scoped: false,
    expect: SIGNED_IN,
    request: () => ({ query: 'inn=7707083893' }),
  },
  {
    route: 'GET /api/organizations/:id',
    scoped: true,
    expect: ORGANIZATION,
    request: (c) => ({ params: { id: c.S.orgId } }),
  },
  {
    route: 'PATCH /api/organizations/:id',
    scoped: true,
    expect: ORGANIZATION,
    request: (c) => ({ params: { id: c.S.orgId }, body: { address: 'г. Кемерово, ул. Весенняя, 5' } }),
  },
  {
    route: 'POST /api/organizations/:id/representatives',
    scoped: true,
    expect: ORGANIZATION,
    request: async (c) => ({ params: { id: c.S.orgId }, body: { email: (await c.fresh.stranger()).email } }),
  },
  {
    route: 'DELETE /api/organizations/:id/representatives/:userId',
    scoped: true,
    expect: ORGANIZATION,
    request: async (c) => ({ params: { id: c.S.orgId, userId: await c.fresh.representative(c.S) } }),
    // the own organization with a representative of the other one
    nested: async (c) => ({ params: { id: c.S.orgId, userId: await c.fresh.representative(c.O) } }),
  },

  {
    route: 'DELETE /api/organizations/:id/invitations/:invitationId',
    scoped: true,
    expect: ORGANIZATION,
    request: async (c) => {
      const { orgId, invitationId } = await c.fresh.organizationInvitation(
        c.S,
        (await c.fresh.stranger()).email,
      );
      return { params: { id: orgId, invitationId } };
    },
    // the own organization with an invitation of the other one
    nested: async (c) => {
      const stranger = await c.fresh.stranger();
      const { invitationId } = await c.fresh.organizationInvitation(c.O, stranger.email);
      return { params: { id: c.S.orgId, invitationId } };
    },
  },
  { route: 'GET /api/me/organization-invitations', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  {
    // Own: an invitation to my address (of a new organization: accepting grants nothing in the world);
    // foreign: one to someone else's address (hidden).
    route: 'POST /api/me/organization-invitations/:id/accept',
    scoped: true,
    expect: OWN_ONLY,
    request: async (c) => ({
      params: {
        id: (await c.fresh.organizationInvitation(c.S, c.me.email, { newOrganization: true })).invitationId,
      },
    }),
  },
  {
    route: 'POST /api/me/organization-invitations/:id/decline',
    scoped: true,
    expect: OWN_ONLY,
    request: async (c) => ({
      params: {
        id: (await c.fresh.organizationInvitation(c.S, c.me.email, { newOrganization: true })).invitationId,
      },
    }),
  },

  operatorOnly('POST /api/admin/municipal-changes', async (c) => ({
    body: { kind: 'abolition', effectiveOn: '2026-11-20', predecessorIds: [await c.fresh.municipality()] },
  })),
  operatorOnly('GET /api/admin/backup'),
  operatorOnly('POST /api/admin/application-stages', () => ({
    body: {
      code: code('stage'),
      nameRu: 'Этап',
      nameEn: 'Stage',
      position: 500 + n,
      typicalDays: 10,
    },
  })),
  operatorOnly('PATCH /api/admin/application-stages/:code', () => ({
    params: { code: 'acceleration' },
    body: { typicalDays: 30 + n++ },
  })),
  operatorOnly('POST /api/admin/application-document-kinds', () => ({
    body: {
      code: code('kind'),
      nameRu: 'Документ',
      nameEn: 'Document',
      required: false,
      neededByStage: 'submitted',
      position: 500 + n,
    },
  })),
  operatorOnly('PATCH /api/admin/application-document-kinds/:code', () => ({
    params: { code: 'premises' },
    body: { description: `Договор аренды ${++n}` },
  })),
  operatorOnly('POST /api/admin/center-service-kinds', () => ({
    body: { code: code('service'), nameRu: 'Услуга', nameEn: 'Service', position: 500 + n },
  })),
  operatorOnly('PATCH /api/admin/center-service-kinds/:code', () => ({
    params: { code: 'consultations' },
    body: { position: 100 + n++ },
  })),
  ...['centers', 'organizations', 'applications'].flatMap((what) =>
    ['csv', 'xlsx'].map((format) => operatorOnly(`GET /api/exports/${what}.${format}`)),
  ),
];
