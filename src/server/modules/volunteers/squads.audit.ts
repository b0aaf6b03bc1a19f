/** The audit row of a squad action (one shape for the squad services). */
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { VolunteersRepo } from './volunteers.repo.js';

export const squadAudit =
  (volunteers: VolunteersRepo, clock: Clock) =>
  (actorId: string, action: string, squadId: string, data: Record<string, unknown>, trx: Kysely<Database>) =>
    volunteers.audit(
      { at: clock.now(), actor_id: actorId, action, entity: 'squad', entity_id: squadId },
      data,
      trx,
    );
