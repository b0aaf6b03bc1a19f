/** Factories build what a test needs, creating missing parents, so each test owns its data. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/server/platform/crypto.js';
import type { Database, MunicipalityKind } from '../../src/server/platform/db/schema.js';

type Db = Kysely<Database>;
const uid = () => randomUUID().slice(0, 8);

export async function buildRegion(db: Db, over: Partial<Database['regions']> = {}) {
  const existing = await db
    .selectFrom('regions')
    .selectAll()
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (existing && Object.keys(over).length === 0) return existing;
  return db
    .insertInto('regions')
    .values({
      slug: `region-${uid()}`,
      name_ru: 'Тестовая область',
      name_en: 'Test Oblast',
      timezone: 'Asia/Novokuznetsk',
      population: null,
      program_since: 2021,
      ...over,
    } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildMunicipality(
  db: Db,
  over: {
    regionId?: string;
    slug?: string;
    name_ru?: string;
    population?: number | null;
    kind?: MunicipalityKind;
    effective_from?: string;
    effective_to?: string | null;
    predecessor_id?: string | null;
  } = {},
) {
  const regionId = over.regionId ?? (await buildRegion(db)).id;
  const slug = over.slug ?? `m-${uid()}`;
  return db
    .insertInto('municipalities')
    .values({
      region_id: regionId,
      slug,
      name_ru: over.name_ru ?? `Муниципалитет ${slug}`,
      name_en: `Municipality ${slug}`,
      kind: over.kind ?? 'urban_okrug',
      admin_center_ru: 'г. Тест',
      lat: 55.35,
      lon: 86.08,
      population: over.population === undefined ? 1000 : over.population,
      population_year: 2021,
      ...(over.effective_from ? { effective_from: over.effective_from } : {}),
      effective_to: over.effective_to ?? null,
      predecessor_id: over.predecessor_id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildOrganization(db: Db, over: { municipalityId?: string; name?: string } = {}) {
  const municipality = over.municipalityId
    ? await db
        .selectFrom('municipalities')
        .selectAll()
        .where('id', '=', over.municipalityId)
        .executeTakeFirstOrThrow()
    : await buildMunicipality(db);
  return db
    .insertInto('organizations')
    .values({
      region_id: municipality.region_id,
      municipality_id: municipality.id,
      name: over.name ?? `Организация ${uid()}`,
      kind: 'education',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildCenter(
  db: Db,
  over: { municipalityId?: string; status?: 'active' | 'suspended' | 'closed'; name?: string } = {},
) {
  const org = await buildOrganization(db, { municipalityId: over.municipalityId });
  return db
    .insertInto('centers')
    .values({
      organization_id: org.id,
      municipality_id: org.municipality_id,
      name: over.name ?? `Добро.Центр ${uid()}`,
      status: over.status ?? 'active',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildApplication(db: Db, over: { municipalityId?: string; stage?: string } = {}) {
  const org = await buildOrganization(db, { municipalityId: over.municipalityId });
  return db
    .insertInto('center_applications')
    .values({
      organization_id: org.id,
      municipality_id: org.municipality_id,
      stage: over.stage ?? 'licence_agreement',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const TEST_PASSWORD = 'Надёжный-пароль-2026';

/** A verified user who can log in with TEST_PASSWORD (hash computed once per process). */
let cachedHash: Promise<string> | null = null;
export async function buildUser(
  db: Db,
  over: {
    email?: string;
    displayName?: string;
    verified?: boolean;
    role?: Database['role_assignments']['role'];
    scopeId?: string | null;
  } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const now = new Date();
  const user = await db
    .insertInto('users')
    .values({
      email: over.email ?? `user-${uid()}@example.ru`,
      display_name: over.displayName ?? 'Тестовый Пользователь',
      password_hash: await cachedHash,
      email_verified_at: over.verified === false ? null : now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (over.role) {
    const scopeType =
      over.role === 'regional_admin'
        ? 'region'
        : over.role === 'center_coordinator'
          ? 'center'
          : over.role === 'org_representative'
            ? 'organization'
            : 'self';
    const scopeId =
      scopeType === 'self'
        ? null
        : (over.scopeId ?? (scopeType === 'region' ? (await buildRegion(db)).id : null));
    await db
      .insertInto('role_assignments')
      .values({ user_id: user.id, role: over.role, scope_type: scopeType, scope_id: scopeId })
      .execute();
  }
  return user;
}

/**
 * A recorded municipal change straight in the database (as the seed or an older installation has them):
 * the change row, predecessors ended on the day and one lineage row per predecessor → successor.
 */
export async function buildMunicipalChange(
  db: Db,
  over: {
    predecessorIds: string[];
    successorId?: string | null;
    effectiveOn: string;
    kind?: Database['municipality_changes']['kind'];
  },
) {
  const first = await db
    .selectFrom('municipalities')
    .select('region_id')
    .where('id', '=', over.predecessorIds[0] as string)
    .executeTakeFirstOrThrow();
  const change = await db
    .insertInto('municipality_changes')
    .values({
      region_id: first.region_id,
      kind: over.kind ?? (over.successorId ? 'merger' : 'abolition'),
      effective_on: over.effectiveOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .updateTable('municipalities')
    .set({ effective_to: over.effectiveOn })
    .where('id', 'in', over.predecessorIds)
    .execute();
  const successorId = over.successorId;
  if (successorId) {
    await db
      .insertInto('municipality_lineage')
      .values(
        over.predecessorIds.map((p) => ({
          change_id: change.id,
          predecessor_id: p,
          successor_id: successorId,
        })),
      )
      .execute();
  }
  return change;
}
