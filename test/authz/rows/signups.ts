/**
 * Rows: signups (the volunteer acts on their own, the shift's coordinators and the operator decide;
 * a signup or shift one has nothing to do with is hidden), swaps, team signup and check-in.
 */
import { CENTRE_STAFF, type Cell, each, OWN_ONLY, type Row, SIGNED_IN, VOLUNTEER_KINDS } from '../matrix.js';
import { MINUTE } from '../world.js';

/** The volunteer on their own signup, or the shift's coordinators and the operator. */
const OWNER_OR_STAFF = each((a) =>
  a === 'anonymous' ? 401 : a === 'operator' ? 'ok' : a === 'orgRep' ? 404 : { own: 'ok', foreign: 404 },
);
/** Only the volunteer whose signup it is; the shift's staff see it but may not (403). */
const OWNER = each((a) =>
  a === 'anonymous'
    ? 401
    : a === 'operator'
      ? 403
      : a === 'orgRep'
        ? 404
        : VOLUNTEER_KINDS.includes(a)
          ? { own: 'ok', foreign: 404 }
          : { own: 403, foreign: 404 },
);
/** Only the shift's staff; the volunteer sees their own signup but may not decide on it (403). */
const STAFF_ON_SIGNUP = each((a) =>
  a === 'anonymous'
    ? 401
    : a === 'operator'
      ? 'ok'
      : a === 'orgRep'
        ? 404
        : VOLUNTEER_KINDS.includes(a)
          ? { own: 403, foreign: 404 }
          : { own: 'ok', foreign: 404 },
);
/** The offer of a swap: the owner of the signup only; to everyone else the signup does not exist. */
const OWNER_HIDDEN = each((a) =>
  a === 'anonymous' ? 401 : VOLUNTEER_KINDS.includes(a) ? { own: 'ok', foreign: 404 } : 404,
);

/** A signup of the cell's subject on a fresh shift of the cell's side. */
const signupOf = async (c: Cell, opts: Parameters<Cell['fresh']['signup']>[2] = {}) =>
  (await c.fresh.signup(c.S, c.subject.id, opts)).id;

/** The check-in token of a shift, as its coordinators print it. */
async function tokenOf(c: Cell, shiftId: string) {
  const res = await c.w.t.request('GET', `/api/shifts/${shiftId}/checkin-code`, {
    cookie: c.w.operator.cookie,
  });
  return (res.json() as { token: string }).token;
}

const staff = (route: string, request: Row['request']): Row => ({
  route,
  scoped: true,
  expect: CENTRE_STAFF(404),
  request,
});

export const signupRows: Row[] = [
  {
    // Anyone signed in may sign up for a published shift of any centre, once they may volunteer (a
    // profile and the consent to volunteer): the staff accounts of the world have neither (409).
    route: 'POST /api/shifts/:id/signups',
    scoped: true,
    expect: each((a) => (a === 'anonymous' ? 401 : VOLUNTEER_KINDS.includes(a) ? 'ok' : 409)),
    request: async (c) => ({ params: { id: (await c.fresh.shift(c.S)).id }, body: {} }),
  },
  { route: 'GET /api/my/signups', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  {
    route: 'POST /api/signups/:id/cancel',
    scoped: true,
    expect: OWNER_OR_STAFF,
    request: async (c) => ({ params: { id: await signupOf(c) }, body: { reason: 'Заболел' } }),
  },
  {
    route: 'POST /api/signups/:id/accept',
    scoped: true,
    expect: OWNER,
    request: async (c) => ({ params: { id: await signupOf(c, { status: 'offered' }) } }),
  },
  {
    route: 'POST /api/signups/:id/pass',
    scoped: true,
    expect: OWNER,
    request: async (c) => ({ params: { id: await signupOf(c, { status: 'offered' }) } }),
  },
  {
    route: 'POST /api/signups/:id/approve',
    scoped: true,
    expect: STAFF_ON_SIGNUP,
    request: async (c) => ({ params: { id: await signupOf(c, { status: 'applied', mode: 'approval' }) } }),
  },
  {
    route: 'POST /api/signups/:id/decline',
    scoped: true,
    expect: STAFF_ON_SIGNUP,
    request: async (c) => ({
      params: { id: await signupOf(c, { status: 'applied', mode: 'approval' }) },
      body: { reason: 'Нужны только водители' },
    }),
  },
  {
    route: 'POST /api/signups/:id/attendance',
    scoped: true,
    expect: STAFF_ON_SIGNUP,
    request: async (c) => ({
      params: { id: await signupOf(c, { startsIn: -30 * MINUTE }) },
      body: { status: 'attended' },
    }),
  },
  staff('GET /api/shifts/:id/roster', (c) => ({ params: { id: c.S.shiftId } })),
  staff('GET /api/shifts/:id/roster.csv', (c) => ({ params: { id: c.S.shiftId } })),
  staff('GET /api/shifts/:id/roster.xlsx', (c) => ({ params: { id: c.S.shiftId } })),
  staff('GET /api/shifts/:id/roster.pdf', (c) => ({ params: { id: c.S.shiftId } })),
  // Directly only someone related to the centre by their own act: here a member of one of its squads.
  staff('POST /api/shifts/:id/assign', async (c) => {
    const member = (await c.fresh.stranger()).id;
    await c.fresh.squad(c.S, { members: [member] });
    return { params: { id: (await c.fresh.shift(c.S)).id }, body: { userId: member } };
  }),
  staff('GET /api/shifts/:id/candidates', (c) => ({ params: { id: c.S.shiftId } })),
  staff('POST /api/shifts/:id/invitations', async (c) => ({
    params: { id: c.S.shiftId },
    body: { email: (await c.fresh.stranger()).email },
  })),
  staff('POST /api/invitations/:id/withdraw', async (c) => ({
    params: { id: await c.fresh.shiftInvitation(c.S, (await c.fresh.stranger()).email) },
  })),
  {
    // Own: an invitation to my address; foreign: one to someone else's (hidden). Taking the place needs
    // the consent to volunteer, which the staff accounts of the world have not given (409).
    route: 'POST /api/invitations/:id/accept',
    scoped: true,
    expect: each((a) =>
      a === 'anonymous' ? 401 : { own: VOLUNTEER_KINDS.includes(a) ? 'ok' : 409, foreign: 404 },
    ),
    request: async (c) => ({ params: { id: await c.fresh.shiftInvitation(c.S, c.me.email) } }),
  },
  {
    route: 'POST /api/invitations/:id/decline',
    scoped: true,
    expect: OWN_ONLY,
    request: async (c) => ({ params: { id: await c.fresh.shiftInvitation(c.S, c.me.email) } }),
  },
  staff('POST /api/shifts/:id/message', (c) => ({
    params: { id: c.S.shiftId },
    body: { text: 'Сбор у главного входа в 9:45' },
  })),
  {
    // Offered to an address whether an account has it or not: the same answer (here one without).
    route: 'POST /api/signups/:id/swaps',
    scoped: true,
    expect: OWNER_HIDDEN,
    request: async (c) => ({
      params: { id: await signupOf(c) },
      body: { email: 'nobody-here@example.ru' },
    }),
  },
  {
    // Own: a swap offered to me; foreign: one offered to someone else. Taking the place needs the
    // consent to volunteer, which the staff accounts of the world have not given (409).
    route: 'POST /api/swaps/:id/accept',
    scoped: true,
    expect: each((a) =>
      a === 'anonymous' ? 401 : { own: VOLUNTEER_KINDS.includes(a) ? 'ok' : 409, foreign: 404 },
    ),
    request: async (c) => ({
      params: { id: await c.fresh.swap(c.S, (await c.fresh.stranger()).id, c.me.id) },
    }),
  },
  {
    route: 'POST /api/swaps/:id/decline',
    scoped: true,
    expect: OWN_ONLY,
    request: async (c) => ({
      params: { id: await c.fresh.swap(c.S, (await c.fresh.stranger()).id, c.me.id) },
    }),
  },
  {
    // The leader signs their own squad up; a squad one does not lead is refused (403) to everyone.
    route: 'POST /api/shifts/:id/team-signups',
    scoped: true,
    expect: each((a) => (a === 'anonymous' ? 401 : a === 'leader' ? { own: 'ok', foreign: 403 } : 403)),
    request: async (c) => ({
      params: { id: (await c.fresh.shift(c.S)).id },
      body: { squadId: c.S.squad.id, userIds: [c.S.volunteer.id], mode: 'as_many_as_fit' },
    }),
  },

  staff('GET /api/shifts/:id/checkin-code', (c) => ({ params: { id: c.S.shiftId } })),
  staff('POST /api/shifts/:id/checkin-code/rotate', (c) => ({ params: { id: c.S.shiftId } })),
  {
    // Own: a shift I am signed up for (under way); foreign: one I am not (409 not_signed_up).
    route: 'POST /api/check-in',
    scoped: true,
    expect: each((a) => (a === 'anonymous' ? 401 : { own: 'ok', foreign: 409 })),
    request: async (c) => {
      const who = c.scope === 'own' && c.user ? c.user.id : c.S.volunteer.id;
      const { shiftId } = await c.fresh.signup(c.S, who, { startsIn: 30 * MINUTE });
      return { body: { token: await tokenOf(c, shiftId) } };
    },
  },
  staff('GET /api/shifts/:id/desk', (c) => ({ params: { id: c.S.shiftId } })),
  {
    route: 'POST /api/signups/:id/desk',
    scoped: true,
    expect: CENTRE_STAFF(404),
    request: async (c) => ({
      params: { id: await signupOf(c, { startsIn: 30 * MINUTE }) },
      body: { action: 'check_in' },
    }),
  },
  staff('POST /api/shifts/:id/walk-ins', async (c) => ({
    params: { id: c.allowed ? (await c.fresh.shift(c.S, { startsIn: -30 * MINUTE })).id : c.S.shiftId },
    body: { fullName: 'Иван Без Аккаунта' },
  })),
  staff('POST /api/walk-ins/:id/check-out', async (c) => ({ params: { id: await c.fresh.walkIn(c.S) } })),
  staff('POST /api/walk-ins/:id/remove', async (c) => ({
    params: { id: await c.fresh.walkIn(c.S) },
    body: { reason: 'Добавлен по ошибке' },
  })),
];
