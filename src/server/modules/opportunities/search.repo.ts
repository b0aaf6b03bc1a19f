/**
 * Volunteer search. Without a date range (the usual case) the schedule of each opportunity comes from its
 * upcoming rollup (migrations 0021, 0024, 0026: next shift, shift count and a copy of the words, kept by
 * triggers), so a page is read in the order of an index instead of aggregating every shift and signup
 * first; opportunities whose rollup is not valid at `now` get the same figures from their own shifts.
 * With a date range the shifts in the range are aggregated. Free places are summed from `shifts.taken` for the page's rows only, and
 * "free places only" asks whether one shift in the window has room (no signup rewrites a rollup). Full
 * text with the `russian` configuration (ё folded to е in the stored vector and in the query), filters,
 * haversine distance (after a bounding box when there is a radius). The total comes with the page, from
 * the same rows: each leg reads no further than TOTAL_CAP rows past the page (`totalCapped` then says
 * "more than"). Only "near me" without a radius, which reads growing circles, counts in a second statement.
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
  /** How far past the page the total is exact, and how many of the soonest matches relevance ranks
   * (TOTAL_CAP and RANK_POOL unless given: the tests use small ones). */
  totalCap?: number;
  rankPool?: number;
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
};

/** ё → е, as the stored vector has it (the `russian` stemmer keeps ё and е apart). */
export const foldYo = (s: string) => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');

/** Great-circle distance in km from `point` to the opportunity's point, or its municipality's centre. */
const distanceSql = (p: { lat: number; lon: number }) => {
  const lat = sql`coalesce(o.lat, (select m.lat from municipalities m where m.id = o.municipality_id))`;
  const lon = sql`coalesce(o.lon, (select m.lon from municipalities m where m.id = o.municipality_id))`;
  return sql<number>`case when o.is_online then null else (6371 * 2 * asin(sqrt(
    power(sin(radians(${lat} - ${p.lat}) / 2), 2) +
    cos(radians(${p.lat})) * cos(radians(${lat})) * power(sin(radians(${lon} - ${p.lon}) / 2), 2)))) end`;
};

/** The parts of a search that each leg of `candidates` puts together. */
type Legs = {
  /** The conditions on the opportunity (`o`) besides its words. */
  where: RawBuilder<unknown>[];
  /** The words' condition over a search vector (the opportunity's own or its rollup's copy), if any. */
  words: (vector: RawBuilder<unknown>) => RawBuilder<unknown> | null;
  /** The sort columns `rank` and `distance_km` (a leading comma), the rank over that vector. */
  extra: (vector: RawBuilder<unknown>) => RawBuilder<unknown>;
  /** Filters and `order by … limit …` for each leg (a page needs no more than offset + limit of each). */
  tail: RawBuilder<unknown>;
  /** Whether a condition besides the words, or the order, reads the opportunity (place, centre, …). */
  readsOpportunity: boolean;
};

/**
 * The opportunities that match, with what the order needs: `id`, `next_shift_at`, `shift_count`, and
 * `rank` / `distance_km` when there is a text or a point. Without a date range this is two legs of a
 * UNION ALL, the first over the rollups valid at `now`, so the planner can read it in the order of
 * `opportunity_rollups_next_idx` and stop after a page.
 */
function candidates(f: SearchFilter, legs: Legs): RawBuilder<unknown> {
  const leg = (body: RawBuilder<unknown>) => sql`(select * from (${body}) x ${legs.tail})`;
  const all = (vector: RawBuilder<unknown>, where = legs.where, ...more: RawBuilder<unknown>[]) => {
    const words = legs.words(vector);
    return sql.join([...where, ...(words ? [words] : []), ...more], sql` and `);
  };
  const own = sql.ref('o.search_vector');
  if (!f.to && f.from.getTime() <= f.now.getTime()) {
    // "From now on": the stored rollup where it is valid at `now`, computed from the shifts where it is not
    // (its next shift has begun and the job has not refreshed it yet, or `now` is before the rollup).
    // A rollup has a next shift only while its opportunity is published and its centre active, and keeps
    // its opportunity's words (0026), so the catalogue and a text search read the rollups alone, in start
    // order (an index scan that stops after a page).
    const kept = sql.ref('r.search_vector');
    const readsOwn = legs.readsOpportunity;
    const nextAhead = sql`r.next_shift_at > ${f.now}`;
    const fresh = leg(sql`
      select r.opportunity_id as id, r.next_shift_at, r.upcoming_shifts as shift_count ${legs.extra(kept)}
      from opportunity_rollups r
      ${readsOwn ? sql`join opportunities o on o.id = r.opportunity_id` : sql``}
      where ${all(kept, readsOwn ? legs.where : [], sql`r.rollup_at <= ${f.now}`, nextAhead)}`);
    const live = leg(sql`
      select o.id, l.next_shift_at, l.shift_count ${legs.extra(own)}
      from opportunity_rollups r join opportunities o on o.id = r.opportunity_id
      cross join lateral (
        select min(s.starts_at) as next_shift_at, count(*)::int as shift_count
        from shifts s
        where s.opportunity_id = o.id and s.status = 'scheduled' and s.starts_at > ${f.now}) l
      where ${all(own)} and l.shift_count > 0
        and (r.rollup_at > ${f.now} or (r.next_shift_at <= ${f.now} and r.last_shift_at > ${f.now}))`);
    return sql`${fresh} union all ${live}`;
  }
  // A date range: the shifts in it, one hash aggregate (the range bounds what is read).
  return leg(sql`
    select o.id, sh.next_shift_at, sh.shift_count ${legs.extra(own)}
    from opportunities o
    join (
      select s.opportunity_id, min(s.starts_at) as next_shift_at, count(*)::int as shift_count
      from shifts s where ${inWindow(f)}
      group by s.opportunity_id) sh on sh.opportunity_id = o.id
    where ${all(own)}`);
}

/** The shifts (`s`) a search counts: scheduled, starting after now and inside the date range if any. */
function inWindow(f: SearchFilter): RawBuilder<unknown> {
  const where = [sql`s.status = 'scheduled'`, sql`s.starts_at > ${f.now}`];
  if (f.from.getTime() > f.now.getTime()) where.push(sql`s.starts_at >= ${f.from}`);
  if (f.to) where.push(sql`s.starts_at < ${f.to}`);
  return sql.join(where, sql` and `);
}

/** Free places over the opportunity's (`o`) shifts in the window: summed for a page's rows only. */
const freePlacesSql = (f: SearchFilter) => sql<number>`(
  select coalesce(sum(greatest(s.capacity - s.taken, 0)), 0)::int from shifts s
  where s.opportunity_id = o.id and ${inWindow(f)})`;

/** How many of the soonest matches a relevance order ranks (see searchStatements). */
export const RANK_POOL = 1000;

/** Counting stops here beyond the page: a total above it is shown as "more than". */
export const TOTAL_CAP = 1000;

/** The statements of one search: a page, and a count that stops at `cap`. */
function searchStatements(f: SearchFilter) {
  const query = f.q?.trim() ? sql`websearch_to_tsquery('russian', ${foldYo(f.q.trim())})` : null;
  const where: RawBuilder<unknown>[] = [
    sql`o.status = 'published'`,
    sql`o.center_id in (select id from centers where status = 'active')`,
  ];
  if (f.centerId) where.push(sql`o.center_id = ${f.centerId}`);
  if (f.municipalityId) where.push(sql`o.municipality_id = ${f.municipalityId}`);
  if (f.category) where.push(sql`o.category = ${f.category}`);
  if (f.skill) where.push(sql`o.required_skills @> array[${f.skill}]::text[]`);
  if (f.age !== undefined) where.push(sql`(o.min_age is null or o.min_age <= ${f.age})`);
  if (f.point && f.radiusKm !== undefined) {
    // a box around the circle first (cheap, on the opportunity's own point), then the exact distance
    const dLat = f.radiusKm / 111.2;
    const dLon = f.radiusKm / (111.2 * Math.max(Math.cos((f.point.lat * Math.PI) / 180), 0.01));
    where.push(sql`not o.is_online`);
    where.push(sql`(o.lat is null or (o.lat between ${f.point.lat - dLat} and ${f.point.lat + dLat}
      and o.lon between ${f.point.lon - dLon} and ${f.point.lon + dLon}))`);
  }
  const words = (vector: RawBuilder<unknown>) => (query ? sql`${vector} @@ ${query}` : null);
  const extra = (vector: RawBuilder<unknown>) =>
    sql.join(
      [
        sql``,
        query ? sql`ts_rank(${vector}, ${query}) as rank` : sql`0::real as rank`,
        f.point ? sql`${distanceSql(f.point)} as distance_km` : sql`null::float8 as distance_km`,
      ],
      sql`, `,
    );
  // room on a shift and the exact distance are known per leg row: filtered in each leg, before its limit
  const having: RawBuilder<unknown>[] = [];
  if (f.freeOnly)
    having.push(sql`exists (select 1 from shifts s where s.opportunity_id = x.id and ${inWindow(f)}
      and s.taken < s.capacity)`);
  if (f.point && f.radiusKm !== undefined) having.push(sql`x.distance_km <= ${f.radiusKm}`);
  const filter = having.length ? sql`where ${sql.join(having, sql` and `)}` : sql``;
  const orderBy = (p: string) => {
    const col = (c: string) => sql.ref(`${p}.${c}`);
    return f.sort === 'distance' && f.point
      ? sql`${col('distance_km')} asc nulls last, ${col('next_shift_at')} asc, ${col('id')}`
      : f.sort === 'relevance' && query
        ? sql`${col('rank')} desc, ${col('next_shift_at')} asc, ${col('id')}`
        : sql`${col('next_shift_at')} asc, ${col('id')}`;
  };
  // beyond the two conditions every search has (published, centre active), which the rollup carries
  const readsOpportunity = where.length > 2 || !!f.point;
  const matching = (tail: RawBuilder<unknown>) =>
    sql`(${candidates(f, { where, words, extra, tail: sql`${filter} ${tail}`, readsOpportunity })}) p`;

  // Relevance ranks the soonest RANK_POOL matches (at least the page's depth): ranking every match of a
  // common word costs a rank per match (50,000 at nation scale), and a volunteer wants what comes soon.
  const byRelevance = f.sort === 'relevance' && !!query;
  const depth = f.offset + f.limit;
  const rankPool = Math.max(f.rankPool ?? RANK_POOL, depth);
  // Each leg reads one row past the count's cap (and the whole rank pool), in the order the page needs
  // (start order to rank), so that the same rows give the page and the total.
  const cap = depth + (f.totalCap ?? TOTAL_CAP);
  const legRows = Math.max(cap + 1, byRelevance ? rankPool : 0);
  const poolTail = sql`order by ${byRelevance ? sql`x.next_shift_at, x.id` : orderBy('x')} limit ${legRows}`;
  const ranked = byRelevance
    ? sql`(select * from (select pool.*, row_number() over (order by pool.next_shift_at, pool.id) as soon
        from pool) r where r.soon <= ${rankPool})`
    : sql`pool`;
  // The matches with their sort keys, then the page of them with its details, and how many there are.
  // An empty page is one row of nulls with the count.
  const page = sql<SearchRow & { matched: number }>`
    with pool as (select p.* from ${matching(poolTail)})
    select o.id, o.title, left(o.description, 240) as snippet,
      c.id as center_id, c.name as center_name,
      o.category, oc.name_ru as category_ru, oc.name_en as category_en,
      o.municipality_id, m.name_ru as municipality_ru, m.name_en as municipality_en,
      o.address, o.lat, o.lon, o.is_online, o.min_age,
      p.next_shift_at, p.shift_count, ${freePlacesSql(f)} as free_places, p.distance_km, k.matched
    from (select count(*)::int as matched from pool) k
    left join (
      select p.* from ${ranked} p
      order by ${orderBy('p')} limit ${f.limit} offset ${f.offset}) p on true
    left join opportunities o on o.id = p.id
    left join centers c on c.id = o.center_id
    left join municipalities m on m.id = o.municipality_id
    left join opportunity_categories oc on oc.code = o.category
    order by ${orderBy('p')}`;
  const count = sql<{ n: number }>`
    select count(*)::int as n from (select 1 from ${matching(sql`limit ${cap + 1}`)} limit ${cap + 1}) t`;
  return { page, count, cap };
}

/**
 * "Near me" without a radius reads growing circles: when a circle holds the whole page, no opportunity
 * outside it can be nearer, so the page is exact without computing every distance in the region.
 */
export const NEAR_ME_RINGS_KM = [2, 8, 32, 128, 512];

export async function searchOpportunities(
  db: Kysely<Database>,
  f: SearchFilter,
): Promise<{ rows: SearchRow[]; total: number; totalCapped: boolean }> {
  const search = searchStatements(f);
  const total = (n: number) => ({ total: Math.min(n, search.cap), totalCapped: n > search.cap });
  if (f.sort === 'distance' && f.point && f.radiusKm === undefined) {
    for (const radiusKm of NEAR_ME_RINGS_KM) {
      const ring = pageOf((await searchStatements({ ...f, radiusKm }).page.execute(db)).rows);
      if (ring.rows.length === f.limit) {
        // the circle's count is not the total: count without it
        const n = Number((await search.count.execute(db)).rows[0]?.n ?? 0);
        return { rows: ring.rows, ...total(n) };
      }
    }
  }
  // The total: exact up to TOTAL_CAP past this page, from the rows the page was chosen from.
  const page = pageOf((await search.page.execute(db)).rows);
  return { rows: page.rows, ...total(page.matched) };
}

/** The rows of a page statement without its count column, and the count. */
function pageOf(rows: (SearchRow & { matched: number })[]) {
  const matched = Number(rows[0]?.matched ?? 0);
  return { rows: rows.filter((r) => r.id !== null).map(({ matched: _, ...row }) => row), matched };
}
