/**
 * The network history's version (migration 0025) and the answers kept under it (ADR 0020): the version moves
 * once per committed transaction that changes the history and never for other writes; an instance that
 * kept answers sees every change made through another instance or straight in the database, and answers
 * exactly as an instance that has kept nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildApplication,
  buildCenter,
  buildMunicipalChange,
  buildMunicipality,
  buildOrganization,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../../../../test/support/factories.js';
import { down, NETWORK_HISTORY_TABLES, up } from '../../migrations/0025_network_history_version.js';

let t: TestPlatform;
let regionId: string;
let operator: string;
const ids: Record<string, string> = {};

async function logIn() {
  operator = sessionCookie(
    await t.request('POST', '/api/auth/login', {
      body: { email: ids.operatorEmail, password: TEST_PASSWORD },
    }),
  );
}

const version = async () =>
  Number(
    (
      await sql<{ v: string }>`select value as v from public_counters where name = 'network_history'`.execute(
        t.db,
      )
    ).rows[0]?.v,
  );

beforeAll(async () => {
  t = await createTestPlatform();
  regionId = (await buildRegion(t.db)).id;
  for (const slug of ['north', 'south', 'east'])
    ids[slug] = (await buildMunicipality(t.db, { regionId, slug })).id;
  ids.northCentre = (await buildCenter(t.db, { municipalityId: ids.north })).id;
  ids.southCentre = (await buildCenter(t.db, { municipalityId: ids.south })).id;
  ids.application = (await buildApplication(t.db, { municipalityId: ids.east })).id;
  await t.db
    .insertInto('rollout_targets')
    .values({ region_id: regionId, kind: 'active_centers', due_date: '2027-06-30', target: 4, note: null })
    .execute();
  const admin = await buildUser(t.db, { role: 'regional_admin', scopeId: regionId });
  ids.operatorEmail = admin.email;
  await logIn();
});
afterAll(() => t?.close());

describe('the version of the network history', () => {
  it('every history table moves it', async () => {
    const triggers = await sql<{ table: string }>`
      select c.relname as table from pg_trigger g join pg_class c on c.oid = g.tgrelid
      where g.tgname = c.relname || '_network_history' and g.tgdeferrable and g.tginitdeferred`.execute(t.db);
    expect(triggers.rows.map((r) => r.table).sort()).toEqual([...NETWORK_HISTORY_TABLES].sort());
  });

  it('moves once per committed transaction that changes the history, and for nothing else', async () => {
    const v0 = await version();
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('centers').set({ phone: '+7 900 000-00-01' }).execute();
      await trx.updateTable('organizations').set({ website: 'https://добро.example' }).execute();
      // not visible before the commit, even to the transaction itself
      const inside = await sql<{ v: string }>`
        select value as v from public_counters where name = 'network_history'`.execute(trx);
      expect(Number(inside.rows[0]?.v)).toBe(v0);
    });
    expect(await version()).toBe(v0 + 1);

    // rolled back: no move
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.updateTable('centers').set({ phone: null }).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await version()).toBe(v0 + 1);

    // writes outside the history: accounts, volunteers' roles
    await buildUser(t.db, { role: 'volunteer' });
    expect(await version()).toBe(v0 + 1);

    // a bulk load skips it (the data comes with its own counters)
    await t.db.connection().execute(async (c) => {
      await sql`select set_config('dobroset.bulk_load', 'on', false)`.execute(c);
      await sql`update centers set phone = null`.execute(c);
      await sql`select set_config('dobroset.bulk_load', '', false)`.execute(c);
    });
    expect(await version()).toBe(v0 + 1);

    // TRUNCATE moves it too (inside a transaction that is rolled back, so nothing is lost)
    await t.db
      .connection()
      .execute(async (c) => {
        await sql`begin`.execute(c);
        await sql`truncate application_stages cascade`.execute(c);
        const inside = await sql<{ v: string }>`
          select value as v from public_counters where name = 'network_history'`.execute(c);
        expect(Number(inside.rows[0]?.v)).toBe(v0 + 2);
        await sql`rollback`.execute(c);
      })
      .catch(async (error) => {
        await sql`rollback`.execute(t.db).catch(() => undefined);
        throw error;
      });
    expect(await version()).toBe(v0 + 1);
  });

  it('its migration goes down and up again', async () => {
    await down(t.db as never);
    expect(await version()).toBeNaN();
    await up(t.db as never);
    const v = await version();
    await t.db.updateTable('rollout_targets').set({ note: 'после миграции' }).execute();
    expect(await version()).toBe(v + 1);
  });
});

describe('answers kept under the version', () => {
  const paths = [
    '/api/public/summary',
    '/api/public/region',
    '/api/public/municipalities',
    '/api/public/municipalities?on=2025-01-01',
    '/api/public/centers',
    '/api/public/centers?municipality=north',
    '/api/public/centers?municipality=west',
    '/api/public/municipality-shapes',
    '/api/plan/dashboard',
  ];
  type Request = TestPlatform['request'];
  const answers = async (request: Request) => {
    const out: Record<string, unknown> = {};
    for (const path of paths) {
      const res = await request('GET', path, { cookie: operator });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      out[path] = res.json();
    }
    return out;
  };
  /** What an instance that has kept nothing answers now. */
  const fresh = async () => {
    const cold = await t.instance();
    try {
      return await answers(cold.request);
    } finally {
      await cold.close();
    }
  };

  it('another instance sees each change at once and answers as a fresh one', async () => {
    const other = await t.instance();
    try {
      await answers(t.request); // both instances keep their answers
      let before = await answers(other.request);
      const changes: [string, () => Promise<unknown>][] = [
        [
          'a centre suspended through this instance',
          async () => {
            const res = await t.request('POST', `/api/centers/${ids.northCentre}/status`, {
              cookie: operator,
              body: { to: 'suspended', comment: 'Ремонт помещения' },
            });
            expect(res.statusCode, res.body).toBe(200);
          },
        ],
        [
          'a centre opened in the database',
          () => buildCenter(t.db, { municipalityId: ids.east, name: 'Добро.Центр «Восток»' }),
        ],
        [
          'an application moved on',
          () =>
            t.db
              .updateTable('center_applications')
              .set({ stage: 'rejected' })
              .where('id', '=', ids.application as string)
              .execute(),
        ],
        [
          'an organization renamed',
          async () => {
            const org = await buildOrganization(t.db, { municipalityId: ids.south, name: 'АНО «Южные»' });
            await t.db
              .updateTable('centers')
              .set({ organization_id: org.id })
              .where('id', '=', ids.southCentre as string)
              .execute();
            await t.db.updateTable('organizations').set({ name: 'АНО «Южные добровольцы»' }).execute();
          },
        ],
        [
          'the plan changed',
          () =>
            t.db
              .updateTable('rollout_targets')
              .set({ target: 9 })
              .where('region_id', '=', regionId)
              .execute(),
        ],
        [
          'north merged into west',
          async () => {
            const west = await buildMunicipality(t.db, { regionId, slug: 'west' });
            await t.db
              .updateTable('municipalities')
              .set({ effective_from: '2026-01-01' })
              .where('id', '=', west.id)
              .execute();
            await buildMunicipalChange(t.db, {
              predecessorIds: [ids.north as string],
              successorId: west.id,
              effectiveOn: '2026-01-01',
            });
          },
        ],
      ];
      for (const [what, change] of changes) {
        await change();
        const after = await answers(other.request);
        expect(after, what).not.toEqual(before);
        expect(after, what).toEqual(await fresh());
        expect(await answers(t.request), what).toEqual(after);
        before = after;
      }
    } finally {
      await other.close();
    }
  });

  it('a new day is a new answer without any change', async () => {
    const before = await answers(t.request);
    t.clock.advance(3 * 24 * 3600_000);
    try {
      await logIn(); // the session has been idle too long
      const after = await answers(t.request);
      expect((after['/api/plan/dashboard'] as { today: string }).today).not.toBe(
        (before['/api/plan/dashboard'] as { today: string }).today,
      );
      expect(after).toEqual(await fresh());
    } finally {
      t.clock.advance(-3 * 24 * 3600_000);
    }
  });
});
