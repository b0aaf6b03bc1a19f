/**
 * Consent records (`consents`) that other modules write inside their own transaction. The accounts
 * module owns the table: a consent is the person's, given by the account holder, and the first one
 * (personal data processing) is recorded with the account itself at registration, in the same
 * transaction as the new user. The volunteers module decides which purposes exist, checks the versions
 * and keeps the guardian's details; it records, locks and withdraws the rows through these functions.
 */
import type { Kysely } from 'kysely';
import type { ConsentsTable, Database } from '../../platform/db/schema.js';
import type { AccountsRepo } from './accounts.repo.js';

export type ConsentGiven = {
  userId: string;
  purpose: ConsentsTable['purpose'];
  version: string;
  givenAt: Date;
  ip: string | null;
  userAgent: string | null;
};

export function createConsentRecords(repo: AccountsRepo) {
  return {
    /** Records a given consent; returns the new record's id. */
    give: async (trx: Kysely<Database>, consent: ConsentGiven) =>
      (
        await repo.insertConsent(
          {
            user_id: consent.userId,
            purpose: consent.purpose,
            version: consent.version,
            given_at: consent.givenAt,
            ip: consent.ip,
            user_agent: consent.userAgent,
          },
          trx,
        )
      ).id,

    /** The user's live (not withdrawn) records of one purpose, locked until the transaction ends. */
    lockLive: (trx: Kysely<Database>, userId: string, purpose: ConsentsTable['purpose']) =>
      repo.lockLiveConsents(userId, purpose, trx),

    /** Marks the records withdrawn at `at` (nothing for no ids). */
    withdraw: (trx: Kysely<Database>, ids: readonly string[], at: Date) =>
      repo.withdrawConsents(ids, at, trx),
  };
}
export type ConsentRecords = ReturnType<typeof createConsentRecords>;
