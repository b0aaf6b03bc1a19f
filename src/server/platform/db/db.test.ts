import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCenter, buildMunicipality, buildUser } from '../../../../test/support/factories.js';
import { openEmptyDatabase, openTestDatabase } from '../../../../test/support/template.js';
import { backupTo, RestoreError, restoreFrom } from './backup.js';
import { type DatabaseHandle, openPglite } from './database.js';
import { acquireDataDirLock, DataDirLockedError } from './lock.js';
import { assertSchemaNotNewer, migrateToLatest, migrationStatus, SchemaTooNewError } from './migrate.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-db-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('data directory lock', () => {
  it('a second opener is refused with a message naming the holder pid', () => {
    const dir = path.join(tmp, 'locked');
    const lock = acquireDataDirLock(dir, 'dobroset start');
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      try {
        acquireDataDirLock(dir);
      } catch (error) {
        expect((error as Error).message).toContain(`process ${process.pid}`);
        expect((error as Error).message).toContain('dobroset start');
      }
    } finally {
      lock.release();
    }
    expect(fs.existsSync(path.join(dir, 'dobroset.lock'))).toBe(false);
  });

  it('a stale lock left by a dead process is taken over', () => {
    const dir = path.join(tmp, 'stale');
    fs.mkdirSync(dir, { recursive: true });
    // A process that has certainly exited: run one and wait for it.
    const deadPid = Number(
      execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString(),
    );
    fs.writeFileSync(
      path.join(dir, 'dobroset.lock'),
      JSON.stringify({
        pid: deadPid,
        hostname: os.hostname(),
        startedAt: '2026-01-01T00:00:00Z',
        command: 'dobroset start',
      }),
    );
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('a live holder in another process keeps the directory', () => {
    const dir = path.join(tmp, 'other-process');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'dobroset.lock'),
      JSON.stringify({
        pid: process.ppid,
        hostname: os.hostname(),
        startedAt: '2026-01-01T00:00:00Z',
        command: 'dobroset start',
      }),
    );
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`process ${process.ppid}`));
  });

  it('opening an on-disk PGlite twice in one process is refused too', async () => {
    const dir = path.join(tmp, 'pglite-twice');
    const first = await openPglite({ dataDir: dir });
    try {
      await expect(openPglite({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
    } finally {
      await first.close();
    }
    const again = await openPglite({ dataDir: dir });
    await again.close();
  });
});

describe('migrations', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('the template is current and migrating again does nothing', async () => {
    expect(await migrationStatus(handle.db)).toMatchObject({ current: true });
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('a binary older than the schema refuses with a clear message', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', now()::text)`.execute(
      handle.db,
    );
    try {
      await expect(assertSchemaNotNewer(handle.db)).rejects.toThrow(SchemaTooNewError);
      await expect(migrateToLatest(handle.db)).rejects.toThrow(
        /newer than this version.*9999_from_the_future/,
      );
    } finally {
      await sql`delete from kysely_migration where name = '9999_from_the_future'`.execute(handle.db);
    }
  });

  it('normalises types the same way on both drivers', async () => {
    const row = await sql<{ n: unknown; big: unknown; num: unknown; d: unknown; ts: unknown; j: unknown }>`
      select count(*) as n, 9007199254740::int8 as big, 12.50::numeric as num, date '2025-12-31' as d,
             timestamptz '2026-01-02T03:04:05Z' as ts, '{"a":[1]}'::jsonb as j`.execute(handle.db);
    const r = row.rows[0]!;
    expect(r.n).toBe(1);
    expect(r.big).toBe(9007199254740);
    expect(r.num).toBe('12.50');
    expect(r.d).toBe('2025-12-31');
    expect(r.ts).toBeInstanceOf(Date);
    expect((r.ts as Date).toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(r.j).toEqual({ a: [1] });
  });

  it('serialises concurrent transactions without interleaving (no lost updates)', async () => {
    const municipality = await buildMunicipality(handle.db, { population: 0 });
    await Promise.all(
      Array.from({ length: 25 }, () =>
        handle.db.transaction().execute(async (trx) => {
          const row = await trx
            .selectFrom('municipalities')
            .select('population')
            .where('id', '=', municipality.id)
            .forUpdate()
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('municipalities')
            .set({ population: (row.population ?? 0) + 1 })
            .where('id', '=', municipality.id)
            .execute();
        }),
      ),
    );
    const after = await handle.db
      .selectFrom('municipalities')
      .select('population')
      .where('id', '=', municipality.id)
      .executeTakeFirstOrThrow();
    expect(after.population).toBe(25);
  });
});

describe('backup and restore', () => {
  it('round-trips every row into an empty database of the same driver, identity sequences included', async () => {
    const source = await openTestDatabase();
    const target = await openEmptyDatabase();
    try {
      const center = await buildCenter(source.db, { name: 'Добро.Центр «Берёзка»' });
      const user = await buildUser(source.db, { displayName: 'Зинаида Ёлкина' });
      // A table with a generated column (the opportunities' search vector) restores: it is recomputed;
      // the rollup's copy of it (a plain column, migration 0026) is restored as it was.
      const opportunity = await source.db
        .insertInto('opportunities')
        .values({
          center_id: center.id,
          title: 'Помощь волонтёрам',
          description: 'Разбор гуманитарной помощи',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`insert into shifts (opportunity_id, starts_at, ends_at, capacity)
        values (${opportunity.id}, now() + interval '1 day', now() + interval '25 hours', 3)`.execute(
        source.db,
      );
      await source.db
        .insertInto('audit_events')
        .values({
          at: new Date('2026-01-01T00:00:00Z'),
          actor_id: user.id,
          action: 'test',
          entity: 'user',
          entity_id: user.id,
          data: JSON.stringify({ ключ: 'значение' }),
        })
        .execute();
      const file = path.join(tmp, 'backup.jsonl.gz');
      const { rows: counts } = await backupTo(source.db, file);
      expect(counts.centers).toBe(1);
      expect(counts.users).toBe(1);

      const { rows: restored } = await restoreFrom(target.db, file);
      expect(restored).toMatchObject({ centers: 1, users: 1, audit_events: 1, regions: 1 });
      const found = await sql<{ title: string }>`
        select title from opportunities where search_vector @@ plainto_tsquery('russian', 'волонтеры')`.execute(
        target.db,
      );
      expect(found.rows.map((r) => r.title)).toEqual(['Помощь волонтёрам']);
      const kept = await sql<{ n: number }>`select count(*)::int as n from opportunity_rollups
        where search_vector @@ plainto_tsquery('russian', 'волонтеры')`.execute(target.db);
      expect(kept.rows[0]?.n).toBe(1);
      const c = await target.db.selectFrom('centers').selectAll().executeTakeFirstOrThrow();
      expect(c).toMatchObject({ id: center.id, name: 'Добро.Центр «Берёзка»' });
      const u = await target.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(u.display_name).toBe('Зинаида Ёлкина');
      expect(u.password_hash).toBe(user.password_hash);
      expect(u.created_at.toISOString()).toBe(user.created_at.toISOString());
      const a = await target.db.selectFrom('audit_events').selectAll().executeTakeFirstOrThrow();
      expect(a.data).toEqual({ ключ: 'значение' });
      // The identity sequence continues after the restored rows.
      const next = await target.db
        .insertInto('audit_events')
        .values({ at: new Date(), action: 'next', entity: 'x', data: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(next.id).toBeGreaterThan(a.id);
      expect(await migrationStatus(target.db)).toMatchObject({ current: true });

      await expect(restoreFrom(target.db, file)).rejects.toThrow(RestoreError);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('moves between drivers: a backup of the database under test restores into embedded PGlite', async () => {
    const source = await openTestDatabase();
    const target = await openPglite({ dataDir: 'memory://' });
    try {
      const municipality = await buildMunicipality(source.db, {
        name_ru: 'Таштагольский муниципальный округ',
        population: 22647,
      });
      const file = path.join(tmp, 'cross.jsonl.gz');
      await backupTo(source.db, file);
      await restoreFrom(target.db, file);
      const m = await target.db
        .selectFrom('municipalities')
        .selectAll()
        .where('id', '=', municipality.id)
        .executeTakeFirstOrThrow();
      expect(m).toMatchObject({
        name_ru: 'Таштагольский муниципальный округ',
        population: 22647,
        effective_from: municipality.effective_from,
      });
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const target = await openPglite({ dataDir: 'memory://' });
    const file = path.join(tmp, 'not-a-backup.gz');
    fs.writeFileSync(file, (await import('node:zlib')).gzipSync('hello\n'));
    await expect(restoreFrom(target.db, file)).rejects.toThrow(/not a Dobroset backup/);
    await target.close();
  });
});
