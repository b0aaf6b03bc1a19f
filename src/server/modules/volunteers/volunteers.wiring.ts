/** The volunteers module's services with their repositories, for runtime.ts. */
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { createConsentsService } from './consents.service.js';
import { createProfilesService } from './profiles.service.js';
import { createSquadsRepo } from './squads.repo.js';
import { createSquadsService } from './squads.service.js';
import { createVolunteersRepo } from './volunteers.repo.js';

export function createVolunteerServices(deps: { db: Kysely<Database>; clock: Clock }) {
  const volunteers = createVolunteersRepo(deps.db);
  return {
    profiles: createProfilesService({ db: deps.db, repo: volunteers, clock: deps.clock }),
    consents: createConsentsService({ db: deps.db, repo: volunteers, clock: deps.clock }),
    squads: createSquadsService({
      db: deps.db,
      repo: createSquadsRepo(deps.db),
      volunteers,
      clock: deps.clock,
    }),
  };
}
export type VolunteerServices = ReturnType<typeof createVolunteerServices>;
