// Builds the server (tsc → dist/server) and the web app (vite → dist/web) when sources changed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'dist', '.build-stamp');
const INPUTS = ['src', 'package-lock.json', 'vite.config.ts', 'tsconfig.base.json', 'tsconfig.build.json'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

const fingerprint = () => String(Math.max(...INPUTS.map((i) => newestMtime(path.join(root, i)))));

export function isBuildCurrent() {
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === fingerprint();
}

function copySeedData() {
  const from = path.join(root, 'src/server/seed/kuzbass');
  const to = path.join(root, 'dist/server/seed/kuzbass');
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from).filter((f) => f.endsWith('.csv')))
    fs.copyFileSync(path.join(from, f), path.join(to, f));
}

export function build({ quiet = false } = {}) {
  const stdio = quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  fs.rmSync(path.join(root, 'dist', 'server'), { recursive: true, force: true });
  execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio });
  copySeedData();
  execFileSync(bin('vite'), ['build', '--logLevel', quiet ? 'warn' : 'info'], { cwd: root, stdio });
  fs.writeFileSync(stampFile, fingerprint());
}

export function ensureBuilt() {
  if (isBuildCurrent()) return;
  process.stderr.write('Building Dobroset (first start or sources changed)…\n');
  build({ quiet: true });
}
