// Builds the server (TypeScript → dist/server) and the web app (vite → dist/web) when sources changed.
// The server is transpiled file by file with Oxc (Vite's transformWithOxc: well under a second, where tsc
// takes several); the type check is `npm run typecheck` (part of `npm run check`), not the build's job.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'dist', '.build-stamp');
const INPUTS = ['src', 'package-lock.json', 'vite.config.ts', 'tsconfig.base.json', 'tsconfig.build.json'];
/** What tsconfig.build.json compiles: src/server and src/shared, without the tests. */
const SERVER_SOURCES = ['src/server', 'src/shared'];

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

function sourceFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(p));
    else files.push(p);
  }
  return files;
}

/**
 * dist/server and dist/shared from the TypeScript sources, plus the data files the server reads. Run by
 * `scripts/build.mjs --server-only` in a process of its own (Vite's modules stay out of the server's memory).
 */
export async function buildServer() {
  const { transformWithOxc } = await import('vite');
  for (const dir of SERVER_SOURCES)
    fs.rmSync(path.join(root, 'dist', path.basename(dir)), { recursive: true, force: true });
  const files = SERVER_SOURCES.flatMap((dir) => sourceFiles(path.join(root, dir)));
  await Promise.all(
    files.map(async (file) => {
      const out = path.join(root, 'dist', path.relative(path.join(root, 'src'), file));
      // JSON is imported by the code (tsc copies it too); the Kuzbass CSV is read at seed time.
      const data = file.endsWith('.json') || file.endsWith('.csv');
      const code = file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts');
      if (!data && !code) return;
      fs.mkdirSync(path.dirname(out), { recursive: true });
      if (data) return fs.copyFileSync(file, out);
      const js = out.replace(/\.ts$/, '.js');
      const result = await transformWithOxc(fs.readFileSync(file, 'utf8'), file, {
        sourcemap: true,
        target: 'es2023',
      });
      fs.writeFileSync(js, `${result.code}\n//# sourceMappingURL=${path.basename(js)}.map\n`);
      fs.writeFileSync(`${js}.map`, JSON.stringify(result.map));
    }),
  );
}

/** Runs a build step in a child process; settles when it exits. */
function run(label, command, args, { quiet }) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/**
 * Builds the server now and the web app in the background; `web` settles when dist/web is ready (the
 * build is recorded as current only then). `dobroset start` opens, migrates and seeds the database
 * meanwhile and waits for `web` before it serves anything.
 */
export async function startBuild({ quiet = false } = {}) {
  const stamp = fingerprint();
  fs.rmSync(stampFile, { force: true });
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  const web = run('web build', vite, ['build', '--logLevel', quiet ? 'warn' : 'info'], { quiet });
  try {
    const script = path.join(root, 'scripts', 'build.mjs');
    await run('server build', process.execPath, [script, '--server-only'], { quiet });
  } catch (error) {
    await web.catch(() => undefined);
    throw error;
  }
  return { web: web.then(() => fs.writeFileSync(stampFile, stamp)) };
}

/** Builds both and waits (`npm run build`). */
export async function buildAsync(options = {}) {
  await (await startBuild(options)).web;
}

/** Builds both, synchronously (scripts and benches that need dist/ before they go on). */
export function build({ quiet = false } = {}) {
  const stdio = quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), ...(quiet ? ['--quiet'] : [])], {
    cwd: root,
    stdio,
  });
}

export function ensureBuilt() {
  if (isBuildCurrent()) return;
  process.stderr.write('Building Dobroset (first start or sources changed)…\n');
  build({ quiet: true });
}

/** `ensureBuilt` for `dobroset start`: returns once the server is built, with the web build pending. */
export async function ensureServerBuilt() {
  if (isBuildCurrent()) return { web: Promise.resolve() };
  process.stderr.write('Building Dobroset (first start or sources changed)…\n');
  return startBuild({ quiet: true });
}
