/**
 * Role grants that other modules make inside their own transaction: the coordinators of a centre opened
 * from an application, the representatives of an organization, a squad's leaders. Only the accounts
 * module writes `role_assignments`; a grant that exists already stays as it is.
 */
import type { Kysely } from 'kysely';
import type { Database, RoleAssignmentsTable } from '../../platform/db/schema.js';
import type { AccountsRepo } from './accounts.repo.js';

export type RoleGrant = {
  userId: string;
  role: RoleAssignmentsTable['role'];
  scopeType: RoleAssignmentsTable['scope_type'];
  scopeId: string | null;
};

export function createRoleGrants(repo: AccountsRepo) {
  return {
    /** Grants each role, recording who granted it and when (the database's clock when not given). */
    async grant(trx: Kysely<Database>, grants: readonly RoleGrant[], grantedBy: string | null, at?: Date) {
      for (const g of grants) {
        await repo.grantRole(
          {
            user_id: g.userId,
            role: g.role,
            scope_type: g.scopeType,
            scope_id: g.scopeId,
            granted_by: grantedBy,
            ...(at ? { granted_at: at } : {}),
          },
          trx,
        );
      }
    },

    /** Takes a role back; false when the user did not hold it. */
    revoke: async (trx: Kysely<Database>, grant: RoleGrant) => (await repo.revokeRole(grant, trx)) > 0,
  };
}
export type RoleGrants = ReturnType<typeof createRoleGrants>;
