/** Seeding entry points used by `start` (first run) and `dobroset seed`. */
import type { Kysely } from 'kysely';
import { seedApplicationDefaults } from '../modules/applications/index.js';
import { seedOpportunityCategories } from '../modules/opportunities/index.js';
import { seedPlanHistory } from '../modules/plan/index.js';
import type { Clock } from '../platform/clock.js';
import type { Database } from '../platform/db/schema.js';
import { type DemoAccount, hasDemo, removeDemo, seedDemo } from './demo.js';
import { seedKuzbass } from './kuzbass.js';
import { seedServiceKinds } from './service-kinds.js';
import { seedSchematicShapes } from './shapes/schematic.js';
import { seedVolunteerDefaults } from './volunteers-defaults.js';

export type SeedResult = { regionSeeded: boolean; demoAccounts: DemoAccount[] };

/** Loads reference data if absent and, when asked and not there yet, the demo data. One transaction. */
export async function seedAll(
  db: Kysely<Database>,
  clock: Clock,
  options: { demo: boolean },
): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    await seedServiceKinds(trx);
    await seedApplicationDefaults(trx);
    await seedOpportunityCategories(trx);
    await seedVolunteerDefaults(trx);
    const regionSeeded = await seedKuzbass(trx);
    await seedPlanHistory(trx, clock.now());
    await seedSchematicShapes(trx, clock.now());
    const demoAccounts =
      options.demo && regionSeeded && !(await hasDemo(trx)) ? await seedDemo(trx, clock.now()) : [];
    return { regionSeeded, demoAccounts };
  });
}

export async function seedDemoOnly(db: Kysely<Database>, clock: Clock): Promise<DemoAccount[]> {
  return db.transaction().execute(async (trx) => ((await hasDemo(trx)) ? [] : seedDemo(trx, clock.now())));
}

export const removeDemoData = (db: Kysely<Database>) => db.transaction().execute((trx) => removeDemo(trx));
