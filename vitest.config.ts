import { defineConfig } from 'vitest/config';

/**
 * `*.pg.test.ts` need a real PostgreSQL server of their own (outages: stop, pause, terminate): they run in
 * `npm run test:pg` (and CI), not in `npm test`, which needs nothing but Node.
 */
const postgres = process.env.TEST_DB === 'postgres';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**', ...(postgres ? [] : ['**/*.pg.test.ts'])],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
