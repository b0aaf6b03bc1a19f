import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/support/sequencer.js';

/**
 * Three projects, all run by `npm test`; one alone with `npx vitest run --project unit` (or db, slow).
 *
 * - unit: pure code, no database (rules, policies, formats, the web's pure helpers, layout checks).
 *   Seconds. Its files may not open a database (`test/support/template.ts` refuses).
 * - db: module and route tests, each file on its own fresh database cloned from the migrated template
 *   (`test/support/global-setup.ts`). Files share a worker process (`isolate: false`): the runtime's
 *   modules, PGlite's compiled WebAssembly and the compiled request validators are loaded once per
 *   worker, not once per file. A file must close what it opens (platform, database) in `afterAll`.
 * - slow: backups and restores, on-disk data directories, concurrency and load, real-time job schedules,
 *   the fuzzer — each file in a process of its own, with generous limits; they start first.
 *
 * A file not listed in UNIT or SLOW is a db test. `*.pg.test.ts` need a PostgreSQL server of their own
 * (outages: stop, pause, terminate): they run in `npm run test:pg` (and CI), not in `npm test`, which
 * needs nothing but Node.
 */
const postgres = process.env.TEST_DB === 'postgres';

const UNIT = [
  'src/shared/**/*.test.ts',
  'src/web/**/*.test.ts',
  'src/server/lib/**/*.test.ts',
  'src/server/**/*.{policy,rules,scoring,token}.test.ts',
  'src/server/**/*-{rules,workflow}.test.ts',
  'src/server/modules/plan/{forecast,series}.test.ts',
  'src/server/modules/opportunities/recurrence.test.ts',
  'src/server/platform/{config,auth/actor,http/etag,http/file-route}.test.ts',
  'test/layout/**/*.test.ts',
  'test/fuzz/operations.test.ts',
];

const SLOW = [
  '**/*.pg.test.ts',
  '**/*.concurrency.test.ts',
  'src/server/platform/db/{db,lock.race,backup}.test.ts',
  'src/server/modules/admin/**/*.test.ts',
  'src/server/modules/signups/{signups.schedule,capacity-change}.test.ts',
  'src/server/platform/http/load-shedding.test.ts',
  'src/server/platform/mail/mail-queue.test.ts',
  'test/contracts/concurrent-edits.test.ts',
  'test/fuzz/fuzz.test.ts',
];

const NEVER = ['test/e2e/**', 'node_modules/**', 'dist/**', ...(postgres ? [] : ['**/*.pg.test.ts'])];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    // Two workers on a two-core machine: the main process mostly waits while the workers run.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: UNIT,
          exclude: NEVER,
          pool: 'threads',
          isolate: false,
          provide: { noDatabase: true },
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...NEVER, ...UNIT, ...SLOW],
          pool: 'forks',
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'slow',
          include: SLOW,
          exclude: NEVER,
          pool: 'forks',
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
