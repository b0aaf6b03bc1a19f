import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { removeDemoData, seedAll } from '../../seed/seed.js';
import { DEFAULT_SKILLS } from '../../seed/volunteers-defaults.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

describe('volunteer reference and demo data', () => {
  it('loads vocabularies and consent documents once; demo volunteers get consents and a led squad', async () => {
    await seedAll(t.db, t.clock, { demo: true });
    await seedAll(t.db, t.clock, { demo: true });
    const skills = await t.db.selectFrom('skills').select('code').execute();
    expect(skills).toHaveLength(DEFAULT_SKILLS.length);
    const docs = await t.db.selectFrom('consent_documents').select('purpose').execute();
    expect(docs.map((d) => d.purpose).sort()).toEqual([
      'guardian_consent',
      'newsletters',
      'partner_transfer',
      'publication',
      'volunteering',
    ]);

    // Demo minors have a guardian consent, so every demo volunteer is eligible.
    const minors = await t.db
      .selectFrom('volunteer_profiles as p')
      .select('p.user_id')
      .where('p.is_demo', '=', true)
      .where('p.birth_date', '>', '2008-11-24')
      .execute();
    expect(minors.length).toBeGreaterThan(0);
    for (const m of minors) {
      const row = await t.db
        .selectFrom('consents')
        .select('id')
        .where('user_id', '=', m.user_id)
        .where('purpose', '=', 'guardian_consent')
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      expect(row).toBeDefined();
    }
    const squad = await t.db
      .selectFrom('squads')
      .selectAll()
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    const leader = await t.db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select('users.email')
      .where('scope_id', '=', squad.id)
      .executeTakeFirstOrThrow();
    expect(leader.email).toMatch(/^volunteer@/);

    await removeDemoData(t.db);
    expect(await t.db.selectFrom('squads').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('skills').select('code').execute()).toHaveLength(DEFAULT_SKILLS.length);
  });
});
