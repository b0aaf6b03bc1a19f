/** Typed SQL for invitations to shifts by e-mail, and for the people a centre may place directly. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { InvitationSource, InvitationStatus } from './signups.tables.js';

type Db = Kysely<Database>;

/**
 * The user's address, lower-cased, if it is verified: only then may they answer what was sent to it (an
 * invitation, a swap offer).
 */
export const verifiedEmail = async (trx: Db, userId: string) =>
  (
    await trx
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .where('email_verified_at', 'is not', null)
      .executeTakeFirst()
  )?.email.toLowerCase() ?? null;

export function createInvitationsRepo(db: Db) {
  const viewQuery = (trx: Db) =>
    trx
      .selectFrom('shift_invitations as i')
      .innerJoin('shifts as s', 's.id', 'i.shift_id')
      .innerJoin('opportunities as o', 'o.id', 's.opportunity_id')
      .innerJoin('centers as c', 'c.id', 'o.center_id')
      .leftJoin('shift_roles as sr', 'sr.id', 'i.role_id')
      .select([
        'i.id',
        'i.shift_id',
        'i.email',
        'i.status',
        'i.source',
        'i.role_id',
        'sr.name as role_name',
        'i.invited_by',
        'i.created_at',
        'i.expires_at',
        'i.signup_id',
        's.starts_at',
        's.ends_at',
        's.status as shift_status',
        'o.id as opportunity_id',
        'o.title',
        'c.id as center_id',
        'c.name as center_name',
      ]);

  return {
    /**
     * A new pending invitation, or the open one the address already has on the shift (then `created` is
     * false): pending, or declined — which the coordinator sees as pending, as for an address nobody
     * answered; a new invitation only after a withdrawal.
     */
    async open(
      row: {
        shiftId: string;
        roleId: string | null;
        email: string;
        source: InvitationSource;
        invitedBy: string;
        at: Date;
        expiresAt: Date;
      },
      trx: Db,
    ): Promise<{ id: string; created: boolean }> {
      const open = await trx
        .selectFrom('shift_invitations')
        .select('id')
        .where('shift_id', '=', row.shiftId)
        .where('email', '=', row.email)
        .where('status', 'in', ['pending', 'declined'])
        .orderBy(sql`status = 'pending'`, 'desc')
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      if (open) return { id: open.id, created: false };
      const inserted = await trx
        .insertInto('shift_invitations')
        .values({
          shift_id: row.shiftId,
          role_id: row.roleId,
          email: row.email,
          source: row.source,
          invited_by: row.invitedBy,
          created_at: row.at,
          expires_at: row.expiresAt,
        })
        .onConflict((oc) => oc.columns(['shift_id', 'email']).where('status', '=', 'pending').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return { id: inserted.id, created: true };
      const existing = await trx
        .selectFrom('shift_invitations')
        .select('id')
        .where('shift_id', '=', row.shiftId)
        .where('email', '=', row.email)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      return { id: existing.id, created: false };
    },

    view: (id: string, trx: Db = db) => viewQuery(trx).where('i.id', '=', id).executeTakeFirst(),

    lock: (id: string, trx: Db) =>
      trx.selectFrom('shift_invitations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    decide: (
      id: string,
      change: { status: Exclude<InvitationStatus, 'pending'>; at: Date; signupId?: string },
      trx: Db,
    ) =>
      trx
        .updateTable('shift_invitations')
        .set({ status: change.status, decided_at: change.at, signup_id: change.signupId ?? null })
        .where('id', '=', id)
        .execute(),

    /**
     * Open invitations of a shift as its coordinators see them: pending and declined alike (a decline is
     * not shown: it would tell that the address has an account), not yet expired.
     */
    openOnShift: (shiftId: string, now: Date, source?: InvitationSource, trx: Db = db) => {
      let q = viewQuery(trx)
        .where('i.shift_id', '=', shiftId)
        .where('i.status', 'in', ['pending', 'declined'])
        .where('i.expires_at', '>', now);
      if (source) q = q.where('i.source', '=', source);
      return q.orderBy('i.created_at').orderBy('i.id').execute();
    },

    /** Pending invitations to an address that have not expired, soonest shift first. */
    pendingFor: (email: string, now: Date, trx: Db = db) =>
      viewQuery(trx)
        .where('i.email', '=', email)
        .where('i.status', '=', 'pending')
        .where('i.expires_at', '>', now)
        .where('s.status', '=', 'scheduled')
        .orderBy('s.starts_at')
        .execute(),

    /** The user's address if it is verified (only then may they answer invitations sent to it). */
    verifiedEmail: (userId: string, trx: Db = db) => verifiedEmail(trx, userId),

    /**
     * People related to the centre by their own act: they signed up for one of its shifts themselves
     * (or accepted an invitation or a swap there), or are active members of one of its squads. `q`
     * matches part of the name or e-mail (case-insensitive, ё = е); `userId` checks one person.
     */
    candidates: (centerId: string, opts: { q?: string; userId?: string; limit?: number }, trx: Db = db) => {
      const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('ru').replaceAll('ё', 'е');
      const needle = opts.q?.trim() ? `%${fold(opts.q.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      return sql<{ id: string; display_name: string; email: string }>`
        select u.id, u.display_name, u.email from users u
        where (exists (
                 select 1 from signups g
                 join shifts s on s.id = g.shift_id
                 join opportunities o on o.id = s.opportunity_id
                 where g.user_id = u.id and g.created_by = u.id and o.center_id = ${centerId})
               or exists (
                 select 1 from squad_members m join squads q on q.id = m.squad_id
                 where m.user_id = u.id and m.status = 'active' and q.center_id = ${centerId}))
          ${opts.userId ? sql`and u.id = ${opts.userId}` : sql``}
          ${
            needle
              ? sql`and (translate(lower(u.display_name), 'ё', 'е') like ${needle}
                         or lower(u.email) like ${needle})`
              : sql``
          }
        order by u.display_name, u.id
        limit ${opts.limit ?? 20}`
        .execute(trx)
        .then((r) => r.rows);
    },
  };
}
export type InvitationsRepo = ReturnType<typeof createInvitationsRepo>;
export type InvitationView = NonNullable<Awaited<ReturnType<InvitationsRepo['view']>>>;
