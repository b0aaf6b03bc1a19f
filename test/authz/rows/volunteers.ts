/**
 * Rows: the own volunteer profile, consents and photo; another person's card and photo (the volunteer,
 * coordinators of a centre they belong to; other coordinators and the operator only what the volunteer
 * chose to show; everyone else: hidden); squads (their leaders and the centre's coordinators manage).
 */
import { CONSENT_VERSION } from '../../../src/server/seed/volunteers-defaults.js';
import {
  type ActorKind,
  each,
  OWN_ONLY,
  PUBLIC,
  type Row,
  raw,
  SIGNED_IN,
  twinSession,
  VOLUNTEER_KINDS,
} from '../matrix.js';
import { PNG } from '../world.js';

const coordinator = (a: ActorKind) => a === 'coordA' || a === 'coordB';

/** Managed by the squad's leader and the coordinators of its centre; everyone else: 403. */
const SQUAD_MANAGERS = each((a) =>
  a === 'anonymous' ? 401 : a === 'leader' || coordinator(a) ? { own: 'ok', foreign: 403 } : 403,
);
/** The centre's coordinators only (not the leader, not the operator). */
const SQUAD_COORDINATORS = each((a) =>
  a === 'anonymous' ? 401 : coordinator(a) ? { own: 'ok', foreign: 403 } : 403,
);
const signedIn = (route: string, request: Row['request'] = () => ({})): Row => ({
  route,
  scoped: false,
  expect: SIGNED_IN,
  request,
});
const signedInScoped = (route: string, request: Row['request']): Row => ({
  route,
  scoped: true,
  expect: SIGNED_IN,
  request,
});

let n = 0;

export const volunteerRows: Row[] = [
  { route: 'GET /api/volunteers/vocabulary', scoped: false, expect: PUBLIC, request: () => ({}) },
  signedIn('GET /api/volunteers/me'),
  signedIn('PUT /api/volunteers/me', async (c) => ({
    // The whole form replaces the profile (and its home centre): a twin of the actor's kind sends it.
    cookie: await twinSession(c),
    body: {
      fullName: 'Мария Иванова',
      birthDate: null,
      profession: null,
      skills: [],
      skillTags: [],
      languages: [],
      municipalityId: null,
      homeCenterId: null,
      homePoint: null,
      availability: [],
      interests: [],
      about: null,
      visibleFields: ['age_group'],
    },
  })),
  signedIn('GET /api/volunteers/me/consents'),
  signedIn('POST /api/volunteers/me/consents', () => ({
    body: { purpose: 'newsletters', version: CONSENT_VERSION, agreed: true },
  })),
  signedIn('POST /api/volunteers/me/consents/:purpose/withdraw', async (c) => {
    if (c.user) {
      await c.w.t.request('POST', '/api/volunteers/me/consents', {
        cookie: c.user.cookie,
        body: { purpose: 'publication', version: CONSENT_VERSION, agreed: true },
      });
    }
    return { params: { purpose: 'publication' } };
  }),
  {
    // Coordinators of any centre see a card: in full when the volunteer belongs to their centre,
    // otherwise the fields the volunteer chose; the operator likewise; others: hidden.
    route: 'GET /api/volunteers/:userId',
    scoped: true,
    expect: each((a) =>
      a === 'anonymous'
        ? 401
        : a === 'orgRep'
          ? 404
          : VOLUNTEER_KINDS.includes(a)
            ? { own: 'ok', foreign: 404 }
            : 'ok',
    ),
    request: (c) => ({ params: { userId: c.subject.id } }),
  },
  {
    // The photo is not among the fields the volunteers chose to show to other centres.
    route: 'GET /api/volunteers/:userId/photo',
    scoped: true,
    expect: each((a) =>
      a === 'anonymous'
        ? 401
        : VOLUNTEER_KINDS.includes(a) || coordinator(a)
          ? { own: 'ok', foreign: 404 }
          : 404,
    ),
    request: (c) => ({ params: { userId: c.subject.id } }),
  },
  signedIn('PUT /api/volunteers/me/photo', () => raw(PNG)),
  signedIn('DELETE /api/volunteers/me/photo', async (c) => ({ cookie: await twinSession(c) })),

  signedIn('GET /api/squads/mine'),
  signedInScoped('GET /api/centers/:id/squads', (c) => ({ params: { id: c.S.center.id } })),
  {
    route: 'GET /api/public/centers/:id/squads',
    scoped: false,
    expect: PUBLIC,
    request: (c) => ({ params: { id: c.S.center.id } }),
  },
  {
    route: 'POST /api/squads',
    scoped: true,
    expect: SQUAD_COORDINATORS,
    request: (c) => ({ body: { centerId: c.S.center.id, name: `Отряд «Дружба» ${++n}` } }),
  },
  signedInScoped('GET /api/squads/:id', (c) => ({ params: { id: c.S.squad.id } })),
  {
    route: 'PATCH /api/squads/:id',
    scoped: true,
    expect: SQUAD_MANAGERS,
    request: (c) => ({ params: { id: c.S.squad.id }, body: { focus: `Помощь пожилым ${++n}` } }),
  },
  signedInScoped('POST /api/squads/:id/join', async (c) => ({
    params: { id: (await c.fresh.squad(c.S)).id },
  })),
  signedInScoped('POST /api/squads/join-by-code', async (c) => ({
    body: { code: (await c.fresh.squad(c.S)).code },
  })),
  // Own: a squad I am in; foreign: one I am not in (leaving it changes nothing).
  signedInScoped('POST /api/squads/:id/leave', async (c) => ({
    params: {
      id: (await c.fresh.squad(c.S, { members: c.user && c.scope === 'own' ? [c.user.id] : [] })).id,
    },
  })),
  {
    route: 'POST /api/squads/:id/members/:userId',
    scoped: true,
    expect: SQUAD_MANAGERS,
    request: async (c) => {
      const requester = (await c.fresh.stranger()).id;
      const squad = await c.fresh.squad(c.S, { leaders: [c.S.leader.id], requested: [requester] });
      return { params: { id: squad.id, userId: requester }, body: { action: 'approve' } };
    },
  },
  {
    // Own: an invitation to lead a squad, made to me; foreign: one made to someone else (hidden).
    route: 'POST /api/squads/:id/leadership/accept',
    scoped: true,
    expect: OWN_ONLY,
    request: async (c) => ({ params: { id: await c.fresh.leaderInvitation(c.S, c.me.id) } }),
  },
  {
    route: 'POST /api/squads/:id/leadership/decline',
    scoped: true,
    expect: OWN_ONLY,
    request: async (c) => ({ params: { id: await c.fresh.leaderInvitation(c.S, c.me.id) } }),
  },
  {
    route: 'DELETE /api/squads/:id/leader-invitations/:userId',
    scoped: true,
    expect: SQUAD_COORDINATORS,
    request: async (c) => {
      const invitee = (await c.fresh.stranger()).id;
      return { params: { id: await c.fresh.leaderInvitation(c.S, invitee), userId: invitee } };
    },
  },
  {
    // An invitation to lead, to an active member; they lead only once they accept (scenarios.test.ts).
    route: 'POST /api/squads/:id/leaders',
    scoped: true,
    expect: SQUAD_COORDINATORS,
    request: async (c) => {
      const member = (await c.fresh.stranger()).id;
      const squad = await c.fresh.squad(c.S, { members: [member] });
      return { params: { id: squad.id }, body: { userId: member } };
    },
  },
];
