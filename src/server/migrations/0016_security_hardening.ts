import { type Kysely, sql } from 'kysely';

/**
 * Security hardening (issue 9):
 * - `rate_limits`: counters shared by every instance (auth limits, the check-in short code, the login
 *   delay), each updated by one atomic statement; expired rows are swept.
 * - `security_keys`: server-side secrets created on first use (the device-cookie signing key), so every
 *   instance signs and checks with the same key.
 * - `squad_leader_invitations`: a coordinator names a leader; the person becomes one only by accepting.
 *   Memberships and leader roles a coordinator made for someone (`joined_via = 'leader'`) become pending
 *   invitations: nobody stays in a squad they did not choose.
 * - `organization_invitations`: representatives are invited by address and accept in the app; the
 *   answer to the inviter is the same whether the address is registered or not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rate_limits (
      key text primary key,
      hits integer not null check (hits >= 0),
      reset_at timestamptz not null,
      last_at timestamptz not null
    );
    create index rate_limits_reset_idx on rate_limits (reset_at);

    create table security_keys (
      name text primary key,
      secret text not null check (length(secret) >= 32),
      created_at timestamptz not null default now()
    );

    create table squad_leader_invitations (
      squad_id uuid not null references squads(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      invited_by uuid references users(id) on delete set null,
      invited_at timestamptz not null,
      primary key (squad_id, user_id)
    );
    create index squad_leader_invitations_user_idx on squad_leader_invitations (user_id);

    alter table squad_members drop constraint squad_members_joined_via_check;
    alter table squad_members add constraint squad_members_joined_via_check
      check (joined_via in ('request', 'code', 'leader', 'invitation'));

    insert into squad_leader_invitations (squad_id, user_id, invited_by, invited_at)
      select m.squad_id, m.user_id, m.decided_by, coalesce(m.decided_at, m.requested_at)
      from squad_members m
      where m.joined_via = 'leader' and m.status = 'active'
      on conflict do nothing;
    delete from role_assignments ra
      using squad_members m
      where m.joined_via = 'leader' and ra.role = 'squad_leader' and ra.scope_type = 'squad'
        and ra.scope_id = m.squad_id and ra.user_id = m.user_id;
    delete from squad_members where joined_via = 'leader';

    create table organization_invitations (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations(id) on delete cascade,
      email text not null check (length(email) between 3 and 254),
      invited_by uuid references users(id) on delete set null,
      invited_at timestamptz not null,
      expires_at timestamptz not null,
      unique (organization_id, email)
    );
    create index organization_invitations_email_idx on organization_invitations (email);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table organization_invitations;
    update squad_members set joined_via = 'leader' where joined_via = 'invitation';
    alter table squad_members drop constraint squad_members_joined_via_check;
    alter table squad_members add constraint squad_members_joined_via_check
      check (joined_via in ('request', 'code', 'leader'));
    drop table squad_leader_invitations;
    drop table security_keys;
    drop table rate_limits;
  `.execute(db);
}
