// The baseline (issue 11): a bare Fastify server (no plugins) that answers GET /baseline/<name> by running
// the statements the app ran for that request (recorded once, in order, with their parameters) on one
// connection of its own pool — the same pool size as the app's — and returning the last result's rows as
// JSON; and GET /static with a fixed JSON object. A request that writes is replayed inside
// `begin … rollback` (its own begin/commit dropped), so replaying it thousands of times changes nothing.
// A plan with `bind` ({ key: recorded value }) takes other values for them from the query string
// (`?user=…&shift=…`): every parameter equal to a recorded value is replaced (a signup replayed for the
// volunteer and the shift of each signup of a burst); its `fresh` values get a new UUID in each replay.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { pgTypes } from './capture.mjs';

const TRANSACTION = /^\s*(begin|commit|rollback|start transaction)\b/i;
const WRITE = /^\s*(with[\s\S]*?\)\s*)?(insert|update|delete|merge)\b|\bfor (no key )?update\b/i;

/** What the baseline replays for one request: its statements, and whether it writes. */
export function replayPlan(statements) {
  const writes = statements.some((s) => WRITE.test(s.sql) || TRANSACTION.test(s.sql));
  return {
    writes,
    statements: writes ? statements.filter((s) => !TRANSACTION.test(s.sql)) : statements,
  };
}

const STATIC = { ok: true, name: 'dobroset-bench', items: [1, 2, 3] };

/**
 * What one replay puts in place of recorded parameters: the plan's `bind` values by those in `values`, and
 * each of its `fresh` values (ids the app generated) by a new UUID.
 */
function swapsFor(plan, values) {
  const swap = new Map();
  for (const [key, recorded] of Object.entries(plan.bind ?? {}))
    if (values?.[key]) swap.set(recorded, values[key]);
  for (const recorded of plan.fresh ?? []) swap.set(recorded, randomUUID());
  return swap;
}
const bound = (statement, swap) => statement.parameters.map((p) => (swap.has(p) ? swap.get(p) : p));

/**
 * Starts the baseline on 127.0.0.1:`port`. `run(plan)` executes one plan; built from a pg pool
 * (`databaseUrl`) or a PGlite instance (`pglite` + its `host` lock). Returns { baseUrl, close() }.
 */
export async function startBaseline({ plans, databaseUrl, poolSize, pglite, host, port }) {
  let pool = null;
  let run;
  if (databaseUrl) {
    pool = new pg.Pool({
      connectionString: databaseUrl,
      max: poolSize,
      types: pgTypes,
      application_name: 'dobroset-bench-baseline',
      options: '-c jit=off',
    });
    run = async (plan, values) => {
      const client = await pool.connect();
      const swap = swapsFor(plan, values);
      let last = null;
      try {
        if (plan.writes) await client.query('begin');
        for (const s of plan.statements) last = await client.query(s.sql, bound(s, swap));
        if (plan.writes) await client.query('rollback');
        client.release();
      } catch (error) {
        client.release(true);
        throw error;
      }
      return last?.rows ?? [];
    };
  } else {
    run = (plan, values) =>
      host.mutex.run(async () => {
        let last = null;
        const swap = swapsFor(plan, values);
        if (plan.writes) await pglite.query('begin');
        try {
          for (const s of plan.statements)
            last = s.parameters.length
              ? await pglite.query(s.sql, bound(s, swap))
              : (await pglite.exec(s.sql)).at(-1);
        } finally {
          if (plan.writes) await pglite.query('rollback');
        }
        return last?.rows ?? [];
      });
  }
  const app = Fastify({ logger: false });
  app.get('/static', async () => STATIC);
  app.get('/baseline/:name', async (request, reply) => {
    const plan = plans.get(request.params.name);
    if (!plan) return reply.code(404).send({ error: 'no such baseline' });
    return run(plan, request.query);
  });
  await app.listen({ host: '127.0.0.1', port });
  return {
    baseUrl: `http://127.0.0.1:${app.server.address().port}`,
    /** Runs one plan once (to check it replays before it is measured), with `values` for its `bind`. */
    check: (name, values) => run(plans.get(name), values),
    async close() {
      await app.close();
      await pool?.end();
    },
  };
}
