import { type Kysely, sql } from 'kysely';

/**
 * Issue 9:
 * - `shifts.ical_sequence`: the iCalendar SEQUENCE of the shift's event, raised in the same transaction
 *   as every change of the shift's time or place (and its cancellation), so calendar clients replace
 *   their copy instead of keeping the old one.
 * - `shift_invitations`: a coordinator (or the check-in desk) invites a person to a shift by e-mail. Nobody
 *   is put on a shift by their address alone: the invitation is mailed to the address and the person
 *   accepts it in their own account (then every signup check runs). The answer to the coordinator is the
 *   same whether the address has an account or not. One pending invitation per shift and address.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table shifts add column ical_sequence integer not null default 0 check (ical_sequence >= 0);

    create table shift_invitations (
      id uuid primary key default gen_random_uuid(),
      shift_id uuid not null references shifts(id) on delete cascade,
      role_id uuid references shift_roles(id) on delete set null,
      -- trimmed and lower-cased, as typed by the coordinator: it may or may not belong to an account
      email text not null check (length(email) between 3 and 254 and email = lower(email)),
      source text not null check (source in ('coordinator', 'desk')),
      status text not null default 'pending'
        check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
      invited_by uuid references users(id) on delete set null,
      created_at timestamptz not null,
      -- a coordinator's invitation ends when the shift starts, the desk's when check-in closes
      expires_at timestamptz not null,
      decided_at timestamptz,
      signup_id uuid references signups(id) on delete set null,
      check ((status = 'pending') = (decided_at is null)),
      check (status <> 'accepted' or signup_id is not null)
    );
    create unique index shift_invitations_pending_key on shift_invitations (shift_id, email)
      where status = 'pending';
    create index shift_invitations_email_idx on shift_invitations (email) where status = 'pending';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table shift_invitations;
    alter table shifts drop column ical_sequence;
  `.execute(db);
}
