#!/usr/bin/env node
// The `dobroset` command. Builds what must be built on first use (or after the sources changed), then runs.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builder = path.join(root, 'scripts', 'build-lib.mjs');
try {
  const { ensureBuilt } = await import(pathToFileURL(builder).href);
  ensureBuilt();
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  // An installed package ships dist/ prebuilt and no build scripts.
}
const { runCli } = await import(pathToFileURL(path.join(root, 'dist', 'server', 'main.js')).href);
await runCli(process.argv);
