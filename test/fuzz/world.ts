/**
 * A small region for the fuzzer: two municipalities, an organization with its representative and a
 * centre with its coordinator, a second centre, a published opportunity with shifts (one with roles),
 * a volunteer signed up, a squad, a work-log entry, a plan target, an application in review — and one
 * real session per role. The pools of real ids are read from the database before each operation, so
 * what the fuzzer itself creates is used too.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { sessionCookie, type TestPlatform } from '../support/app.js';
import { seedDefaults } from '../support/applications.fixtures.js';
import {
  buildApplication,
  buildCenter,
  buildMunicipality,
  buildOrganization,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../support/factories.js';
import { buildShift, setProfile } from '../support/signups.fixtures.js';

export const ROLES = ['anonymous', 'volunteer', 'representative', 'coordinator', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Path segment or field name (without `Id`) → the table its ids come from. */
const TABLES: Record<string, string> = {
  centers: 'centers',
  center: 'centers',
  homeCenter: 'centers',
  organizations: 'organizations',
  organization: 'organizations',
  partner: 'organizations',
  municipality: 'municipalities',
  municipalities: 'municipalities',
  predecessor: 'municipalities',
  predecessors: 'municipalities',
  existing: 'municipalities',
  users: 'users',
  user: 'users',
  leaderUser: 'users',
  representatives: 'users',
  volunteers: 'users',
  members: 'users',
  'leader-invitations': 'users',
  applications: 'center_applications',
  notifications: 'notifications',
  targets: 'rollout_targets',
  target: 'rollout_targets',
  'work-log': 'work_log_entries',
  entry: 'work_log_entries',
  rounds: 'monitoring_rounds',
  round: 'monitoring_rounds',
  shifts: 'shifts',
  shift: 'shifts',
  signups: 'signups',
  signup: 'signups',
  swaps: 'signup_swaps',
  opportunities: 'opportunities',
  opportunity: 'opportunities',
  series: 'shift_series',
  template: 'shift_templates',
  role: 'shift_roles',
  squads: 'squads',
  squad: 'squads',
  'walk-ins': 'shift_walk_ins',
  sessions: 'sessions',
};

export type World = Awaited<ReturnType<typeof buildFuzzWorld>>;

export async function buildFuzzWorld(t: TestPlatform) {
  const db = t.db;
  await seedDefaults(db);
  const region = await buildRegion(db);
  const m1 = await buildMunicipality(db, { regionId: region.id, name_ru: 'Юргинский городской округ' });
  const m2 = await buildMunicipality(db, { regionId: region.id, name_ru: 'Беловский округ' });
  const organization = await buildOrganization(db, { municipalityId: m1.id, name: 'Дом молодёжи «Юрга»' });
  const center = await db
    .insertInto('centers')
    .values({
      organization_id: organization.id,
      municipality_id: m1.id,
      name: 'Добро.Центр Юрги',
      status: 'active',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await buildCenter(db, { municipalityId: m2.id, name: 'Добро.Центр Белова' });
  await buildApplication(db, { municipalityId: m2.id, stage: 'submitted' });

  const users = {
    operator: await buildUser(db, {
      role: 'regional_admin',
      scopeId: region.id,
      displayName: 'Олег Оператор',
    }),
    coordinator: await buildUser(db, {
      role: 'center_coordinator',
      scopeId: center.id,
      displayName: 'Мария Координатор',
    }),
    representative: await buildUser(db, {
      role: 'org_representative',
      scopeId: organization.id,
      displayName: 'Анна Представитель',
    }),
    volunteer: await buildUser(db, { role: 'volunteer', displayName: 'Пётр Волонтёр' }),
  };
  // other people the fuzzer may name by e-mail (never the role users: failed logins would lock them out)
  const others = [
    await buildUser(db, { role: 'volunteer', displayName: 'Ольга Другая' }),
    await buildUser(db, { role: 'volunteer', displayName: 'Иван Третий' }),
  ];
  for (const user of [users.volunteer, ...others]) {
    await setProfile(db, user.id, { birthDate: '1995-05-05', consent: true });
  }

  const now = t.clock.now().getTime();
  const day = 86_400_000;
  const shift = await buildShift(db, { centerId: center.id, startsAt: new Date(now + 3 * day), capacity: 5 });
  await buildShift(db, {
    centerId: center.id,
    startsAt: new Date(now + 5 * day),
    capacity: 4,
    roles: [{ name: 'Раздача', capacity: 2 }],
  });

  const world = {
    region,
    municipalities: [m1, m2],
    organization,
    center,
    users,
    others,
    shiftId: shift.id,
    cookies: {} as Record<Role, string | null>,
  };
  await loginAll(t, world);

  // a few things made through the API, as people make them
  const as = (role: Role) => ({ cookie: world.cookies[role] });
  const signup = await t.request('POST', `/api/shifts/${shift.id}/signups`, { ...as('volunteer'), body: {} });
  expect(signup.statusCode, signup.body).toBeLessThan(300);
  const squad = await t.request('POST', '/api/squads', {
    ...as('coordinator'),
    body: { centerId: center.id, name: 'Отряд «Рассвет»' },
  });
  expect(squad.statusCode, squad.body).toBeLessThan(300);
  const entry = await t.request('POST', `/api/centers/${center.id}/work-log`, {
    ...as('coordinator'),
    body: { kind: 'consultation', audience: 'volunteers', occurredOn: '2026-11-20', title: 'Консультация' },
  });
  expect(entry.statusCode, entry.body).toBeLessThan(300);
  const target = await t.request('POST', '/api/plan/targets', {
    ...as('operator'),
    body: { kind: 'active_centers', dueDate: '2027-12-31', target: 10, comment: 'План на 2027' },
  });
  expect(target.statusCode, target.body).toBeLessThan(300);
  return world;
}

export async function login(t: TestPlatform, email: string): Promise<string> {
  const res = await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return sessionCookie(res);
}

export async function loginAll(
  t: TestPlatform,
  world: { users: Record<string, { email: string }>; cookies: Record<Role, string | null> },
) {
  world.cookies.anonymous = null;
  for (const role of ROLES) {
    if (role !== 'anonymous')
      world.cookies[role] = await login(t, (world.users[role] as { email: string }).email);
  }
}

/** The role's session still works (a fuzzed logout or session end may have ended it); else a new one. */
export async function ensureSession(t: TestPlatform, world: World, role: Role) {
  const cookie = world.cookies[role];
  if (!cookie) return;
  const me = await t.request('GET', '/api/me', { cookie });
  if (me.statusCode !== 200)
    world.cookies[role] = await login(t, world.users[role as Exclude<Role, 'anonymous'>].email);
}

/** Real ids and values per hint (a path segment or a field name), read fresh from the database. */
export async function readPools(t: TestPlatform, world: World) {
  const ids = new Map<string, string[]>();
  const all: string[] = [];
  for (const table of new Set(Object.values(TABLES))) {
    try {
      const { rows } = await sql<{
        id: string;
      }>`select id::text as id from ${sql.table(table)} order by random() limit 20`.execute(t.db);
      ids.set(
        table,
        rows.map((r) => r.id),
      );
      all.push(...rows.map((r) => r.id));
    } catch {
      ids.set(table, []);
    }
  }
  const codes = async (table: string) => {
    const { rows } = await sql<{ code: string }>`select code from ${sql.table(table)}`.execute(t.db);
    return rows.map((r) => r.code);
  };
  const stageCodes = await codes('application_stages');
  const kindCodes = await codes('application_document_kinds');
  const serviceCodes = await codes('center_service_kinds');
  const emails = [...world.others.map((u) => u.email), 'nobody@example.ru'];
  return {
    uuids: (hint: string) => {
      const key = hint.replace(/Ids?$/, '');
      const table = TABLES[key];
      const own = table ? (ids.get(table) ?? []) : [];
      return own.length > 0 ? own : all;
    },
    codes: (hint: string) =>
      hint === 'application-stages' ? stageCodes : hint === 'center-service-kinds' ? serviceCodes : kindCodes,
    emails: () => emails,
  };
}
export type WorldPools = Awaited<ReturnType<typeof readPools>>;
