import { type Kysely, sql } from 'kysely';

/**
 * A member removed by a squad's leader or a coordinator comes back only through a request the leader
 * approves, not with the invitation code (issue 9). `rejoin_needs_approval` is set when a manager removes
 * someone (a member, or a request they declined) and cleared when a request is approved. Existing rows
 * removed by someone other than the member get it too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table squad_members add column rejoin_needs_approval boolean not null default false;
    update squad_members set rejoin_needs_approval = true
      where status = 'removed' and decided_by is distinct from user_id;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table squad_members drop column rejoin_needs_approval;`.execute(db);
}
