/**
 * Property-based fuzzing of every operation in the OpenAPI document, as every role (issue 9, the
 * guarantee): no 5xx; every 4xx is application/problem+json with a catalogue code; an operation that
 * needs a session never succeeds without one; nothing is stored differently than it was accepted.
 *
 * In `npm test` (and CI, on PGlite and PostgreSQL) the seed is fixed and the runs few; `npm run fuzz`
 * runs longer with a fresh seed (or FUZZ_SEED=…, FUZZ_RUNS=…) and prints it, so a failure can be
 * replayed exactly. A failure names the operation, the role, the request and the answer.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../support/app.js';
import {
  answerProblem,
  injectOptions,
  type Operation,
  operationsOf,
  readBacks,
  requestArb,
  storedDifferently,
} from './operations.js';
import { buildFuzzWorld, ensureSession, ROLES, type Role, readPools, type World } from './world.js';

const LONG = process.env.FUZZ_LONG === '1';
const SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : LONG
    ? Date.now() % 2_147_483_647
    : 20_261_124;
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 40 : 3));

let t: TestPlatform;
let world: World;
let ops: Operation[];

beforeAll(async () => {
  // eslint-disable-next-line no-console
  console.log(`fuzz: seed ${SEED}, ${RUNS} runs per operation and role (FUZZ_SEED=${SEED} replays it)`);
  t = await createTestPlatform();
  world = await buildFuzzWorld(t);
  const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  ops = operationsOf((await SwaggerParser.dereference(doc.json())) as never);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A seed per operation and role, derived from the run's seed: each can be replayed on its own. */
function seedFor(op: Operation, role: Role): number {
  let h = SEED;
  for (const ch of `${op.operationId}/${role}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
};

describe('fuzzing every operation of the OpenAPI document', () => {
  it('covers the whole document', () => {
    expect(ops.length).toBeGreaterThan(140);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
  });

  for (const role of ROLES) {
    it(
      `as ${role}: no 5xx, every 4xx problem+json, session operations closed to anonymous, stored as accepted`,
      async () => {
        const failures: string[] = [];
        const readBacksBefore = readBacks.count;
        let requests = 0;
        const statuses = new Map<number, number>();
        const succeeded = new Set<string>();
        for (const op of ops) {
          await ensureSession(t, world, role);
          const cookie = world.cookies[role];
          const pools = await readPools(t, world);
          const property = fc.asyncProperty(requestArb(op, pools), async (request) => {
            requests++;
            const res = await t.app.inject(injectOptions(request, cookie));
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode < 300) succeeded.add(op.operationId);
            const wrong =
              answerProblem(op, role === 'anonymous', res) ??
              (await storedDifferently(op, ops, request, res, (url) =>
                t.app.inject(injectOptions({ method: 'GET', url }, cookie)),
              ));
            if (wrong)
              throw new Error(
                `${wrong}\n    request: ${request.method} ${request.url} ${show(request.body)}`,
              );
          });
          const result = await fc.check(property, {
            seed: seedFor(op, role),
            numRuns: RUNS,
            endOnFailure: true,
          });
          if (result.failed) {
            failures.push(
              `${op.operationId} (${op.method} ${op.path}) as ${role}, seed ${seedFor(op, role)}: ${
                result.errorInstance instanceof Error
                  ? result.errorInstance.message
                  : String(result.errorInstance)
              }`,
            );
          }
        }
        // eslint-disable-next-line no-console
        console.log(
          `fuzz as ${role}: ${requests} requests, ${succeeded.size} of ${ops.length} operations answered 2xx, ${readBacks.count - readBacksBefore} writes read back;`,
          Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
        );
        expect(failures, failures.join('\n\n')).toEqual([]);
        expect(requests).toBeGreaterThanOrEqual(ops.length * RUNS);
        // the requests get past validation and authorization, into the services
        expect(succeeded.size).toBeGreaterThanOrEqual(
          role === 'anonymous' ? 10 : Math.ceil(ops.length * 0.15),
        );
        // and some successful edits are read back and compared
        if (role !== 'anonymous') expect(readBacks.count - readBacksBefore).toBeGreaterThan(0);
      },
      LONG ? 3_600_000 : 600_000,
    );
  }
});
