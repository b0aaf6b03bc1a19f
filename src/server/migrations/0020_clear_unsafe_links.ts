import { type Kysely, sql } from 'kysely';

/**
 * Links saved before every URL field accepted only http(s) addresses (issue 9, item 14): an
 * organization's or a centre's website and a work-log entry's link that is not an http:// or https://
 * address (`javascript:`, `data:`, …) is cleared, so no page renders it. The value is not recoverable on
 * the way down (it was never a working link).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update organizations set website = null where website is not null and website !~* '^https?://';
    update centers set website = null where website is not null and website !~* '^https?://';
    update work_log_entries set link = null where link is not null and link !~* '^https?://';
  `.execute(db);
}

export async function down(_db: Kysely<unknown>): Promise<void> {
  // nothing to restore: the cleared values were unsafe and never links
}
