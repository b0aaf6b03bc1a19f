import { type Kysely, sql } from 'kysely';

/**
 * Check-in and check-out times on signups (by QR at the venue or at the coordinator's desk), walk-ins
 * without an account, the per-shift key that signs QR check-in tokens, reminder bookkeeping (24 h and
 * 2 h before a shift, each sent once), and an optional profile photo kept in the file store.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table signups
      add column checked_in_at timestamptz,
      add column checked_out_at timestamptz,
      add column check_in_method text check (check_in_method in ('qr', 'desk')),
      add column checked_in_by uuid references users(id) on delete set null,
      add column reminded_24h_at timestamptz,
      add column reminded_2h_at timestamptz,
      add constraint signups_checkout_after_checkin check (
        checked_out_at is null or (checked_in_at is not null and checked_out_at >= checked_in_at));
    create index signups_confirmed_shift_idx on signups (shift_id) where status = 'confirmed';

    -- people who came to the shift without an account: their attendance and hours are still recorded
    create table shift_walk_ins (
      id uuid primary key default gen_random_uuid(),
      shift_id uuid not null references shifts(id) on delete cascade,
      role_id uuid references shift_roles(id) on delete set null,
      full_name text not null check (length(btrim(full_name)) between 1 and 200),
      contact text check (contact is null or length(contact) <= 200),
      checked_in_at timestamptz not null,
      checked_out_at timestamptz,
      added_by uuid references users(id) on delete set null,
      removed_at timestamptz,
      removed_by uuid references users(id) on delete set null,
      removal_reason text,
      created_at timestamptz not null,
      check (checked_out_at is null or checked_out_at >= checked_in_at),
      check ((removed_at is null) = (removal_reason is null))
    );
    create index shift_walk_ins_shift_idx on shift_walk_ins (shift_id) where removed_at is null;

    -- secret for the shift's QR check-in tokens (HMAC); created on first use, replaced to revoke old codes
    alter table shifts add column checkin_key text;

    alter table volunteer_profiles
      add column photo_key text,
      add column photo_type text check (photo_type in ('image/jpeg', 'image/png')),
      add constraint volunteer_profiles_photo_check check ((photo_key is null) = (photo_type is null));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table volunteer_profiles drop constraint volunteer_profiles_photo_check,
      drop column photo_type, drop column photo_key;
    alter table shifts drop column checkin_key;
    drop table shift_walk_ins;
    drop index signups_confirmed_shift_idx;
    alter table signups drop constraint signups_checkout_after_checkin,
      drop column reminded_2h_at, drop column reminded_24h_at, drop column checked_in_by,
      drop column check_in_method, drop column checked_out_at, drop column checked_in_at;
  `.execute(db);
}
