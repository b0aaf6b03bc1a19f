/**
 * Each test file gets a fresh, migrated database cheaply: the global setup migrates one template (and
 * installs the job-queue schema); files clone it — PGlite from a data-dir tarball, PostgreSQL with
 * CREATE DATABASE … TEMPLATE.
 */

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/server/platform/db/database.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { createJobs } from '../../src/server/platform/jobs/jobs.js';

export const TEMPLATE_DB = 'dobroset_template';

export async function prepareSchema(handle: DatabaseHandle) {
  await migrateToLatest(handle.db);
  const jobs = createJobs(handle.executor, pino({ level: 'silent' }), { work: false });
  await jobs.start();
  await jobs.stop();
}

export async function buildPgliteTemplate(file: string) {
  const handle = await openPglite({ dataDir: 'memory://' });
  await prepareSchema(handle);
  const dump = await handle.pglite!.dumpDataDir('none');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
}

export async function buildPostgresTemplate(serverUrl: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB}`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const handle = await openPostgres(withDatabase(serverUrl, TEMPLATE_DB), 2);
  await prepareSchema(handle);
  await handle.close();
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates a database on the test server (optionally from the template) and drops it again on close. */
async function openScratchPostgres(prefix: string, template: string | null): Promise<DatabaseHandle> {
  const serverUrl = inject('pgUrl');
  if (!serverUrl) throw new Error('pgUrl was not provided (the global setup provides it)');
  const name = `${prefix}_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const handle = await openPostgres(withDatabase(serverUrl, name), 5);
  return {
    ...handle,
    async close() {
      await handle.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

const onPostgres = () => (process.env.TEST_DB ?? 'pglite') === 'postgres';

function refuseInUnitProject() {
  if (inject('noDatabase')) {
    throw new Error('a unit test opened a database: move the file to the db project (vitest.config.ts)');
  }
}

/** An empty database (no schema) of the driver under test, e.g. a restore target. */
export function openEmptyDatabase(): Promise<DatabaseHandle> {
  refuseInUnitProject();
  return onPostgres() ? openScratchPostgres('e', null) : openPglite({ dataDir: 'memory://' });
}

let templateTar: { file: string; blob: Blob } | undefined;

/** A fresh, migrated database for one test file. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  refuseInUnitProject();
  if (onPostgres()) return openScratchPostgres('t', TEMPLATE_DB);
  const file = inject('pgliteTemplate');
  if (!file) throw new Error('pgliteTemplate was not provided (the global setup provides it)');
  // read once per worker process: the files of the db project share it
  if (templateTar?.file !== file) templateTar = { file, blob: new Blob([fs.readFileSync(file)]) };
  return openPglite({ dataDir: 'memory://', loadDataDir: templateTar.blob });
}
