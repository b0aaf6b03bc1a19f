/**
 * Migration 0020 clears links stored before URL fields accepted only http(s): `javascript:` and `data:`
 * websites and work-log links go, http and https ones stay exactly as they were.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/support/app.js';
import { buildCenter, buildOrganization } from '../../../test/support/factories.js';
import * as m0020 from './0020_clear_unsafe_links.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

describe('migration 0020: unsafe links', () => {
  it('clears every website and work-log link that is not http(s), and keeps the others', async () => {
    const unsafe = 'javascript:alert(document.cookie)';
    const orgBad = await buildOrganization(t.db);
    const orgGood = await buildOrganization(t.db);
    const centerBad = await buildCenter(t.db);
    const centerGood = await buildCenter(t.db);
    await sql`update organizations set website = ${unsafe} where id = ${orgBad.id}`.execute(t.db);
    await sql`update organizations set website = 'https://дом-молодёжи.рф/' where id = ${orgGood.id}`.execute(
      t.db,
    );
    await sql`update centers set website = ' JavaScript:void(0)' where id = ${centerBad.id}`.execute(t.db);
    await sql`update centers set website = 'HTTP://centre.example.ru/' where id = ${centerGood.id}`.execute(
      t.db,
    );
    const entry = async (link: string) =>
      (
        await sql<{
          id: string;
        }>`insert into work_log_entries (center_id, kind, occurred_on, title, link, created_at)
          values (${centerGood.id}, 'event', '2026-10-01', 'Акция', ${link}, now()) returning id`.execute(
          t.db,
        )
      ).rows[0]?.id as string;
    const dataLink = await entry('data:text/html,<script>alert(1)</script>');
    const httpLink = await entry('http://vk.com/dobro');

    await m0020.up(t.db as unknown as Kysely<unknown>);

    const website = async (table: 'organizations' | 'centers', id: string) =>
      (
        await sql<{
          website: string | null;
        }>`select website from ${sql.table(table)} where id = ${id}`.execute(t.db)
      ).rows[0]?.website;
    expect(await website('organizations', orgBad.id)).toBeNull();
    expect(await website('organizations', orgGood.id)).toBe('https://дом-молодёжи.рф/');
    expect(await website('centers', centerBad.id)).toBeNull();
    expect(await website('centers', centerGood.id)).toBe('HTTP://centre.example.ru/');
    const link = async (id: string) =>
      (await sql<{ link: string | null }>`select link from work_log_entries where id = ${id}`.execute(t.db))
        .rows[0]?.link;
    expect(await link(dataLink)).toBeNull();
    expect(await link(httpLink)).toBe('http://vk.com/dobro');
  });
});
