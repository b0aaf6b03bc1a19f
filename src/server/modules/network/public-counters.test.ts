/**
 * The public counters of migration 0022 against a count from scratch: accounts given or losing the
 * volunteer role, blocked, unblocked and deleted, one by one and concurrently; and the home page's figure.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { buildRegion, buildUser } from '../../../../test/support/factories.js';

describe('active volunteers counter', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform();
    await buildRegion(t.db);
  });
  afterAll(() => t?.close());

  const kept = async () =>
    Number(
      (
        await sql<{
          v: number;
        }>`select value as v from public_counters where name = 'active_volunteers'`.execute(t.db)
      ).rows[0]?.v ?? 0,
    );
  const counted = async () =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from role_assignments r join users u on u.id = r.user_id
          where r.role = 'volunteer' and u.status = 'active'`.execute(t.db)
      ).rows[0]?.n ?? 0,
    );

  it('follows roles, blocking and deletion', async () => {
    const start = await kept();
    expect(start).toBe(await counted());
    const volunteersShown = async () => (await t.request('GET', '/api/public/summary')).json().volunteers;
    expect(await volunteersShown()).toBe(start);
    const a = await buildUser(t.db, { role: 'volunteer' });
    const b = await buildUser(t.db, { role: 'volunteer' });
    await buildUser(t.db);
    expect(await kept()).toBe(start + 2);
    // the summary's figures from the network's history are kept (ADR 0020); this one is not
    expect(await volunteersShown()).toBe(start + 2);
    await t.db.updateTable('users').set({ status: 'blocked' }).where('id', '=', a.id).execute();
    expect(await kept()).toBe(start + 1);
    // blocked again: no change; role removed from a blocked account: no change
    await t.db.updateTable('users').set({ status: 'blocked' }).where('id', '=', a.id).execute();
    await t.db.deleteFrom('role_assignments').where('user_id', '=', a.id).execute();
    expect(await kept()).toBe(start + 1);
    await t.db.updateTable('users').set({ status: 'active' }).where('id', '=', a.id).execute();
    expect(await kept()).toBe(start + 1);
    await t.db.deleteFrom('users').where('id', '=', b.id).execute();
    expect(await kept()).toBe(start);
    expect(await kept()).toBe(await counted());
    const summary = await t.request('GET', '/api/public/summary');
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json().volunteers).toBe(start);
  });

  it('stays exact under concurrent registrations and blocks', async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => buildUser(t.db, { role: 'volunteer' })));
    await Promise.all(
      users.map((u, i) =>
        t.db
          .updateTable('users')
          .set({ status: i % 2 ? 'blocked' : 'active' })
          .where('id', '=', u.id)
          .execute(),
      ),
    );
    expect(await kept()).toBe(await counted());
  });

  it('is recounted by recompute_rollups() after a bulk load', async () => {
    await t.db.connection().execute(async (c) => {
      await sql`select set_config('dobroset.bulk_load', 'on', false)`.execute(c);
      const u = await sql<{ id: string }>`insert into users (email, display_name, created_at, updated_at)
        values ('bulk-counter@example.ru', 'Массовый', now(), now()) returning id`.execute(c);
      await sql`insert into role_assignments (user_id, role, scope_type) values (${u.rows[0]?.id}, 'volunteer', 'self')`.execute(
        c,
      );
      await sql`select recompute_rollups()`.execute(c);
      await sql`select set_config('dobroset.bulk_load', '', false)`.execute(c);
    });
    expect(await kept()).toBe(await counted());
  });
});
