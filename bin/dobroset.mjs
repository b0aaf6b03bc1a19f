#!/usr/bin/env node
// The `dobroset` command. Builds what must be built on first use (or after the sources changed), then runs.
// The server is built first; `start` opens, migrates and seeds the database while the web app builds, and
// serves once both are done. Other commands wait for the whole build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builder = path.join(root, 'scripts', 'build-lib.mjs');
let webBuild = Promise.resolve();
// An installed package ships dist/ prebuilt and no build scripts.
if (fs.existsSync(builder)) {
  const { ensureServerBuilt } = await import(pathToFileURL(builder).href);
  webBuild = (await ensureServerBuilt()).web;
  // Awaited below or by `start`; a start that fails earlier reports its own error instead.
  webBuild.catch(() => undefined);
}
if (process.argv[2] !== 'start') await webBuild;
const { runCli } = await import(pathToFileURL(path.join(root, 'dist', 'server', 'main.js')).href);
await runCli(process.argv, { webBuild });
