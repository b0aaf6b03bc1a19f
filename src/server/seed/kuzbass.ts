/** Loads the Kuzbass reference data: region, municipalities (with history), the network and the plan. */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { Database, MunicipalityKind } from '../platform/db/schema.js';
import {
  APPLICANTS,
  CITY_NAMES,
  HISTORY,
  KUZBASS_REGION,
  OPERATING_CENTERS,
  ROLLOUT_TARGETS,
} from './kuzbass/network.js';

type CsvRow = {
  slug: string;
  name_ru: string;
  name_en: string;
  kind: string;
  admin_center_ru: string;
  lat: string;
  lon: string;
  population: string;
  population_year: string;
  note: string;
};

export const MUNICIPALITIES_CSV = new URL('./kuzbass/municipalities.csv', import.meta.url);

export function readMunicipalities(file: URL | string = MUNICIPALITIES_CSV) {
  const rows = parse(fs.readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as CsvRow[];
  return rows.map((r, index) => {
    const line = index + 2;
    if (!/^[a-z0-9-]+$/.test(r.slug))
      throw new Error(`municipalities.csv line ${line}: bad slug "${r.slug}"`);
    if (!['urban_okrug', 'municipal_okrug', 'municipal_district'].includes(r.kind)) {
      throw new Error(`municipalities.csv line ${line}: unknown kind "${r.kind}"`);
    }
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon))
      throw new Error(`municipalities.csv line ${line}: bad coordinates`);
    return {
      slug: r.slug,
      name_ru: r.name_ru,
      name_en: r.name_en,
      kind: r.kind as MunicipalityKind,
      admin_center_ru: r.admin_center_ru,
      lat,
      lon,
      population: r.population ? Number(r.population) : null,
      population_year: r.population_year ? Number(r.population_year) : null,
      note: r.note || null,
    };
  });
}

/**
 * One of the 4 applicants of the source document: an application at `licence_agreement` ("the final stage
 * of documents") since the source's date, with its transition recorded and the documents needed before that
 * stage recorded as accepted (reviewed on paper before the platform; no files). The licence agreement
 * itself is still to be uploaded and accepted.
 */
async function seedApplicant(
  trx: Kysely<Database>,
  a: { organizationId: string; municipalityId: string; proposedName: string },
) {
  const since = '2023-08-28';
  const at = new Date(`${since}T00:00:00Z`);
  const application = await trx
    .insertInto('center_applications')
    .values({
      organization_id: a.organizationId,
      municipality_id: a.municipalityId,
      stage: 'licence_agreement',
      stage_since: since,
      proposed_name: a.proposedName,
      submitted_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('application_events')
    .values({
      application_id: application.id,
      from_stage: null,
      to_stage: 'licence_agreement',
      actor_id: null,
      at,
      comment: 'Перенесено из источника (новости региона, 28.08.2023): заключительный этап документов',
    })
    .execute();
  const stages = await trx.selectFrom('application_stages').select(['code', 'position']).execute();
  const limit = stages.find((s) => s.code === 'licence_agreement')?.position;
  if (limit === undefined) return;
  const kinds = await trx
    .selectFrom('application_document_kinds')
    .select(['code', 'needed_by_stage'])
    .where('active', '=', true)
    .execute();
  const accepted = kinds.filter((k) => {
    const position = stages.find((s) => s.code === k.needed_by_stage)?.position;
    return position !== undefined && position < limit;
  });
  if (accepted.length === 0) return;
  await trx
    .insertInto('application_documents')
    .values(
      accepted.map((k) => ({
        application_id: application.id,
        kind_code: k.code,
        status: 'accepted' as const,
        review_comment: 'Принят до подключения платформы (бумажный документ)',
        reviewed_at: at,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

/** Seeds the region once; returns false when it is already there. Runs inside the caller's transaction. */
export async function seedKuzbass(trx: Kysely<Database>): Promise<boolean> {
  const existing = await trx
    .selectFrom('regions')
    .select('id')
    .where('slug', '=', KUZBASS_REGION.slug)
    .executeTakeFirst();
  if (existing) return false;
  const region = await trx
    .insertInto('regions')
    .values(KUZBASS_REGION)
    .returning('id')
    .executeTakeFirstOrThrow();
  const municipalities = readMunicipalities();
  const inserted = await trx
    .insertInto('municipalities')
    .values(municipalities.map((m) => ({ ...m, region_id: region.id })))
    .returning(['id', 'slug'])
    .execute();
  const ids = new Map(inserted.map((row) => [row.slug, row.id]));
  for (const h of HISTORY) {
    const successor = municipalities.find((m) => m.slug === h.successor);
    if (!successor) continue;
    const old = await trx
      .insertInto('municipalities')
      .values({
        ...successor,
        slug: h.slug,
        name_ru: h.name_ru,
        name_en: h.name_en,
        kind: h.kind,
        region_id: region.id,
        effective_to: h.effective_to,
        note: 'predecessor kept for history',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('municipalities')
      .set({ predecessor_id: old.id, effective_from: h.effective_to })
      .where('id', '=', ids.get(h.successor) as string)
      .execute();
    const change = await trx
      .insertInto('municipality_changes')
      .values({ region_id: region.id, kind: h.change, effective_on: h.effective_to, comment: h.comment })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('municipality_lineage')
      .values({ change_id: change.id, predecessor_id: old.id, successor_id: ids.get(h.successor) as string })
      .execute();
  }

  const mun = (slug: string) => {
    const id = ids.get(slug);
    if (!id) throw new Error(`Seed refers to unknown municipality ${slug}`);
    return id;
  };
  // The operating centres and their placeholder organizations: one statement each (names carry the number).
  const operating = OPERATING_CENTERS.map((slug, i) => ({
    slug,
    orgName: `Организация-заглушка № ${i + 1} (${CITY_NAMES[slug]}) — переименуйте`,
    centerName: `Добро.Центр № ${i + 1} (${CITY_NAMES[slug]}) — заглушка`,
  }));
  const orgs = await trx
    .insertInto('organizations')
    .values(
      operating.map(({ slug, orgName }) => ({
        region_id: region.id,
        municipality_id: mun(slug),
        name: orgName,
        kind: 'other' as const,
        is_placeholder: true,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const orgId = new Map(orgs.map((o) => [o.name, o.id]));
  await trx
    .insertInto('centers')
    .values(
      operating.map(({ slug, orgName, centerName }) => ({
        organization_id: orgId.get(orgName) as string,
        municipality_id: mun(slug),
        name: centerName,
        status: 'active' as const,
      })),
    )
    .execute();
  let a = 0;
  for (const slug of APPLICANTS) {
    a += 1;
    const org = await trx
      .insertInto('organizations')
      .values({
        region_id: region.id,
        municipality_id: mun(slug),
        name: `Организация-заявитель-заглушка № ${a} (${CITY_NAMES[slug]}) — переименуйте`,
        kind: 'other',
        is_placeholder: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await seedApplicant(trx, {
      organizationId: org.id,
      municipalityId: mun(slug),
      proposedName: `Добро.Центр (${CITY_NAMES[slug]}) — заявитель № ${a}`,
    });
  }
  await trx
    .insertInto('rollout_targets')
    .values(ROLLOUT_TARGETS.map((t) => ({ ...t, region_id: region.id })))
    .execute();
  return true;
}
