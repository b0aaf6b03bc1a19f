/**
 * Logical backup and restore, the same for both drivers: one gzip'd JSON-lines file, taken in a single
 * REPEATABLE READ transaction (a consistent snapshot). A backup made on the embedded database restores
 * into PostgreSQL and back, which is also how an installation moves to a server.
 *
 * Uploaded files (application documents) are part of the data: when a file store is given, every file the
 * snapshot references is written into the same backup (base64, after the rows) and restored into the
 * target store, so one file is enough to move or recover an installation.
 *
 * Each table is read once: on PostgreSQL streamed with COPY by a connection that imports the transaction's
 * snapshot (backup-copy.ts), on PGlite through a server-side cursor in that transaction, a batch at a time.
 * Memory stays bounded and the gzip stream's backpressure is respected; a row travels as the text
 * PostgreSQL's `row_to_json` gives, into the file and back into `json_populate_recordset`, never re-encoded
 * by JavaScript. A restore ends with ANALYZE: fresh tables have no statistics for the planner.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { type Kysely, Migrator, sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { FileStore } from '../storage/file-store.js';
import { type CopySource, openCopySource } from './backup-copy.js';
import { appliedMigrations, expectedMigrations, migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

export const BACKUP_FORMAT = 'dobroset-backup';
const BATCH = 1000;

type Header = { format: string; version: 1; createdAt: string; migrations: string[]; tables: string[] };

/** Columns that hold keys of the file store; each referenced file travels with the backup. */
const FILE_KEY_COLUMNS = [
  { table: 'application_document_versions', column: 'storage_key' },
  { table: 'volunteer_profiles', column: 'photo_key' },
] as const;

export type BackupResult = {
  /** Rows per table. */
  rows: Record<string, number>;
  /** Files copied into the backup. */
  files: number;
  /** Keys referenced by rows whose file was not in the store (reported, never silently dropped). */
  missingFiles: string[];
};
export type RestoreResult = { rows: Record<string, number>; files: number };

type FileLine = { f: string; b: string };

/** Public tables in an order where every table comes after the tables it references. */
async function tablesInDependencyOrder(db: Kysely<Database>): Promise<{ name: string; selfRef: boolean }[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'kysely_%'
    order by c.relname`.execute(db);
  const edges = await sql<{ child: string; parent: string }>`
    select cl.relname as child, pl.relname as parent from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`.execute(db);
  const names = tables.rows.map((t) => t.name);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  const selfRef = new Set<string>();
  for (const e of edges.rows) {
    if (e.child === e.parent) selfRef.add(e.child);
    else parents.get(e.child)?.add(e.parent);
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (n: string) => {
    if (ordered.includes(n) || visiting.has(n)) return;
    visiting.add(n);
    for (const p of parents.get(n) ?? []) visit(p);
    visiting.delete(n);
    ordered.push(n);
  };
  for (const n of names) visit(n);
  return ordered.map((name) => ({ name, selfRef: selfRef.has(name) }));
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected table name ${name}`);
  return sql.id(name);
};

/**
 * Writes a backup to `file` (with the referenced uploaded files when `files` is given). With `copyUrl` (the
 * PostgreSQL server `db` is on), rows are streamed with COPY on a connection of their own that imports the
 * backup's snapshot (backup-copy.ts); otherwise (PGlite) through a cursor in the backup's transaction.
 */
export async function backupTo(
  db: Kysely<Database>,
  file: string,
  options: { files?: FileStore; copyUrl?: string | null } = {},
): Promise<BackupResult> {
  const counts: Record<string, number> = {};
  const result: BackupResult = { rows: counts, files: 0, missingFiles: [] };
  const out = backupFile(file);
  const opened: { copier: CopySource | null } = { copier: null };
  try {
    const { tables, fileKeys } = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const tables = (await tablesInDependencyOrder(trx)).map((t) => t.name);
        const header: Header = {
          format: BACKUP_FORMAT,
          version: 1,
          createdAt: new Date().toISOString(),
          migrations: await appliedMigrations(trx),
          tables,
        };
        await out.write(header);
        const fileKeys = options.files ? await referencedFiles(trx) : [];
        if (options.copyUrl) {
          // the copying connection takes this snapshot before this transaction ends
          const snapshot = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
          opened.copier = await openCopySource(options.copyUrl, snapshot.rows[0]?.id as string);
        } else {
          for (const name of tables) counts[name] = await writeTable(trx, name, out.writeText);
        }
        return { tables, fileKeys };
      });
    const copier = opened.copier;
    if (copier) for (const name of tables) counts[name] = await copier.writeTable(name, out.writeText);
    if (options.files) await writeFiles(fileKeys, options.files, out.write, result);
    await out.finish();
  } catch (error) {
    throw await out.abandon(error);
  } finally {
    await opened.copier?.close();
  }
  return result;
}

/**
 * The backup's gzip file, written as `<file>.partial` and renamed when finished. A file that cannot be
 * written (no such folder, disk full) fails the writes instead of leaving one waiting for a 'drain' that
 * never comes; an abandoned backup leaves no partial file.
 */
function backupFile(file: string) {
  // the fastest level: at region scale (1.8 M rows, 963 MB of JSON) it compresses in 3 s instead of 7.5–12 s
  // at the default level, for a file 13 % larger (128 MB instead of 113 MB)
  const gzip = zlib.createGzip({ level: zlib.constants.Z_BEST_SPEED });
  const partial = `${file}.partial`;
  const done = pipeline(gzip, fs.createWriteStream(partial));
  let failure: unknown = null;
  done.catch((error) => {
    failure = error;
  });
  const closed = () => failure ?? new Error(`The backup file ${file} could not be written`);
  const writeText = (text: string | Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (failure || gzip.destroyed) return reject(closed());
      if (gzip.write(text)) return resolve();
      const settle = () => {
        gzip.off('drain', settle);
        gzip.off('close', settle);
        if (gzip.destroyed) reject(closed());
        else resolve();
      };
      gzip.on('drain', settle);
      gzip.on('close', settle);
    });
  return {
    writeText,
    write: (value: unknown) => writeText(`${JSON.stringify(value)}\n`),
    async finish() {
      gzip.end();
      await done;
      fs.renameSync(partial, file);
    },
    /** Stops writing and removes the partial file; returns the error to report (the file's own, if any). */
    async abandon(error: unknown) {
      gzip.destroy();
      const cause = await done.then(
        () => null,
        (e: unknown) => e,
      );
      fs.rmSync(partial, { force: true });
      return failure && cause ? cause : error;
    },
  };
}

/**
 * Writes every row of one table as `{"t":<table>,"r":<row>}` lines: one pass over the table through a
 * cursor (a query per batch with OFFSET would read the table again for every batch).
 */
async function writeTable(
  trx: Kysely<Database>,
  name: string,
  writeText: (text: string) => Promise<void>,
): Promise<number> {
  const prefix = `{"t":${JSON.stringify(name)},"r":`;
  let count = 0;
  await sql`declare dobroset_backup no scroll cursor for
    select row_to_json(t)::text as r from ${ident(name)} t`.execute(trx);
  for (;;) {
    const { rows } = await sql<{ r: string }>`fetch ${sql.lit(BATCH)} from dobroset_backup`.execute(trx);
    if (rows.length > 0) await writeText(rows.map(({ r }) => `${prefix}${oneLine(r)}}\n`).join(''));
    count += rows.length;
    if (rows.length < BATCH) break;
  }
  await sql`close dobroset_backup`.execute(trx);
  return count;
}

/** A `json` column keeps its text as written, line breaks included; a line must stay one line. */
const oneLine = (json: string) => (/[\r\n]/.test(json) ? JSON.stringify(JSON.parse(json)) : json);

/** Keys of the uploaded files the rows reference, in the backup's snapshot. */
async function referencedFiles(trx: Kysely<Database>): Promise<string[]> {
  const keys: string[] = [];
  for (const { table, column } of FILE_KEY_COLUMNS) {
    const found = await sql<{ key: string }>`
      select distinct ${sql.id(column)} as key from ${ident(table)}
      where ${sql.id(column)} is not null order by 1`.execute(trx);
    keys.push(...found.rows.map((r) => r.key));
  }
  return keys;
}

async function writeFiles(
  keys: string[],
  store: FileStore,
  write: (value: FileLine) => Promise<void>,
  result: BackupResult,
): Promise<void> {
  for (const key of keys) {
    const bytes = await store.get(key);
    if (!bytes) {
      result.missingFiles.push(key);
      continue;
    }
    await write({ f: key, b: bytes.toString('base64') });
    result.files += 1;
  }
}

export class RestoreError extends Error {}

/**
 * Restores a backup into an empty database: schema at the backup's version, rows, then newer migrations.
 * Files in the backup go into `files` (a file already there under the same key is left as it is: keys are
 * random and files immutable); without a store, a backup that carries files is refused rather than
 * restored without them.
 */
export async function restoreFrom(
  db: Kysely<Database>,
  file: string,
  options: { files?: FileStore } = {},
): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new RestoreError(`Backup file ${file} does not exist`);
  if ((await appliedMigrations(db)).length > 0) {
    throw new RestoreError(
      'The target database is not empty. Restore into an empty data directory or database.',
    );
  }
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  let header: Header;
  try {
    header = JSON.parse(String(first.value)) as Header;
  } catch {
    throw new RestoreError(`${file} is not a Dobroset backup`);
  }
  if (header.format !== BACKUP_FORMAT || header.version !== 1)
    throw new RestoreError(`${file} is not a Dobroset backup (v1)`);
  const known = new Set(expectedMigrations());
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new RestoreError(
      `The backup is from a newer version (migrations ${unknown.join(', ')}); restore it with that version.`,
    );
  }
  const last = header.migrations.at(-1);
  if (last) {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const result = await migrator.migrateTo(last);
    if (result.error) throw result.error;
  }
  const counts: Record<string, number> = {};
  let files = 0;
  await db.transaction().execute(async (trx) => {
    // The backup holds every row of its tables: rows the migrations put there (a counter's first value)
    // give way to the backed-up ones.
    if (header.tables.length > 0) await sql`truncate ${sql.join(header.tables.map(ident))}`.execute(trx);
    // Derived figures (counters, rollups) are restored as the snapshot had them: the triggers that move
    // them on every write stand aside while the rows go in (migrations 0021, 0022).
    await sql`select set_config('dobroset.bulk_load', 'on', true)`.execute(trx);
    const selfRef = new Set((await tablesInDependencyOrder(trx)).filter((t) => t.selfRef).map((t) => t.name));
    let table: string | null = null;
    let batch: string[] = [];
    // Generated columns (e.g. a stored tsvector) are computed again, never inserted.
    const generated = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and is_generated = 'ALWAYS'`.execute(trx);
    const columnsCache = new Map<string, string[]>();
    const insertableColumns = async (name: string) => {
      let columns = columnsCache.get(name);
      if (!columns) {
        const skip = new Set(generated.rows.filter((g) => g.table_name === name).map((g) => g.column_name));
        const all = await sql<{ column_name: string }>`
          select column_name from information_schema.columns
          where table_schema = 'public' and table_name = ${name} order by ordinal_position`.execute(trx);
        columns = all.rows.map((c) => c.column_name).filter((c) => !skip.has(c));
        columnsCache.set(name, columns);
      }
      return columns;
    };
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const columns = sql.join((await insertableColumns(table)).map((c) => sql.id(c)));
      await sql`insert into ${ident(table)} (${columns}) overriding system value
        select ${columns} from json_populate_recordset(null::${ident(table)}, ${`[${batch.join(',')}]`}::json)`.execute(
        trx,
      );
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
      if (!line) continue;
      const parsed = parseLine(line);
      if ('f' in parsed) {
        await flush();
        table = null;
        if (!options.files) throw new RestoreError('This backup holds uploaded files; give a file store.');
        if (!(await options.files.has(parsed.f)))
          await options.files.put(parsed.f, Buffer.from(parsed.b, 'base64'));
        files += 1;
        continue;
      }
      const { t, r } = parsed;
      if (t !== table) {
        await flush();
        table = t;
      }
      batch.push(r);
      if (batch.length >= BATCH && !selfRef.has(t)) await flush();
    }
    await flush();
    // Identity columns continue after the restored maximum.
    const identities = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and is_identity = 'YES'`.execute(trx);
    for (const { table_name, column_name } of identities.rows) {
      await sql`select setval(pg_get_serial_sequence(${`public.${table_name}`}, ${column_name}),
        coalesce((select max(${sql.id(column_name)}) from ${ident(table_name)}), 0) + 1, false)`.execute(trx);
    }
  });
  await migrateToLatest(db);
  // Fresh tables have no statistics: until ANALYZE (PGlite has no autovacuum) the planner guesses badly.
  const tables = (await tablesInDependencyOrder(db)).map((t) => ident(t.name));
  if (tables.length > 0) await sql`analyze ${sql.join(tables)}`.execute(db);
  return { rows: counts, files };
}

const ROW_LINE = /^\{"t":"([a-z_][a-z0-9_]*)","r":(\{.*\})\}$/s;

/**
 * A row line keeps its row as text (`r`), as `backupTo` wrote it, for `json_populate_recordset`: parsing
 * and re-encoding it in JavaScript would cost time and round big numbers. Other lines are parsed.
 */
function parseLine(line: string): { t: string; r: string } | FileLine {
  const row = ROW_LINE.exec(line);
  if (row) return { t: row[1] as string, r: row[2] as string };
  const parsed = JSON.parse(line) as { t: string; r: unknown } | FileLine;
  return 'f' in parsed ? parsed : { t: parsed.t, r: JSON.stringify(parsed.r) };
}
