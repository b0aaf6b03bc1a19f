// Development: the API server rebuilt and restarted on change (tsc --watch + node --watch) on :3000,
// and Vite with hot reload on :5173, proxying /api to the server. Ctrl+C stops all three.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, root } from './build-lib.mjs';

if (!fs.existsSync(path.join(root, 'dist/server/main.js'))) build({ quiet: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const children = [
  spawn(bin('tsc'), ['-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
    cwd: root,
    stdio: 'inherit',
  }),
  spawn(
    process.execPath,
    ['--watch-path=dist/server', 'dist/server/main.js', 'start', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  ),
  spawn(bin('vite'), [], { cwd: root, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
console.log('\nAPI on http://localhost:3000, web app with hot reload on http://localhost:5173\n');
