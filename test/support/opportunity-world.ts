/** Test fixtures for the opportunities tests: a region in Asia/Novokuznetsk with centres and people. */
import { sql } from 'kysely';
import { seedOpportunityCategories } from '../../src/server/modules/opportunities/index.js';
import { createTestPlatform, sessionCookie, type TestPlatform } from './app.js';
import { buildCenter, buildMunicipality, buildRegion, buildUser, TEST_PASSWORD } from './factories.js';

export async function opportunityWorld() {
  const t: TestPlatform = await createTestPlatform();
  await seedOpportunityCategories(t.db);
  const region = await buildRegion(t.db);
  const kemerovo = await buildMunicipality(t.db, {
    regionId: region.id,
    name_ru: 'Кемеровский городской округ',
  });
  const novokuznetsk = await buildMunicipality(t.db, {
    regionId: region.id,
    name_ru: 'Новокузнецкий городской округ',
  });
  const centerA = await buildCenter(t.db, { municipalityId: kemerovo.id, name: 'Добро.Центр Кемерово' });
  const centerB = await buildCenter(t.db, {
    municipalityId: novokuznetsk.id,
    name: 'Добро.Центр Новокузнецк',
  });
  const suspended = await buildCenter(t.db, { municipalityId: kemerovo.id, status: 'suspended' });
  const login = async (email: string) =>
    sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
  const coordA = await buildUser(t.db, { role: 'center_coordinator', scopeId: centerA.id });
  const coordB = await buildUser(t.db, { role: 'center_coordinator', scopeId: centerB.id });
  const operator = await buildUser(t.db, { role: 'regional_admin', scopeId: region.id });
  const volunteer = await buildUser(t.db, { role: 'volunteer' });
  const cookies = {
    coordA: await login(coordA.email),
    coordB: await login(coordB.email),
    operator: await login(operator.email),
    volunteer: await login(volunteer.email),
  };

  /** Creates (and by default publishes) an opportunity of `centerId` with one shift per `shifts` entry. */
  async function opportunity(
    body: Record<string, unknown>,
    options: {
      centerId?: string;
      cookie?: string;
      publish?: boolean;
      shifts?: { startsAt: string; hours?: number; capacity?: number }[];
    } = {},
  ) {
    const cookie = options.cookie ?? (options.centerId === centerB.id ? cookies.coordB : cookies.operator);
    const created = await t.request('POST', `/api/centers/${options.centerId ?? centerA.id}/opportunities`, {
      cookie,
      body,
    });
    if (created.statusCode !== 201) throw new Error(created.body);
    const id = created.json().opportunity.id as string;
    for (const s of options.shifts ?? [{ startsAt: '2026-12-05T03:00:00Z' }]) {
      const end = new Date(Date.parse(s.startsAt) + (s.hours ?? 3) * 3_600_000).toISOString();
      const r = await t.request('POST', `/api/opportunities/${id}/shifts`, {
        cookie,
        body: { startsAt: s.startsAt, endsAt: end, capacity: s.capacity ?? 5 },
      });
      if (r.statusCode !== 201) throw new Error(r.body);
    }
    if (options.publish !== false) {
      const r = await t.request('PATCH', `/api/opportunities/${id}`, {
        cookie,
        body: { status: 'published' },
      });
      if (r.statusCode !== 200) throw new Error(r.body);
    }
    return id;
  }

  /** A confirmed signup straight in the database (the signups module owns the real flow). */
  async function confirm(shiftId: string, userId?: string, status = 'confirmed') {
    const user = userId ?? (await buildUser(t.db)).id;
    const cancelledBy = status === 'cancelled' ? 'volunteer' : null;
    await sql`insert into signups (shift_id, user_id, status, cancelled_by, created_at, updated_at)
      values (${shiftId}, ${user}, ${status}, ${cancelledBy}, now(), now())`.execute(t.db);
    return user;
  }

  return {
    t,
    region,
    kemerovo,
    novokuznetsk,
    centerA,
    centerB,
    suspended,
    cookies,
    volunteer,
    opportunity,
    confirm,
  };
}
export type OpportunityWorld = Awaited<ReturnType<typeof opportunityWorld>>;
