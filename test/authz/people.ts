/** People, sessions and squads for the authorization matrix's world, straight through the platform. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { SESSION_COOKIE } from '../../src/server/platform/auth/session-plugin.js';
import { CONSENT_VERSION } from '../../src/server/seed/volunteers-defaults.js';
import type { TestPlatform } from '../support/app.js';
import { buildUser } from '../support/factories.js';
import { setProfile } from '../support/signups.fixtures.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A 1×1 PNG and a minimal PDF: the bytes decide the type of an upload. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
/** Documents the default checklist needs before an application can be submitted. */
export const SUBMIT_KINDS = ['charter', 'head_appointment'] as const;

export type Person = { id: string; email: string; cookie: string };
export const uid = () => randomUUID().slice(0, 8);

/**
 * A new session of the account, started by the session service as a login does (without spending a
 * password hash per session: logging in itself has its own row in the matrix).
 */
export async function login(t: TestPlatform, email: string) {
  const user = await t.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const { token } = await t.services.sessions.start(user.id, { ip: null, userAgent: null });
  return `${SESSION_COOKIE}=${token}`;
}

export async function ok<T = Record<string, unknown>>(
  res: Promise<{ statusCode: number; body: string; json: () => unknown }>,
  what: string,
): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return (r.body ? r.json() : null) as T;
}

export type AccountOptions = {
  role?: NonNullable<Parameters<typeof buildUser>[1]>['role'];
  scopeId?: string | null;
  name?: string;
  /** null: no volunteer profile and no consent to volunteer (staff accounts). */
  birthDate?: string | null;
  homeCenterId?: string | null;
};

/** A person with a session: a volunteer profile (birth date, home centre) and consent to volunteer. */
export async function person(t: TestPlatform, opts: AccountOptions = {}): Promise<Person> {
  const { id, email } = await account(t, opts);
  return { id, email, cookie: await login(t, email) };
}

/** An account as `person` builds it, without a session. */
export async function account(t: TestPlatform, opts: AccountOptions = {}) {
  const user = await buildUser(t.db, {
    role: opts.role ?? 'volunteer',
    scopeId: opts.scopeId,
    displayName: opts.name ?? 'Тестовый Человек',
  });
  if (opts.birthDate !== null) {
    await setProfile(t.db, user.id, { birthDate: opts.birthDate ?? '1995-05-05' });
    await sql`update volunteer_profiles set home_center_id = ${opts.homeCenterId ?? null},
      visible_fields = '{age_group,skills}' where user_id = ${user.id}`.execute(t.db);
    await sql`insert into consents (user_id, purpose, version, given_at)
      values (${user.id}, 'volunteering', ${CONSENT_VERSION}, ${t.clock.now()})`.execute(t.db);
  }
  return { id: user.id, email: user.email };
}

/** A squad of a centre straight in the database (the squads module owns the real flow). */
export async function insertSquad(
  t: TestPlatform,
  centerId: string,
  opts: { leaders?: string[]; members?: string[]; requested?: string[] } = {},
) {
  const code = uid()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X');
  const { rows } = await sql<{ id: string }>`insert into squads (center_id, name, invite_code)
    values (${centerId}, ${`Отряд ${uid()}`}, ${code}) returning id`.execute(t.db);
  const id = (rows[0] as { id: string }).id;
  const add = async (userId: string, status: 'active' | 'requested') => {
    await sql`insert into squad_members (squad_id, user_id, status, joined_via, requested_at, decided_at)
      values (${id}, ${userId}, ${status}, ${status === 'active' ? 'code' : 'request'}, ${t.clock.now()},
        ${status === 'active' ? t.clock.now() : null})
      on conflict do nothing`.execute(t.db);
  };
  for (const leader of opts.leaders ?? []) {
    await add(leader, 'active');
    await sql`insert into role_assignments (user_id, role, scope_type, scope_id)
      values (${leader}, 'squad_leader', 'squad', ${id})`.execute(t.db);
  }
  for (const m of opts.members ?? []) await add(m, 'active');
  for (const m of opts.requested ?? []) await add(m, 'requested');
  return { id, code };
}
