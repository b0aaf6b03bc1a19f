import type { Kysely } from 'kysely';

// Reserved for a feature in progress; filled in by that feature's work.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
