import { type Kysely, sql } from 'kysely';

/**
 * Region scale (issue 11): who holds a role in a centre, an organization or a squad is looked up by the
 * scope (the organizations registry counts each one's representatives, coordinators of a centre are
 * notified of applications). The only index started with the user, so each lookup read every assignment:
 * 64 organizations × 13.6 ms at 100,000 volunteers. Volunteers' own rows (scope `self`) are left out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index role_assignments_scope_idx on role_assignments (scope_type, scope_id, role)
      where scope_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index role_assignments_scope_idx;`.execute(db);
}
