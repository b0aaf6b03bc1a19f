/** Typed SQL for squads, their members and leader grants. No rules here. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { SquadMemberStatus } from './volunteers.tables.js';

type Db = Kysely<Database>;

export function createSquadsRepo(db: Db) {
  const base = (trx: Db) =>
    trx
      .selectFrom('squads as s')
      .innerJoin('centers as c', 'c.id', 's.center_id')
      .select([
        's.id',
        's.center_id',
        'c.name as center_name',
        's.name',
        's.focus',
        's.tags',
        's.invite_code',
        's.created_at',
        's.version',
        (eb) =>
          eb
            .selectFrom('squad_members as m')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('m.squad_id', '=', 's.id')
            .where('m.status', '=', 'active')
            .as('active_members'),
      ]);

  return {
    find: (id: string, trx: Db = db) => base(trx).where('s.id', '=', id).executeTakeFirst(),
    findByCode: (code: string, trx: Db = db) =>
      base(trx).where('s.invite_code', '=', code).executeTakeFirst(),
    ofCenter: (centerId: string, trx: Db = db) =>
      base(trx).where('s.center_id', '=', centerId).orderBy('s.name').execute(),
    centerStatus: async (centerId: string, trx: Db = db) =>
      (await trx.selectFrom('centers').select('status').where('id', '=', centerId).executeTakeFirst())
        ?.status,
    ofMember: (userId: string, trx: Db = db) =>
      base(trx)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('squad_members as me')
              .select('me.user_id')
              .whereRef('me.squad_id', '=', 's.id')
              .where('me.user_id', '=', userId)
              .where('me.status', 'in', ['active', 'requested']),
          ).or(
            exists(
              selectFrom('squad_leader_invitations as li')
                .select('li.user_id')
                .whereRef('li.squad_id', '=', 's.id')
                .where('li.user_id', '=', userId),
            ),
          ),
        )
        .orderBy('s.name')
        .execute(),

    insert: (
      row: { center_id: string; name: string; focus: string | null; tags: string[]; invite_code: string },
      createdBy: string,
      now: Date,
      trx: Db,
    ) =>
      trx
        .insertInto('squads')
        .values({ ...row, created_by: createdBy, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow(),

    update: (
      id: string,
      set: { name?: string; focus?: string | null; tags?: string[]; invite_code?: string },
      now: Date,
      trx: Db,
    ) =>
      trx
        .updateTable('squads')
        .set({ ...set, updated_at: now })
        .where('id', '=', id)
        .execute(),

    lock: (id: string, trx: Db) =>
      trx
        .selectFrom('squads')
        .select(['id', 'center_id'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    members: (squadId: string, trx: Db = db) =>
      trx
        .selectFrom('squad_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.user_id', 'u.display_name', 'm.status', 'm.requested_at'])
        .where('m.squad_id', '=', squadId)
        .where('m.status', '!=', 'removed')
        .orderBy('m.status')
        .orderBy('u.display_name')
        .execute(),

    membership: (squadId: string, userId: string, trx: Db = db) =>
      trx
        .selectFrom('squad_members')
        .selectAll()
        .where('squad_id', '=', squadId)
        .where('user_id', '=', userId)
        .executeTakeFirst(),

    /** Inserts or rewrites one membership row. */
    upsertMember: (
      row: {
        squad_id: string;
        user_id: string;
        status: SquadMemberStatus;
        joined_via: 'request' | 'code' | 'invitation';
        requested_at: Date;
        decided_at: Date | null;
        decided_by: string | null;
        /** Left as it is when not given (a removed member's request keeps it). */
        rejoin_needs_approval?: boolean;
      },
      trx: Db,
    ) =>
      trx
        .insertInto('squad_members')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['squad_id', 'user_id']).doUpdateSet({
            status: row.status,
            joined_via: row.joined_via,
            requested_at: row.requested_at,
            decided_at: row.decided_at,
            decided_by: row.decided_by,
            ...(row.rejoin_needs_approval === undefined
              ? {}
              : { rejoin_needs_approval: row.rejoin_needs_approval }),
          }),
        )
        .execute(),

    setMemberStatus: (
      squadId: string,
      userId: string,
      status: SquadMemberStatus,
      decidedBy: string,
      now: Date,
      trx: Db,
      /** Set by a manager's removal, cleared by an approval; unchanged when not given. */
      rejoinNeedsApproval?: boolean,
    ) =>
      trx
        .updateTable('squad_members')
        .set({
          status,
          decided_at: now,
          decided_by: decidedBy,
          ...(rejoinNeedsApproval === undefined ? {} : { rejoin_needs_approval: rejoinNeedsApproval }),
        })
        .where('squad_id', '=', squadId)
        .where('user_id', '=', userId)
        .execute(),

    leaders: (squadIds: string[], trx: Db = db) =>
      squadIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('role_assignments as ra')
            .innerJoin('users as u', 'u.id', 'ra.user_id')
            .select(['ra.scope_id', 'ra.user_id', 'u.display_name'])
            .where(sql<boolean>`ra.role = 'squad_leader' and ra.scope_type = 'squad'`)
            .where('ra.scope_id', 'in', squadIds)
            .orderBy('u.display_name')
            .execute(),

    /** Whom to tell, and in which language. */
    person: (userId: string, trx: Db = db) =>
      trx
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'locale'])
        .where('id', '=', userId)
        .executeTakeFirst(),

    /** Pending invitations to lead these squads, with the invitee's name. */
    leaderInvitations: (squadIds: string[], trx: Db = db) =>
      squadIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('squad_leader_invitations as li')
            .innerJoin('users as u', 'u.id', 'li.user_id')
            .select(['li.squad_id', 'li.user_id', 'u.display_name', 'li.invited_at'])
            .where('li.squad_id', 'in', squadIds)
            .orderBy('li.invited_at')
            .execute(),

    leaderInvitation: (squadId: string, userId: string, trx: Db = db) =>
      trx
        .selectFrom('squad_leader_invitations')
        .selectAll()
        .where('squad_id', '=', squadId)
        .where('user_id', '=', userId)
        .executeTakeFirst(),

    /** Records (or renews) an invitation to lead; nothing else changes for the invitee. */
    inviteLeader: (squadId: string, userId: string, invitedBy: string, now: Date, trx: Db) =>
      trx
        .insertInto('squad_leader_invitations')
        .values({ squad_id: squadId, user_id: userId, invited_by: invitedBy, invited_at: now })
        .onConflict((oc) =>
          oc.columns(['squad_id', 'user_id']).doUpdateSet({ invited_by: invitedBy, invited_at: now }),
        )
        .execute(),

    /** Drops an invitation; true when there was one. */
    dropLeaderInvitation: async (squadId: string, userId: string, trx: Db = db) =>
      Number(
        (
          await trx
            .deleteFrom('squad_leader_invitations')
            .where('squad_id', '=', squadId)
            .where('user_id', '=', userId)
            .executeTakeFirst()
        ).numDeletedRows,
      ) > 0,

    isLeader: async (squadId: string, userId: string, trx: Db = db) =>
      (
        await sql<{ n: number }>`select count(*)::int as n from role_assignments
          where user_id = ${userId} and role = 'squad_leader' and scope_type = 'squad' and scope_id = ${squadId}`.execute(
          trx,
        )
      ).rows[0]?.n === 1,
  };
}
export type SquadsRepo = ReturnType<typeof createSquadsRepo>;
export type SquadRow = NonNullable<Awaited<ReturnType<SquadsRepo['find']>>>;
