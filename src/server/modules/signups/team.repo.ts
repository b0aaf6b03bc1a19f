/** Typed SQL for team signup: the squad's active members among the people a leader names. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export function createTeamRepo(db: Db) {
  return {
    activeMembers: (squadId: string, userIds: readonly string[], trx: Db = db) =>
      trx
        .selectFrom('squad_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.email', 'u.display_name', 'u.locale'])
        .where('m.squad_id', '=', squadId)
        .where('m.status', '=', 'active')
        .where('m.user_id', 'in', [...userIds])
        .execute(),
  };
}
export type TeamRepo = ReturnType<typeof createTeamRepo>;
