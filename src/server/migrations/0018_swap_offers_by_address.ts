import { type Kysely, sql } from 'kysely';

/**
 * Issue 9 (ADR 0015): a swap offer is made to an e-mail address, not to an account. Offering a shift to an
 * address answers the same whether an account has it or not, so the offer keeps the address as typed
 * (trimmed, NFC, lower-cased) in `to_email`; `to_user_id` becomes the account that answered it (accepted
 * or declined), set only then. Existing offers keep their person's address; pending ones forget the person
 * until someone accepts with that verified address. One open offer per signup and address.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table signup_swaps add column to_email text;
    update signup_swaps w set to_email = lower(u.email) from users u where u.id = w.to_user_id;
    alter table signup_swaps
      alter column to_email set not null,
      add constraint signup_swaps_to_email_check
        check (length(to_email) between 3 and 254 and to_email = lower(to_email)),
      alter column to_user_id drop not null,
      add constraint signup_swaps_accepted_by_check check (status <> 'accepted' or to_user_id is not null);
    update signup_swaps set to_user_id = null where status = 'pending';
    drop index signup_swaps_one_pending;
    drop index signup_swaps_to_idx;
    create unique index signup_swaps_one_pending on signup_swaps (signup_id, to_email) where status = 'pending';
    create index signup_swaps_to_email_idx on signup_swaps (to_email) where status = 'pending';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Offers to an address no account has (or had) cannot be kept: the old table names a person.
  await sql`
    update signup_swaps w set to_user_id = u.id
      from users u where w.to_user_id is null and lower(u.email) = w.to_email;
    delete from signup_swaps where to_user_id is null or to_user_id = from_user_id;
    drop index signup_swaps_to_email_idx;
    drop index signup_swaps_one_pending;
    alter table signup_swaps
      drop constraint signup_swaps_accepted_by_check,
      drop constraint signup_swaps_to_email_check,
      alter column to_user_id set not null,
      drop column to_email;
    create unique index signup_swaps_one_pending on signup_swaps (signup_id, to_user_id) where status = 'pending';
    create index signup_swaps_to_idx on signup_swaps (to_user_id, status);
  `.execute(db);
}
