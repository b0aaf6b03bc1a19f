import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmptyDatabase, openTestDatabase } from '../../../../test/support/template.js';
import { backupTo, restoreFrom } from './backup.js';
import { type DatabaseHandle, openPostgres } from './database.js';
import type { Database } from './schema.js';

// More rows than one batch of the backup (1000) in several tables.
const USERS = 1500;
const EVENTS = 2500;
/** Above 2^53: a JavaScript number cannot hold it, the backup must carry it exactly. */
const BIG_ID = '9007199254740993';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-backup-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const linesOf = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
/** The first line where two backups differ (a plain toEqual would diff thousands of lines). */
function firstDifference(a: string[], b: string[]) {
  const at = a.findIndex((line, i) => line !== b[i]);
  if (at >= 0) return { line: at, a: a[at], b: b[at] };
  return a.length === b.length ? null : { line: a.length, a: null, b: b[a.length] };
}
const withoutCreatedAt = (headerLine: string) => ({ ...JSON.parse(headerLine), createdAt: null });

async function fill(db: Kysely<Database>) {
  await sql`insert into users (email, display_name, created_at)
    select 'bulk-' || g || '@example.ru', 'Волонтёр «' || g || '» Ёлкин', timestamptz '2026-01-01 00:00:00+00' + g * interval '1 minute'
    from generate_series(1, ${USERS}) g`.execute(db);
  await sql`insert into audit_events (at, action, entity, entity_id, data)
    select timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second', 'bulk', 'user', g::text,
      jsonb_build_object('n', g, 'ключ', 'значение', 'list', jsonb_build_array(1, 2.50, null, 'a"b\\c'))
    from generate_series(1, ${EVENTS - 1}) g`.execute(db);
  await sql`insert into audit_events (id, at, action, entity, data) overriding system value
    values (${sql.raw(BIG_ID)}, now(), 'big', 'user', '{}')`.execute(db);
}

async function count(db: Kysely<Database>, table: string) {
  const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.id(table)}`.execute(db);
  return Number(r.rows[0]?.n);
}

/** Rows read by sequential scans of `table` so far, this connection's own reads flushed first. */
async function seqTuplesRead(db: Kysely<Database>, table: string) {
  await sql`select pg_stat_force_next_flush()`.execute(db);
  await sql`select 1`.execute(db);
  const r = await sql<{ n: string }>`
    select seq_tup_read::text as n from pg_stat_user_tables where relname = ${table}`.execute(db);
  return Number(r.rows[0]?.n);
}

describe('backup of tables larger than one batch', () => {
  it('round-trips byte for byte, carries big numbers exactly, and leaves the restored tables analyzed', async () => {
    const source = await openTestDatabase();
    const target = await openEmptyDatabase();
    try {
      await fill(source.db);
      const first = path.join(tmp, 'first.jsonl.gz');
      // on PostgreSQL the rows are streamed with COPY (backup-copy.ts)
      const { rows } = await backupTo(source.db, first, { copyUrl: source.url });
      for (const table of ['users', 'audit_events', 'regions'])
        expect(rows[table], table).toBe(await count(source.db, table));
      expect(rows.users).toBeGreaterThanOrEqual(USERS);
      expect(rows.audit_events).toBe(EVENTS);

      const restored = await restoreFrom(target.db, first);
      expect(restored.rows).toMatchObject({ users: rows.users, audit_events: EVENTS });
      const second = path.join(tmp, 'second.jsonl.gz');
      await backupTo(target.db, second, { copyUrl: target.url });
      const [headerA, ...a] = linesOf(first);
      const [headerB, ...b] = linesOf(second);
      expect(withoutCreatedAt(headerB as string)).toEqual(withoutCreatedAt(headerA as string));
      expect(firstDifference(a, b)).toBeNull();
      if (source.url) {
        // COPY and the cursor write the same file
        const third = path.join(tmp, 'third.jsonl.gz');
        await backupTo(source.db, third);
        const [headerC, ...c] = linesOf(third);
        expect(withoutCreatedAt(headerC as string)).toEqual(withoutCreatedAt(headerA as string));
        expect(firstDifference(a, c)).toBeNull();
      }

      const big = await sql<{ id: string }>`
        select id::text as id from audit_events where id = ${sql.raw(BIG_ID)}`.execute(target.db);
      expect(big.rows).toEqual([{ id: BIG_ID }]);
      const event = await sql<{ list: string }>`
        select data->>'list' as list from audit_events where entity_id = '7'`.execute(target.db);
      expect(event.rows).toEqual([{ list: '[1, 2.50, null, "a\\"b\\\\c"]' }]);

      // ANALYZE ran: the planner knows the row counts and has column statistics.
      const stats = await sql<{ relname: string; reltuples: number; columns: string }>`
        select c.relname, c.reltuples::float8 as reltuples,
          (select count(*)::text from pg_stats s where s.schemaname = 'public' and s.tablename = c.relname) as columns
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relname in ('users', 'audit_events') order by c.relname`.execute(
        target.db,
      );
      expect(stats.rows).toEqual([
        { relname: 'audit_events', reltuples: EVENTS, columns: expect.not.stringMatching(/^0$/) },
        { relname: 'users', reltuples: rows.users, columns: expect.not.stringMatching(/^0$/) },
      ]);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('restores a backup whose rows JavaScript re-encoded (the format before cursors)', async () => {
    const source = await openTestDatabase();
    const target = await openEmptyDatabase();
    try {
      await fill(source.db);
      const file = path.join(tmp, 'reencoded.jsonl.gz');
      const { rows } = await backupTo(source.db, file);
      const [header, ...lines] = linesOf(file);
      const old = [header, ...lines.filter(Boolean).map((l) => JSON.stringify(JSON.parse(l)))];
      fs.writeFileSync(file, zlib.gzipSync(`${old.join('\n')}\n`));
      const restored = await restoreFrom(target.db, file);
      expect(restored.rows).toMatchObject({ users: rows.users, audit_events: EVENTS });
      expect(await count(target.db, 'audit_events')).toBe(EVENTS);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('reads each table once through the cursor, not once per batch', async () => {
    const handle = await openTestDatabase();
    // On PostgreSQL, a pool of one connection: the backup's reads are that connection's own statistics.
    let reader: DatabaseHandle = handle;
    if (handle.kind === 'postgres' && handle.url) reader = await openPostgres(handle.url, 1);
    try {
      await fill(handle.db);
      const before = await seqTuplesRead(reader.db, 'audit_events');
      await backupTo(reader.db, path.join(tmp, 'once.jsonl.gz'));
      const read = (await seqTuplesRead(reader.db, 'audit_events')) - before;
      expect(read).toBeGreaterThanOrEqual(EVENTS);
      expect(read).toBeLessThan(2 * EVENTS);
    } finally {
      if (reader !== handle) await reader.close();
      await handle.close();
    }
  });

  it('is one consistent snapshot while another connection keeps writing', async () => {
    const handle = await openTestDatabase();
    try {
      await fill(handle.db);
      const file = path.join(tmp, 'concurrent.jsonl.gz');
      let finished = false;
      const backup = backupTo(handle.db, file, { copyUrl: handle.url }).finally(() => {
        finished = true;
      });
      // Each transaction adds a user and an event about that user: a snapshot has both or neither.
      let written = 0;
      const writer = (async () => {
        while (!finished) {
          await handle.db.transaction().execute(async (trx) => {
            const user = await trx
              .insertInto('users')
              .values({ email: `pair-${written}@example.ru`, display_name: `Пара ${written}` })
              .returning('id')
              .executeTakeFirstOrThrow();
            await trx
              .insertInto('audit_events')
              .values({ at: new Date(), actor_id: user.id, action: 'pair', entity: 'user', data: '{}' })
              .execute();
          });
          written += 1;
          // PGlite answers without I/O: let the backup's file writes run between the transactions.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const [{ rows }] = await Promise.all([backup, writer]);
      const lines = linesOf(file)
        .slice(1)
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { t: string; r: Record<string, unknown> });
      const pairUsers = new Set(
        lines.filter((l) => l.t === 'users' && String(l.r.email).startsWith('pair-')).map((l) => l.r.id),
      );
      const pairEvents = lines.filter((l) => l.t === 'audit_events' && l.r.action === 'pair');
      expect(pairEvents.length).toBe(pairUsers.size);
      for (const e of pairEvents) expect(pairUsers.has(e.r.actor_id)).toBe(true);
      expect(lines.filter((l) => l.t === 'audit_events' && l.r.action !== 'pair').length).toBe(EVENTS);
      expect(rows.audit_events).toBe(EVENTS + pairEvents.length);
      expect(rows.users).toBe(lines.filter((l) => l.t === 'users').length);
      expect(written).toBeGreaterThanOrEqual(pairEvents.length);
    } finally {
      await handle.close();
    }
  });

  it('a failed backup leaves no file and no connection behind', async () => {
    const handle = await openTestDatabase();
    try {
      const file = path.join(tmp, 'missing-dir', 'failed.jsonl.gz');
      await expect(backupTo(handle.db, file, { copyUrl: handle.url })).rejects.toThrow();
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.existsSync(`${file}.partial`)).toBe(false);
      if (handle.kind === 'postgres') {
        // the copying connection was ended (its backend leaves pg_stat_activity a moment later)
        const copying = async () =>
          (
            await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
              where application_name = 'dobroset backup' and datname = current_database()`.execute(handle.db)
          ).rows[0]?.n;
        for (let i = 0; i < 100 && (await copying()) !== 0; i += 1)
          await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await copying()).toBe(0);
      }
    } finally {
      await handle.close();
    }
  });
});
