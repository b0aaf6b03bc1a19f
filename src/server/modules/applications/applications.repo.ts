/** Typed SQL for applications, their events and documents. Settings SQL lives in settings.repo.ts. */
import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type {
  ApplicationDocumentsTable,
  ApplicationDocumentVersionsTable,
  ApplicationEventsTable,
} from './applications.tables.js';

type Db = Kysely<Database>;
export type NewApplication = Insertable<Database['center_applications']>;
export type ApplicationUpdate = Updateable<Database['center_applications']>;

/** An application with its organization, region, municipality and the people it names. */
const withContext = (trx: Db) =>
  trx
    .selectFrom('center_applications as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .innerJoin('municipalities as m', 'm.id', 'a.municipality_id')
    .leftJoin('users as owner', 'owner.id', 'a.stage_owner_id')
    .leftJoin('users as creator', 'creator.id', 'a.created_by')
    .selectAll('a')
    .select([
      'o.name as organization_name',
      'o.region_id',
      'o.is_placeholder as organization_is_placeholder',
      'm.name_ru as municipality_name_ru',
      'm.name_en as municipality_name_en',
      'owner.display_name as stage_owner_name',
      'creator.display_name as created_by_name',
      (eb) =>
        eb
          .selectFrom('application_documents as d')
          .innerJoin('application_document_kinds as k', 'k.code', 'd.kind_code')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('d.application_id', '=', 'a.id')
          .where('d.status', '=', 'accepted')
          .where('k.required', '=', true)
          .where('k.active', '=', true)
          .$asScalar()
          .$notNull()
          .as('documents_accepted'),
      (eb) =>
        eb
          .selectFrom('application_documents as d')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('d.application_id', '=', 'a.id')
          .where('d.status', '=', 'pending')
          .$asScalar()
          .$notNull()
          .as('documents_pending'),
    ]);

export type ApplicationRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof withContext>['executeTakeFirst']>>
>;
export type DocumentRow = Selectable<ApplicationDocumentsTable> & { reviewer_name: string | null };

export type ListFilters = {
  scope: { regionId: string; includeDrafts: boolean } | { organizationIds: string[] };
  stage?: string;
  municipalityId?: string;
  q?: string;
  olderThanDay?: string;
  state: 'open' | 'closed' | 'all';
  sort: 'age' | 'updated';
  limit: number;
  offset: number;
};

const FINAL = ['opened', 'rejected', 'withdrawn'];

function filtered(trx: Db, f: ListFilters, withStage: boolean) {
  let q = withContext(trx);
  if ('regionId' in f.scope) {
    q = q.where('o.region_id', '=', f.scope.regionId);
    if (!f.scope.includeDrafts) q = q.where('a.stage', '<>', 'draft');
  } else {
    if (f.scope.organizationIds.length === 0) return null;
    q = q.where('a.organization_id', 'in', f.scope.organizationIds);
  }
  if (f.state === 'open') q = q.where('a.stage', 'not in', FINAL);
  if (f.state === 'closed') q = q.where('a.stage', 'in', FINAL);
  if (withStage && f.stage) q = q.where('a.stage', '=', f.stage);
  if (f.municipalityId) q = q.where('a.municipality_id', '=', f.municipalityId);
  if (f.q?.trim()) {
    const pattern = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('o.name', 'ilike', pattern), eb('a.proposed_name', 'ilike', pattern)]));
  }
  if (f.olderThanDay) q = q.where('a.stage_since', '<=', f.olderThanDay);
  return q;
}

export function createApplicationsRepo(db: Db) {
  return {
    find: (id: string, trx: Db = db) => withContext(trx).where('a.id', '=', id).executeTakeFirst(),

    /** Locks the application row for a transition (two operators cannot race). */
    lock: (id: string, trx: Db) =>
      trx.selectFrom('center_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    insert: (values: NewApplication, trx: Db = db) =>
      trx.insertInto('center_applications').values(values).returning('id').executeTakeFirstOrThrow(),

    update: (id: string, values: ApplicationUpdate, trx: Db = db) =>
      trx.updateTable('center_applications').set(values).where('id', '=', id).execute(),

    /** The organization an application is made for (none: no such organization). */
    organization: (id: string, trx: Db = db) =>
      trx
        .selectFrom('organizations')
        .select(['id', 'region_id', 'name'])
        .where('id', '=', id)
        .executeTakeFirst(),

    /** Whether the municipality is in force in the region on the day. */
    municipalityInForce: async (id: string, regionId: string, day: string, trx: Db = db) =>
      (await trx
        .selectFrom('municipalities')
        .select('id')
        .where('id', '=', id)
        .where('region_id', '=', regionId)
        .where('effective_from', '<=', day)
        .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', day)]))
        .executeTakeFirst()) !== undefined,

    /** Which of the codes are active centre service kinds. */
    activeServiceKinds: async (codes: readonly string[], trx: Db = db) =>
      codes.length === 0
        ? []
        : (
            await trx
              .selectFrom('center_service_kinds')
              .select('code')
              .where('code', 'in', codes)
              .where('active', '=', true)
              .execute()
          ).map((k) => k.code),

    async list(f: ListFilters, trx: Db = db) {
      const q = filtered(trx, f, true);
      if (!q) return { rows: [], total: 0 };
      const sorted =
        f.sort === 'updated'
          ? q.orderBy('a.updated_at', 'desc')
          : q.orderBy(sql`a.stage_since asc nulls last`).orderBy('a.created_at');
      const rows = await sorted.orderBy('a.id').limit(f.limit).offset(f.offset).execute();
      const count = await q
        .clearSelect()
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      return { rows, total: count.n };
    },

    async stageCounts(f: ListFilters, trx: Db = db) {
      const q = filtered(trx, f, false);
      if (!q) return [];
      return q
        .clearSelect()
        .select(['a.stage', sql<number>`count(*)::int`.as('count')])
        .groupBy('a.stage')
        .execute();
    },

    requiredKindCount: async (trx: Db = db) =>
      (
        await trx
          .selectFrom('application_document_kinds')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('required', '=', true)
          .where('active', '=', true)
          .executeTakeFirstOrThrow()
      ).n,

    events: (applicationId: string, trx: Db = db) =>
      trx
        .selectFrom('application_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .selectAll('e')
        .select('u.display_name as actor_name')
        .where('e.application_id', '=', applicationId)
        .orderBy('e.at')
        .orderBy('e.seq')
        .execute(),

    insertEvent: (e: Insertable<ApplicationEventsTable>, trx: Db = db) =>
      trx.insertInto('application_events').values(e).execute(),

    documents: (applicationId: string, trx: Db = db): Promise<DocumentRow[]> =>
      trx
        .selectFrom('application_documents as d')
        .leftJoin('users as u', 'u.id', 'd.reviewer_id')
        .selectAll('d')
        .select('u.display_name as reviewer_name')
        .where('d.application_id', '=', applicationId)
        .execute(),

    versions: (documentIds: string[], trx: Db = db) =>
      documentIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('application_document_versions as v')
            .leftJoin('users as u', 'u.id', 'v.uploaded_by')
            .selectAll('v')
            .select('u.display_name as uploader_name')
            .where('v.document_id', 'in', documentIds)
            .orderBy('v.version', 'desc')
            .execute(),

    lockDocument: (applicationId: string, kind: string, trx: Db) =>
      trx
        .selectFrom('application_documents')
        .selectAll()
        .where('application_id', '=', applicationId)
        .where('kind_code', '=', kind)
        .forUpdate()
        .executeTakeFirst(),

    insertDocument: (applicationId: string, kind: string, at: Date, trx: Db) =>
      trx
        .insertInto('application_documents')
        .values({
          application_id: applicationId,
          kind_code: kind,
          status: 'pending',
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),

    updateDocument: (id: string, values: Updateable<ApplicationDocumentsTable>, trx: Db) =>
      trx.updateTable('application_documents').set(values).where('id', '=', id).execute(),

    maxVersion: async (documentId: string, trx: Db) =>
      (
        await trx
          .selectFrom('application_document_versions')
          .select(sql<number>`coalesce(max(version), 0)::int`.as('n'))
          .where('document_id', '=', documentId)
          .executeTakeFirstOrThrow()
      ).n,

    insertVersion: (v: Insertable<ApplicationDocumentVersionsTable>, trx: Db) =>
      trx.insertInto('application_document_versions').values(v).execute(),

    version: (applicationId: string, kind: string, version: number, trx: Db = db) =>
      trx
        .selectFrom('application_document_versions as v')
        .innerJoin('application_documents as d', 'd.id', 'v.document_id')
        .selectAll('v')
        .where('d.application_id', '=', applicationId)
        .where('d.kind_code', '=', kind)
        .where('v.version', '=', version)
        .executeTakeFirst(),

    /** Active users holding `role` over the scope (representatives of an organization, operators of a region). */
    holders: (role: 'org_representative' | 'regional_admin', scopeId: string, trx: Db = db) =>
      trx
        .selectFrom('role_assignments as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['u.id', 'u.email', 'u.display_name', 'u.locale'])
        .distinct()
        .where('r.role', '=', role)
        .where('r.scope_id', '=', scopeId)
        .where('u.status', '=', 'active')
        .orderBy('u.display_name')
        .execute(),

    usersByEmail: (emails: string[], trx: Db = db) =>
      emails.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('users')
            .select(['id', 'email'])
            .where(
              sql<string>`lower(email)`,
              'in',
              emails.map((e) => e.toLowerCase()),
            )
            .execute(),
  };
}
export type ApplicationsRepo = ReturnType<typeof createApplicationsRepo>;
export type EventRow = Awaited<ReturnType<ApplicationsRepo['events']>>[number];
export type VersionRow = Awaited<ReturnType<ApplicationsRepo['versions']>>[number];
