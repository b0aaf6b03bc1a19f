// The plans of the request-path queries the benchmarks measure, on PostgreSQL: each query as the server
// builds it (the repo functions of the built server, through a Kysely that records the SQL), then
// EXPLAIN (ANALYZE, BUFFERS) of it, with the serial time and whether a large table is read sequentially.
// Usage: DATABASE_URL=postgres://… node bench/plans.mjs [--verbose]   (a database made by bench/data.mjs)
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ensureBuilt, root } from '../scripts/build-lib.mjs';

const VERBOSE = process.argv.includes('--verbose');
const LARGE = [
  'signups',
  'shifts',
  'opportunities',
  'users',
  'volunteer_profiles',
  'consents',
  'audit_events',
];

/** The queries the search runs for each variant the HTTP benchmark measures. */
export const SEARCH_VARIANTS = (kemerovo) => ({
  'search: first page': {},
  'search: text': { q: 'субботник', sort: 'relevance' },
  'search: text + municipality + free places': { q: 'помощь', municipalityId: kemerovo.id, freeOnly: true },
  'search: near me': { point: { lat: kemerovo.lat, lon: kemerovo.lon }, sort: 'distance' },
  'search: near me, 10 km': {
    point: { lat: kemerovo.lat, lon: kemerovo.lon },
    radiusKm: 10,
    sort: 'distance',
  },
  'search: deep page': { offset: 2000 },
});

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a database made by bench/data.mjs');
  ensureBuilt();
  const { searchOpportunities } = await import(
    pathToFileURL(path.join(root, 'dist/server/modules/opportunities/search.repo.js')).href
  );
  // as the app connects (jit off: src/server/platform/db/database.ts)
  const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c jit=off' });
  let captured = [];
  const db = new Kysely({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const kemerovo = (
    await pool.query(`select id, lat, lon from municipalities where name_ru like 'Кемеровский%' limit 1`)
  ).rows[0];
  const now = new Date();
  for (const [name, filter] of Object.entries(SEARCH_VARIANTS(kemerovo))) {
    captured = [];
    await searchOpportunities(db, { now, from: now, sort: 'start', limit: 20, offset: 0, ...filter });
    for (const [i, q] of captured.entries()) {
      const plan = await pool.query(`explain (analyze, buffers, format json) ${q.sql}`, q.parameters);
      const root0 = plan.rows[0]['QUERY PLAN'][0];
      const seq = [];
      const walk = (node) => {
        if (node['Node Type'] === 'Seq Scan' && LARGE.includes(node['Relation Name']))
          seq.push(node['Relation Name']);
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(root0.Plan);
      const label = `${name}${captured.length > 1 ? (i === 0 ? ' (page)' : ' (count)') : ''}`;
      process.stdout.write(
        `${label.padEnd(52)} ${root0['Execution Time'].toFixed(2).padStart(8)} ms  ` +
          `${seq.length ? `SEQ SCAN ${seq.join(', ')}` : 'no sequential scan of a large table'}\n`,
      );
      if (VERBOSE) {
        const text = await pool.query(`explain (analyze, buffers) ${q.sql}`, q.parameters);
        process.stdout.write(`${text.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}\n`);
      }
    }
  }
  await db.destroy();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
