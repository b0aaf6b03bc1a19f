/** Typed SQL for the registry exports: one query per export, every row of the region, no paging. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export function createExportsRepo(db: Db) {
  return {
    /** Centres of every status with their organization and the municipality they are registered in. */
    centers: (regionId: string, trx: Db = db) =>
      trx
        .selectFrom('centers as c')
        .innerJoin('organizations as o', 'o.id', 'c.organization_id')
        .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .select([
          'c.name',
          'c.status',
          'c.address',
          'c.opened_on',
          'c.is_demo',
          'o.name as organization_name',
          'o.inn as organization_inn',
          'o.ogrn as organization_ogrn',
          'o.is_placeholder as organization_is_placeholder',
          'm.name_ru as municipality_name_ru',
          'm.kind as municipality_kind',
        ])
        .where('m.region_id', '=', regionId)
        .orderBy('m.name_ru')
        .orderBy('c.name')
        .orderBy('c.id')
        .execute(),

    /** Organizations with their municipality and the number of representatives (a scalar subquery). */
    organizations: (regionId: string, trx: Db = db) =>
      trx
        .selectFrom('organizations as o')
        .innerJoin('municipalities as m', 'm.id', 'o.municipality_id')
        .select([
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
          'm.name_ru as municipality_name_ru',
          (eb) =>
            eb
              .selectFrom('role_assignments as ra')
              .select(sql<number>`count(*)::int`.as('n'))
              .whereRef('ra.scope_id', '=', 'o.id')
              .where('ra.role', '=', 'org_representative')
              .where('ra.scope_type', '=', 'organization')
              .$asScalar()
              .$notNull()
              .as('representatives'),
        ])
        .where('o.region_id', '=', regionId)
        .orderBy('o.name')
        .orderBy('o.id')
        .execute(),

    /** Applications for centre status with the applying organization and the municipality. */
    applications: (regionId: string, trx: Db = db) =>
      trx
        .selectFrom('center_applications as a')
        .innerJoin('organizations as o', 'o.id', 'a.organization_id')
        .innerJoin('municipalities as m', 'm.id', 'a.municipality_id')
        .leftJoin('application_stages as s', 's.code', 'a.stage')
        .select([
          'o.name as organization_name',
          'o.inn as organization_inn',
          'm.name_ru as municipality_name_ru',
          'a.proposed_name',
          'a.stage',
          's.name_ru as stage_name_ru',
          'a.stage_since',
          'a.submitted_at',
          'a.expected_opening_on',
          'a.is_demo',
        ])
        .where('m.region_id', '=', regionId)
        .orderBy('m.name_ru')
        .orderBy('o.name')
        .orderBy('a.id')
        .execute(),
  };
}
export type ExportsRepo = ReturnType<typeof createExportsRepo>;
export type CenterExportRow = Awaited<ReturnType<ExportsRepo['centers']>>[number];
export type OrganizationExportRow = Awaited<ReturnType<ExportsRepo['organizations']>>[number];
export type ApplicationExportRow = Awaited<ReturnType<ExportsRepo['applications']>>[number];
