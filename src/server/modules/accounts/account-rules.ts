/** Rules shared by the account services: password strength, one-time tokens, mailed links, names. */
import type { Kysely } from 'kysely';
import { newToken, tokenHash } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/schema.js';
import { invalid } from '../../platform/errors.js';
import type { AccountsDeps } from './accounts.service.js';
import { isWeakPassword } from './email.js';

const VERIFY_TTL_MS = 48 * 3_600_000;
const RESET_TTL_MS = 3_600_000;

/** A dependency the HTTP runtime always passes (see runtime.ts); only the CLI's admin tool goes without. */
export function wired<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`accounts: ${name} is not wired`);
  return value;
}

export const normalizeName = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ');

export function createAccountRules(deps: Pick<AccountsDeps, 'repo' | 'clock' | 'publicUrl'>) {
  const { repo, clock } = deps;
  function assertStrong(password: string, email: string, name: string, field: string) {
    if (isWeakPassword(password, email, name)) {
      throw invalid('weak_password', 'The password is too weak.', [
        { field, code: 'weak_password', message: 'Choose a longer password that is not your name or email.' },
      ]);
    }
  }

  async function issueToken(
    trx: Kysely<Database>,
    userId: string,
    purpose: 'verify_email' | 'reset_password',
  ) {
    const now = clock.now();
    await repo.voidTokens(userId, purpose, now, trx);
    const token = newToken();
    const ttl = purpose === 'verify_email' ? VERIFY_TTL_MS : RESET_TTL_MS;
    await repo.insertToken(
      {
        token_hash: tokenHash(token),
        user_id: userId,
        purpose,
        created_at: now,
        expires_at: new Date(now.getTime() + ttl),
      },
      trx,
    );
    return token;
  }

  const link = (path: string, token: string) => `${deps.publicUrl}${path}?token=${encodeURIComponent(token)}`;

  return { assertStrong, issueToken, link };
}
