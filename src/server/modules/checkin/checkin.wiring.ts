/** Builds the check-in module: QR tokens, the volunteer's check-in/out, the coordinator's desk, walk-ins. */
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';

export function createCheckinServices(deps: { db: Kysely<Database>; clock: Clock }) {
  return { deps };
}
export type CheckinServices = ReturnType<typeof createCheckinServices>;
