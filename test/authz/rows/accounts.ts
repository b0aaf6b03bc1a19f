/** Rows: system and documentation, authentication, the signed-in account, sessions, notifications. */
import { PERSONAL_DATA_CONSENT_VERSION } from '../../../src/shared/limits.js';
import { TEST_PASSWORD } from '../../support/factories.js';
import {
  type Cell,
  OWN_ONLY,
  PUBLIC,
  type Row,
  SIGNED_IN,
  throwawaySession,
  twinSession,
} from '../matrix.js';

const get = (route: string, query?: string): Row => ({
  route: `GET ${route}`,
  scoped: false,
  expect: PUBLIC,
  request: () => ({ query }),
});

/** The id of a new session of `email`'s account (as its owner sees it in the list). */
async function newSessionId(c: Cell, email: string) {
  const cookie = await c.fresh.login(email);
  const res = await c.w.t.request('GET', '/api/me/sessions', { cookie });
  const current = (res.json() as { items: { id: string; current: boolean }[] }).items.find((s) => s.current);
  if (!current) throw new Error('no current session');
  return current.id;
}

let registered = 0;

export const accountRows: Row[] = [
  get('/api/health'),
  get('/api/ready'),
  get('/api/public/config'),
  get('/api/openapi.json'),
  { ...get('/api/docs'), alsoAllowed: [302] },
  { ...get('/api/docs/'), alsoAllowed: [302] },
  { ...get('/api/docs/static/index.html'), alsoAllowed: [302] },
  get('/api/docs/static/swagger-initializer.js'),
  get('/api/docs/json'),
  get('/api/docs/yaml'),
  {
    route: 'GET /api/docs/*',
    scoped: false,
    expect: PUBLIC,
    request: () => ({ params: { '*': 'static/swagger-ui.css' } }),
  },

  {
    route: 'POST /api/auth/register',
    scoped: false,
    expect: PUBLIC,
    request: (c) => ({
      body: {
        email: `reg-${++registered}-${c.actor}@example.ru`,
        password: TEST_PASSWORD,
        displayName: 'Новый Человек',
        consent: { personalData: true, version: PERSONAL_DATA_CONSENT_VERSION },
      },
    }),
  },
  {
    route: 'POST /api/auth/verify-email',
    scoped: false,
    expect: PUBLIC,
    request: async (c) => ({ body: { token: await c.fresh.verificationToken() } }),
  },
  {
    route: 'POST /api/auth/resend-verification',
    scoped: false,
    expect: PUBLIC,
    request: (c) => ({ body: { email: c.S.volunteer.email } }),
  },
  {
    // Logging in ends the session the browser presented: the cell presents a throwaway one.
    route: 'POST /api/auth/login',
    scoped: false,
    expect: PUBLIC,
    request: async (c) => ({
      body: { email: (c.user ?? c.S.volunteer).email, password: TEST_PASSWORD },
      cookie: await throwawaySession(c),
    }),
  },
  {
    route: 'POST /api/auth/logout',
    scoped: false,
    expect: PUBLIC,
    request: async (c) => ({ cookie: await throwawaySession(c) }),
  },
  {
    route: 'POST /api/auth/password-reset/request',
    scoped: false,
    expect: PUBLIC,
    request: (c) => ({ body: { email: c.S.volunteer.email } }),
  },
  {
    route: 'POST /api/auth/password-reset/confirm',
    scoped: false,
    expect: PUBLIC,
    request: async (c) => ({
      body: { token: await c.fresh.resetToken(), password: 'Другой-надёжный-пароль-2027' },
    }),
  },

  { route: 'GET /api/me', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  {
    route: 'PATCH /api/me',
    scoped: false,
    expect: SIGNED_IN,
    request: () => ({ body: { locale: 'ru' } }),
  },
  {
    // Changing the password ends the other sessions: a twin of the actor's kind does it.
    route: 'POST /api/me/password',
    scoped: false,
    expect: SIGNED_IN,
    request: async (c) => ({
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Другой-надёжный-пароль-2027' },
      cookie: await twinSession(c),
    }),
  },
  { route: 'GET /api/me/sessions', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  {
    // Own: another session of mine; foreign: someone else's session (hidden).
    route: 'DELETE /api/me/sessions/:id',
    scoped: true,
    expect: OWN_ONLY,
    request: async (c) => ({ params: { id: await newSessionId(c, c.me.email) } }),
  },
  {
    route: 'POST /api/me/sessions/end-all',
    scoped: false,
    expect: SIGNED_IN,
    request: async (c) => ({ cookie: await twinSession(c) }),
  },

  { route: 'GET /api/me/notifications', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  {
    route: 'GET /api/me/notifications/unread-count',
    scoped: false,
    expect: SIGNED_IN,
    request: () => ({}),
  },
  { route: 'POST /api/me/notifications/read-all', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  {
    route: 'POST /api/me/notifications/:id/read',
    scoped: true,
    expect: OWN_ONLY,
    request: async (c) => ({ params: { id: await c.fresh.notification(c.me.id) } }),
  },
];
