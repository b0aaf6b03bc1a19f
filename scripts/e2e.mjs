// Builds the app if needed, then runs the browser journeys and CLI checks.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, root } from './build-lib.mjs';

ensureBuilt();
const result = spawnSync(
  path.join(root, 'node_modules', '.bin', 'vitest'),
  ['run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
