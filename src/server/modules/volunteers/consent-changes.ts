/**
 * The port through which a withdrawn consent reaches whoever acts on it, so this module never imports
 * theirs: the signups module implements it (a person who withdrew the consent to volunteering, or whose
 * guardian withdrew theirs, loses their future places) and provides it as the service `consentChanges`,
 * which this module's manifest `needs`. The default does nothing.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ConsentPurpose } from './volunteers.tables.js';

type Db = Kysely<Database>;

/** Work left for after the withdrawal's transaction has committed (mail to dispatch, waitlists to move). */
export type AfterConsentCommit = () => Promise<void>;

export type ConsentChangeListener = {
  /**
   * Every live record of `purpose` of the user was withdrawn. Runs inside the withdrawal's transaction,
   * after the records were marked, and returns what to run once it has committed.
   */
  consentWithdrawn(
    trx: Db,
    change: { userId: string; purpose: ConsentPurpose; at: Date },
  ): Promise<AfterConsentCommit>;
};

/** The default listener: nothing follows from a withdrawal (tests and tools that do not care). */
export const ignoreConsentChanges: ConsentChangeListener = {
  consentWithdrawn: async () => async () => undefined,
};
