/**
 * Volunteer search: one SQL statement per page. Upcoming shifts (scheduled, starting after now and in the
 * date range) are aggregated per opportunity in one hash-aggregate pass, with confirmed places counted
 * from the signups of those shifts only (past shifts and their signups are never read), then joined to
 * the filtered opportunities. Full text with the `russian` configuration (ё folded to е in the stored
 * vector and in the query), filters, haversine distance, free places and the total (a window count over
 * the filtered rows) all come back together.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type SearchFilter = {
  q?: string;
  centerId?: string;
  municipalityId?: string;
  category?: string;
  skill?: string;
  /** Now: only shifts starting after it count (shift count, next shift, free places, "free only"). */
  now: Date;
  /** Shifts starting at or after this instant… */
  from: Date;
  /** …and before this one (exclusive), if given. */
  to?: Date;
  age?: number;
  freeOnly?: boolean;
  point?: { lat: number; lon: number };
  radiusKm?: number;
  sort: 'start' | 'distance' | 'relevance';
  limit: number;
  offset: number;
};

export type SearchRow = {
  id: string;
  title: string;
  snippet: string;
  center_id: string;
  center_name: string;
  category: string | null;
  category_ru: string | null;
  category_en: string | null;
  municipality_id: string | null;
  municipality_ru: string | null;
  municipality_en: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  is_online: boolean;
  min_age: number | null;
  next_shift_at: Date;
  shift_count: number;
  free_places: number;
  distance_km: number | null;
  total: number;
};

/** ё → е, as the stored vector has it (the `russian` stemmer keeps ё and е apart). */
export const foldYo = (s: string) => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');

/**
 * Places taken on a shift (`s`) as the signups module counts them when it decides (confirmed, offered to
 * the waitlist, attended, and walk-ins without an account), or 0 while the signups table does not exist yet.
 */
export const takenSql = (signups: boolean, shiftAlias = 's'): RawBuilder<number> =>
  signups
    ? sql<number>`((select count(*)::int from signups g where g.shift_id = ${sql.ref(`${shiftAlias}.id`)}
        and g.status in ('confirmed', 'offered', 'attended'))
      + (select count(*)::int from shift_walk_ins w where w.shift_id = ${sql.ref(`${shiftAlias}.id`)}
        and w.removed_at is null))`
    : sql<number>`0`;

/** Great-circle distance in km from `point` to the opportunity's point, or its municipality's centre. */
const distanceSql = (p: { lat: number; lon: number }) => sql<number>`(6371 * 2 * asin(sqrt(
  power(sin(radians(coalesce(o.lat, m.lat) - ${p.lat}) / 2), 2) +
  cos(radians(${p.lat})) * cos(radians(coalesce(o.lat, m.lat))) *
  power(sin(radians(coalesce(o.lon, m.lon) - ${p.lon}) / 2), 2))))`;

export async function searchOpportunities(
  db: Kysely<Database>,
  f: SearchFilter,
  signups: boolean,
): Promise<SearchRow[]> {
  const query = f.q?.trim() ? sql`websearch_to_tsquery('russian', ${foldYo(f.q.trim())})` : null;
  const distance = f.point ? distanceSql(f.point) : null;
  const where: RawBuilder<unknown>[] = [sql`o.status = 'published'`, sql`c.status = 'active'`];
  if (query) where.push(sql`o.search_vector @@ ${query}`);
  if (f.centerId) where.push(sql`o.center_id = ${f.centerId}`);
  if (f.municipalityId) where.push(sql`o.municipality_id = ${f.municipalityId}`);
  if (f.category) where.push(sql`o.category = ${f.category}`);
  if (f.skill) where.push(sql`o.required_skills @> array[${f.skill}]::text[]`);
  if (f.age !== undefined) where.push(sql`(o.min_age is null or o.min_age <= ${f.age})`);
  if (f.freeOnly) where.push(sql`sh.free_places > 0`);
  if (distance && f.radiusKm !== undefined) where.push(sql`not o.is_online and ${distance} <= ${f.radiusKm}`);
  const shiftWhere: RawBuilder<unknown>[] = [
    sql`s.status = 'scheduled'`,
    sql`s.starts_at > ${f.now}`,
    sql`s.starts_at >= ${f.from}`,
  ];
  if (f.to) shiftWhere.push(sql`s.starts_at < ${f.to}`);
  const upcoming = sql.join(shiftWhere, sql` and `);

  const order =
    f.sort === 'distance' && distance
      ? sql`distance_km asc nulls last, next_shift_at asc, o.id`
      : f.sort === 'relevance' && query
        ? sql`ts_rank(o.search_vector, ${query}) desc, next_shift_at asc, o.id`
        : sql`next_shift_at asc, o.id`;

  const result = await sql<SearchRow>`
    select o.id, o.title, left(o.description, 240) as snippet,
      c.id as center_id, c.name as center_name,
      o.category, oc.name_ru as category_ru, oc.name_en as category_en,
      o.municipality_id, m.name_ru as municipality_ru, m.name_en as municipality_en,
      o.address, o.lat, o.lon, o.is_online, o.min_age,
      sh.next_shift_at, sh.shift_count, sh.free_places,
      ${distance ? sql`case when o.is_online then null else ${distance} end` : sql`null::float8`} as distance_km,
      count(*) over ()::int as total
    from opportunities o
    join centers c on c.id = o.center_id
    left join municipalities m on m.id = o.municipality_id
    left join opportunity_categories oc on oc.code = o.category
    join (
      select s.opportunity_id, min(s.starts_at) as next_shift_at, count(*)::int as shift_count,
        coalesce(sum(greatest(s.capacity - coalesce(b.taken, 0), 0)), 0)::int as free_places
      from shifts s
      ${
        signups
          ? sql`left join (select g.shift_id, count(*)::int as taken from signups g
              join shifts s on s.id = g.shift_id
              where g.status in ('confirmed', 'offered', 'attended') and ${upcoming}
              group by g.shift_id) b on b.shift_id = s.id`
          : sql`left join (select null::uuid as shift_id, 0 as taken) b on false`
      }
      where ${upcoming}
      group by s.opportunity_id
    ) sh on sh.opportunity_id = o.id
    where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${f.limit} offset ${f.offset}
  `.execute(db);
  return result.rows;
}
