/** Typed SQL for users, consents, roles and one-time tokens. No rules here. */
import type { Insertable, Kysely } from 'kysely';
import type {
  ConsentsTable,
  Database,
  NewUser,
  OneTimeTokensTable,
  RoleAssignmentsTable,
  UserUpdate,
} from '../../platform/db/schema.js';

export type Db = Kysely<Database>;

export function createAccountsRepo(db: Db) {
  return {
    findUserByEmail: (email: string, trx: Db = db) =>
      trx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),

    findUserById: (id: string, trx: Db = db) =>
      trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    insertUser: (user: NewUser, trx: Db = db) =>
      trx.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow(),

    updateUser: (id: string, patch: UserUpdate, trx: Db = db) =>
      trx.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    insertConsent: (consent: Insertable<ConsentsTable>, trx: Db = db) =>
      trx.insertInto('consents').values(consent).returning('id').executeTakeFirstOrThrow(),

    /** Live (not withdrawn) records of one purpose, locked. */
    lockLiveConsents: (userId: string, purpose: ConsentsTable['purpose'], trx: Db) =>
      trx
        .selectFrom('consents')
        .select(['id', 'version', 'given_at'])
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('withdrawn_at', 'is', null)
        .forUpdate()
        .execute(),

    withdrawConsents: async (ids: readonly string[], at: Date, trx: Db) => {
      if (ids.length > 0)
        await trx.updateTable('consents').set({ withdrawn_at: at }).where('id', 'in', ids).execute();
    },

    grantRole: (grant: Insertable<RoleAssignmentsTable>, trx: Db = db) =>
      trx
        .insertInto('role_assignments')
        .values(grant)
        .onConflict((oc) => oc.doNothing())
        .execute(),

    /** Removes one grant; returns how many rows went (0 or 1). */
    revokeRole: async (
      grant: {
        userId: string;
        role: RoleAssignmentsTable['role'];
        scopeType: RoleAssignmentsTable['scope_type'];
        scopeId: string | null;
      },
      trx: Db = db,
    ) => {
      const result = await trx
        .deleteFrom('role_assignments')
        .where('user_id', '=', grant.userId)
        .where('role', '=', grant.role)
        .where('scope_type', '=', grant.scopeType)
        .where('scope_id', grant.scopeId === null ? 'is' : '=', grant.scopeId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Grants with a readable scope name (region, centre or organization), one query. */
    grantsOf: (userId: string, trx: Db = db) =>
      trx
        .selectFrom('role_assignments as ra')
        .leftJoin('regions as r', (j) =>
          j.onRef('r.id', '=', 'ra.scope_id').on('ra.scope_type', '=', 'region'),
        )
        .leftJoin('centers as c', (j) =>
          j.onRef('c.id', '=', 'ra.scope_id').on('ra.scope_type', '=', 'center'),
        )
        .leftJoin('organizations as o', (j) =>
          j.onRef('o.id', '=', 'ra.scope_id').on('ra.scope_type', '=', 'organization'),
        )
        .select([
          'ra.role',
          'ra.scope_type',
          'ra.scope_id',
          'r.name_ru as region_name',
          'c.name as center_name',
          'o.name as org_name',
        ])
        .where('ra.user_id', '=', userId)
        .orderBy('ra.granted_at')
        .execute(),

    insertToken: (row: Insertable<OneTimeTokensTable>, trx: Db = db) =>
      trx.insertInto('one_time_tokens').values(row).execute(),

    /** The user a token was issued to, used or not (to check a new password against its owner). */
    tokenOwner: (hash: string, trx: Db = db) =>
      trx.selectFrom('one_time_tokens').select('user_id').where('token_hash', '=', hash).executeTakeFirst(),

    /** Marks a live token used and returns its user, atomically: a token works once. */
    consumeToken: (hash: string, purpose: 'verify_email' | 'reset_password', now: Date, trx: Db = db) =>
      trx
        .updateTable('one_time_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', hash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['user_id'])
        .executeTakeFirst(),

    /** Older unused tokens of the same purpose stop working when a new one is issued or one is used. */
    voidTokens: (userId: string, purpose: 'verify_email' | 'reset_password', now: Date, trx: Db = db) =>
      trx
        .updateTable('one_time_tokens')
        .set({ used_at: now })
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .execute(),
  };
}
export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
