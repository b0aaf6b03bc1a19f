/**
 * The authorization matrix (see matrix.ts): every registered route has exactly one row, and every row's
 * cells — each actor kind on its own and on a foreign resource — answer as the row says.
 * AUTHZ_SUMMARY=1 prints the counts and each route's refusals at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/shared/contracts/endpoints.js';
import { type CellResult, cellOf, failures, pathOf, runRow } from './matrix.js';
import { ROWS, registeredRoutes } from './routes.js';
import { buildWorld, type World } from './world.js';

let w: World;
const done = new Map<string, CellResult[]>();

beforeAll(async () => {
  w = await buildWorld();
}, 180_000);

afterAll(async () => {
  if (process.env.AUTHZ_SUMMARY === '1') printSummary();
  await w?.t.close();
});

describe('every route has a row, every row a route', () => {
  it('the rows name exactly the registered routes, once each', () => {
    const registered = registeredRoutes(w.t.app);
    const named = ROWS.map((r) => r.route);
    expect(
      named.filter((r, i) => named.indexOf(r) !== i),
      'routes with two rows',
    ).toEqual([]);
    expect(
      registered.filter((r) => !named.includes(r)),
      'registered routes without a row: decide who may call them and add a row in test/authz/rows',
    ).toEqual([]);
    expect(
      named.filter((r) => !registered.includes(r)),
      'rows naming a route that is not registered',
    ).toEqual([]);
  });

  it('the route list holds every endpoint of the shared endpoint table', () => {
    const registered = registeredRoutes(w.t.app);
    const missing = Object.values(endpoints)
      .map((e) => `${e.method} ${e.path}`)
      .filter((r) => !registered.includes(r));
    expect(missing).toEqual([]);
  });
});

describe('authorization matrix', () => {
  for (const row of ROWS) {
    it(row.route, async () => {
      const results = await runRow(w, row);
      done.set(row.route, results);
      expect(failures(results)).toEqual([]);
    });
  }
});

describe('cross-site writes', () => {
  it("every write route refuses a request without the CSRF header (403 csrf_rejected), even the operator's", async () => {
    const refused: string[] = [];
    for (const row of ROWS.filter((r) => !r.route.startsWith('GET '))) {
      const req = await row.request(cellOf(w, 'operator', 'own', false));
      const method = row.route.slice(0, row.route.indexOf(' ')) as 'POST';
      const res = await w.t.request(
        method,
        pathOf(row.route, req.params) + (req.query ? `?${req.query}` : ''),
        {
          cookie: req.cookie === undefined ? w.operator.cookie : req.cookie,
          body: req.body,
          headers: req.headers,
          csrf: false,
        },
      );
      if (res.statusCode !== 403 || res.json().code !== 'csrf_rejected')
        refused.push(`${row.route}: ${res.statusCode}`);
    }
    expect(refused).toEqual([]);
  });
});

function printSummary() {
  const all = [...done.values()].flat();
  const by = (o: CellResult['expected']) => all.filter((r) => r.expected === o).length;
  const lines = [
    `authz matrix: ${done.size} routes, ${all.length} cells (ok ${by('ok')}, 401 ${by(401)}, 403 ${by(403)}, 404 ${by(404)}, 409 ${by(409)}; nested ${all.filter((r) => r.scope === 'nested').length}); failing ${all.filter((r) => !r.passed).length}`,
    ...[...done].map(([route, results]) => {
      const refusals = [...new Set(results.map((r) => r.expected).filter((o) => o !== 'ok'))].join('/');
      return `  ${route}: refuses with ${refusals || '—'}`;
    }),
  ];
  console.log(lines.join('\n'));
}
