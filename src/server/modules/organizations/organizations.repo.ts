/** Typed SQL for organizations and their representatives. */
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;
export type OrganizationFilter = {
  q?: string;
  municipalityId?: string;
  kind?: Database['organizations']['kind'];
  /** Limit to these organizations (a representative sees only their own). */
  onlyIds?: string[];
};

const columns = [
  'o.id',
  'o.region_id',
  'o.name',
  'o.kind',
  'o.subkind',
  'o.inn',
  'o.ogrn',
  'o.address',
  'o.phone',
  'o.email',
  'o.website',
  'o.is_placeholder',
  'o.is_demo',
  'o.created_at',
  'o.updated_at',
  'o.version',
  'o.municipality_id',
  'm.name_ru as municipality_name_ru',
  'm.name_en as municipality_name_en',
] as const;

export function createOrganizationsRepo(db: Db) {
  const base = (trx: Db) =>
    trx.selectFrom('organizations as o').innerJoin('municipalities as m', 'm.id', 'o.municipality_id');

  function filtered(trx: Db, regionId: string, f: OrganizationFilter) {
    let q = base(trx).where('o.region_id', '=', regionId);
    if (f.onlyIds) q = f.onlyIds.length ? q.where('o.id', 'in', f.onlyIds) : q.where(sql<boolean>`false`);
    if (f.municipalityId) q = q.where('o.municipality_id', '=', f.municipalityId);
    if (f.kind) q = q.where('o.kind', '=', f.kind);
    if (f.q) {
      const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb(sql`lower(o.name)`, 'like', like), eb('o.inn', '=', f.q as string)]));
    }
    return q;
  }

  return {
    findById: (id: string, trx: Db = db) =>
      base(trx).select(columns).where('o.id', '=', id).executeTakeFirst(),

    findByInn: (inn: string, trx: Db = db) =>
      trx.selectFrom('organizations').select(['id', 'name']).where('inn', '=', inn).executeTakeFirst(),

    list: (regionId: string, f: OrganizationFilter, page: { limit: number; offset: number }, trx: Db = db) =>
      filtered(trx, regionId, f)
        .select(columns)
        .orderBy('o.name')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),

    count: async (regionId: string, f: OrganizationFilter, trx: Db = db) =>
      (await filtered(trx, regionId, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow())
        .n,

    insert: (row: Insertable<Database['organizations']>, trx: Db = db) =>
      trx.insertInto('organizations').values(row).returning('id').executeTakeFirstOrThrow(),

    update: (id: string, patch: Updateable<Database['organizations']>, trx: Db = db) =>
      trx.updateTable('organizations').set(patch).where('id', '=', id).execute(),

    /** Locks the row for the rest of the transaction (concurrent edits of one organization queue up). */
    lock: (id: string, trx: Db) =>
      trx
        .selectFrom('organizations')
        .select(['id', 'region_id', 'is_placeholder', 'name', 'inn', 'ogrn'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    /** Representatives of several organizations in one query (no N+1 on list pages). */
    representatives: (orgIds: string[], trx: Db = db) =>
      orgIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('role_assignments as ra')
            .innerJoin('users as u', 'u.id', 'ra.user_id')
            .select(['ra.scope_id as organization_id', 'u.id as user_id', 'u.display_name', 'u.email'])
            .where('ra.role', '=', 'org_representative')
            .where('ra.scope_type', '=', 'organization')
            .where('ra.scope_id', 'in', orgIds)
            .orderBy('ra.granted_at')
            .execute(),

    /** Pending invitations of several organizations in one query. */
    invitations: (orgIds: string[], trx: Db = db) =>
      orgIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('organization_invitations')
            .selectAll()
            .where('organization_id', 'in', orgIds)
            .orderBy('invited_at')
            .execute(),

    /** Records (or renews) an invitation for an address; returns its id. */
    upsertInvitation: (
      row: { organization_id: string; email: string; invited_by: string; invited_at: Date; expires_at: Date },
      trx: Db,
    ) =>
      trx
        .insertInto('organization_invitations')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['organization_id', 'email']).doUpdateSet({
            invited_by: row.invited_by,
            invited_at: row.invited_at,
            expires_at: row.expires_at,
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow(),

    /** One invitation with its organization, locked for the answer. */
    lockInvitation: (id: string, trx: Db) =>
      trx
        .selectFrom('organization_invitations')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    /** The unexpired invitations addressed to an e-mail address. */
    invitationsFor: (email: string, now: Date, trx: Db = db) =>
      trx
        .selectFrom('organization_invitations as i')
        .innerJoin('organizations as o', 'o.id', 'i.organization_id')
        .select(['i.id', 'i.organization_id', 'o.name', 'i.invited_at', 'i.expires_at'])
        .where('i.email', '=', email)
        .where('i.expires_at', '>', now)
        .orderBy('i.invited_at')
        .execute(),

    deleteInvitation: async (id: string, trx: Db = db) =>
      Number(
        (await trx.deleteFrom('organization_invitations').where('id', '=', id).executeTakeFirst())
          .numDeletedRows,
      ) > 0,

    /** The account registered with an address, if any (addresses are stored normalised). */
    accountByEmail: (email: string, trx: Db = db) =>
      trx.selectFrom('users').select(['id']).where('email', '=', email).executeTakeFirst(),

    person: (userId: string, trx: Db = db) =>
      trx.selectFrom('users').select(['id', 'display_name']).where('id', '=', userId).executeTakeFirst(),

    /** Whether a user still manages the organization: its representative, or the operator of its region. */
    manages: async (orgId: string, userId: string, trx: Db = db) =>
      (
        await sql<{ ok: boolean }>`select exists (
          select 1 from role_assignments ra join organizations o on o.id = ${orgId}
          where ra.user_id = ${userId} and (
            (ra.role = 'org_representative' and ra.scope_type = 'organization' and ra.scope_id = o.id)
            or (ra.role = 'regional_admin' and ra.scope_type = 'region' and ra.scope_id = o.region_id))
        ) as ok`.execute(trx)
      ).rows[0]?.ok === true,

    municipalityInForce: (id: string, regionId: string, day: string, trx: Db = db) =>
      trx
        .selectFrom('municipalities')
        .select(['id'])
        .where('id', '=', id)
        .where('region_id', '=', regionId)
        .where('effective_from', '<=', day)
        .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', day)]))
        .executeTakeFirst(),
  };
}
export type OrganizationsRepo = ReturnType<typeof createOrganizationsRepo>;
export type OrganizationRow = NonNullable<Awaited<ReturnType<OrganizationsRepo['findById']>>>;
