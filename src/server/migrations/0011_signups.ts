import { type Kysely, sql } from 'kysely';

/**
 * Signups for shifts and swap offers between volunteers. Capacity is not a column here: the signup
 * transaction locks the shift (and role) row and counts the places held (see docs/adr/0010).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table signups (
      id uuid primary key default gen_random_uuid(),
      -- arrival order (the waitlist is first come, first served; many signups can share an instant)
      seq bigint generated always as identity,
      shift_id uuid not null references shifts(id) on delete cascade,
      role_id uuid references shift_roles(id) on delete set null,
      user_id uuid not null references users(id) on delete cascade,
      status text not null check (status in
        ('applied', 'confirmed', 'waitlisted', 'offered', 'attended', 'no_show', 'cancelled')),
      offered_until timestamptz,
      cancelled_by text check (cancelled_by in ('volunteer', 'coordinator', 'system')),
      reason text,
      team_signup_id uuid,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check ((status = 'offered') = (offered_until is not null)),
      check ((status = 'cancelled') = (cancelled_by is not null))
    );
    create unique index signups_one_active on signups (shift_id, user_id) where status <> 'cancelled';
    create index signups_shift_status_idx on signups (shift_id, status, seq);
    create index signups_user_idx on signups (user_id, status);
    create index signups_offered_idx on signups (offered_until) where status = 'offered';

    create table signup_swaps (
      id uuid primary key default gen_random_uuid(),
      signup_id uuid not null references signups(id) on delete cascade,
      from_user_id uuid not null references users(id) on delete cascade,
      to_user_id uuid not null references users(id) on delete cascade,
      status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
      new_signup_id uuid references signups(id) on delete set null,
      created_at timestamptz not null,
      decided_at timestamptz,
      check (from_user_id <> to_user_id)
    );
    create unique index signup_swaps_one_pending on signup_swaps (signup_id, to_user_id) where status = 'pending';
    create index signup_swaps_to_idx on signup_swaps (to_user_id, status);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table signup_swaps;
    drop table signups;
  `.execute(db);
}
