// Backup and restore at scale (issue 11): `backupTo` of an existing database into a temporary file, then
// `restoreFrom` that file into a fresh, empty embedded database (a temporary data directory), against a
// single `select count(*)` over the largest table of the source in the same run as the baseline. Reports
// rows, seconds, rows/s, the file's bytes, the backup's memory growth and the process's peak memory; the
// restored row counts must equal the backed-up ones. From PostgreSQL the backup streams rows with COPY, and
// the baseline is the same COPY of every table read and thrown away.
//
// Usage: node bench/backup.mjs [--scale demo|region]
//   DATABASE_URL=postgres://…   back up that database (only read)
//   DATA_DIR=dir                back up the embedded database in dir (e.g. data-bench/region)
//   neither                     generate bench/data.mjs's dataset at --scale (default demo) into a
//                               temporary embedded database first
//   RESTORE_DATABASE_URL=…      restore into that (empty) PostgreSQL database instead of PGlite
// Prints a table; writes the run as the entry of its source in bench/results/backup.json when that folder
// exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { ensureBuilt, root } from '../scripts/build-lib.mjs';
import { generate } from './data.mjs';
import { distImporter } from './lib/util.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const scale = arg('scale', 'demo');
const databaseUrl = process.env.DATABASE_URL || null;
const dataDir = process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : null;
const restoreUrl = process.env.RESTORE_DATABASE_URL || null;

ensureBuilt();
const dist = distImporter(root);
const { openDatabase, UNBOUNDED_TIMEOUTS } = await dist('platform/db/database.js');
const { backupTo, restoreFrom } = await dist('platform/db/backup.js');
const { migrateToLatest } = await dist('platform/db/migrate.js');
const { seedAll } = await dist('seed/seed.js');
const { systemClock } = await dist('platform/clock.js');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-bench-backup-'));
const seconds = (from) => (performance.now() - from) / 1000;
const sum = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

let source;
let label;
try {
  if (databaseUrl || dataDir) {
    source = await openDatabase({
      databaseUrl,
      dataDir: dataDir ?? undefined,
      lockCommand: 'bench:backup',
      timeouts: UNBOUNDED_TIMEOUTS,
    });
    label = databaseUrl ? 'postgres' : 'pglite';
  } else {
    source = await openDatabase({ dataDir: path.join(tmp, 'source'), lockCommand: 'bench:backup' });
    label = `pglite-generated-${scale}`;
    const started = performance.now();
    await migrateToLatest(source.db);
    await seedAll(source.db, systemClock, { demo: false });
    await generate({ db: source.db, scale, isPostgres: false });
    process.stdout.write(`generated the ${scale} dataset in ${seconds(started).toFixed(1)} s\n`);
  }

  const file = path.join(tmp, 'backup.jsonl.gz');
  const rssBeforeMiB = process.memoryUsage().rss / 2 ** 20;
  let started = performance.now();
  const backup = await backupTo(source.db, file, { copyUrl: databaseUrl });
  const backupSeconds = seconds(started);
  // the process's peak so far is the backup's (the restore comes later)
  const backupPeakMiB = process.resourceUsage().maxRSS / 1024;
  // Baseline on PostgreSQL: the same COPY of every table, read and thrown away (no file, no gzip).
  let bare = null;
  if (databaseUrl) {
    const pg = (await import('pg')).default;
    const { to: copyTo } = await import('pg-copy-streams');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const bareStarted = performance.now();
      let bytes = 0;
      for (const table of Object.keys(backup.rows)) {
        const stream = client.query(
          copyTo(`copy (select row_to_json(t)::text from "${table}" t) to stdout (format binary)`),
        );
        for await (const chunk of stream) bytes += chunk.length;
      }
      bare = { seconds: seconds(bareStarted), bytes };
    } finally {
      await client.end();
    }
  }
  const rows = sum(backup.rows);
  const bytes = fs.statSync(file).size;
  process.stdout.write(`backupTo: ${rows} rows in ${backupSeconds.toFixed(1)} s; restoring…\n`);

  const [largest, largestRows] = Object.entries(backup.rows).sort((a, b) => b[1] - a[1])[0];
  started = performance.now();
  await sql`select count(*) from ${sql.id(largest)}`.execute(source.db);
  const countSeconds = seconds(started);
  await source.close();
  source = null;

  const target = await openDatabase({
    databaseUrl: restoreUrl,
    dataDir: path.join(tmp, 'restored'),
    lockCommand: 'bench:backup',
    timeouts: UNBOUNDED_TIMEOUTS,
  });
  let restore;
  try {
    started = performance.now();
    restore = await restoreFrom(target.db, file);
  } finally {
    await target.close();
  }
  const restoreSeconds = seconds(started);
  for (const [table, n] of Object.entries(backup.rows))
    if ((restore.rows[table] ?? 0) !== n)
      throw new Error(`${table}: ${n} rows backed up, ${restore.rows[table] ?? 0} restored`);

  const peakMiB = process.resourceUsage().maxRSS / 1024;
  const result = {
    source: label,
    restoredInto: restoreUrl ? 'postgres' : 'pglite',
    measuredAt: new Date().toISOString(),
    tables: Object.keys(backup.rows).length,
    rows,
    largestTable: { name: largest, rows: largestRows, countSeconds: Number(countSeconds.toFixed(3)) },
    fileBytes: bytes,
    backup: {
      seconds: Number(backupSeconds.toFixed(2)),
      rowsPerSecond: Math.round(rows / backupSeconds),
      method: databaseUrl ? 'copy' : 'cursor',
      rssGrowthMiB: Math.round(backupPeakMiB - rssBeforeMiB),
    },
    bareCopy: bare && {
      seconds: Number(bare.seconds.toFixed(2)),
      rowsPerSecond: Math.round(rows / bare.seconds),
      ratio: Number((bare.seconds / backupSeconds).toFixed(2)),
    },
    restore: { seconds: Number(restoreSeconds.toFixed(2)), rowsPerSecond: Math.round(rows / restoreSeconds) },
    peakRssMiB: Math.round(peakMiB),
  };

  const line = (name, s, note) => `${name.padEnd(34)} ${s.toFixed(2).padStart(9)} s  ${note}\n`;
  process.stdout.write(
    `\nsource ${label}: ${rows.toLocaleString('en')} rows in ${result.tables} tables, file ${(bytes / 2 ** 20).toFixed(1)} MiB\n`,
  );
  process.stdout.write(
    line(`count(*) ${largest} (baseline)`, countSeconds, `${largestRows.toLocaleString('en')} rows`),
  );
  process.stdout.write(
    line('backupTo', backupSeconds, `${result.backup.rowsPerSecond.toLocaleString('en')} rows/s`),
  );
  if (result.bareCopy)
    process.stdout.write(
      line(
        'bare COPY of every table (baseline)',
        result.bareCopy.seconds,
        `${result.bareCopy.rowsPerSecond.toLocaleString('en')} rows/s; backupTo at ${result.bareCopy.ratio} of it`,
      ),
    );
  process.stdout.write(`backup's memory growth (RSS) ${result.backup.rssGrowthMiB} MiB\n`);
  process.stdout.write(
    line(
      `restoreFrom → ${result.restoredInto} (+ ANALYZE)`,
      restoreSeconds,
      `${result.restore.rowsPerSecond.toLocaleString('en')} rows/s`,
    ),
  );
  process.stdout.write(`peak memory (RSS) ${result.peakRssMiB} MiB\n`);

  const resultsDir = path.join(root, 'bench', 'results');
  if (fs.existsSync(resultsDir)) {
    const out = path.join(resultsDir, 'backup.json');
    const previous = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : {};
    const runs = { ...(previous.runs ?? {}), [label]: result };
    fs.writeFileSync(out, `${JSON.stringify({ bench: 'backup', runs }, null, 2)}\n`);
    process.stdout.write('written: bench/results/backup.json\n');
  }
} finally {
  if (source) await source.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
