/**
 * Password rules: reset by a mailed one-time token, change with the current password, and the first
 * regional admin with a one-time password. Every new password is stored the same way: hashed, sessions
 * ended, audited, and the owner told by mail.
 */
import type { Kysely } from 'kysely';
import type { User } from '../../../shared/contracts/accounts.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { hashPassword, oneTimePassword, tokenHash, verifyPassword } from '../../platform/crypto.js';
import type { Database, UserRow } from '../../platform/db/schema.js';
import { invalid } from '../../platform/errors.js';
import { createAccountRules, normalizeName, wired } from './account-rules.js';
import type { AccountsDeps } from './accounts.service.js';
import { normalizeEmail } from './email.js';

export function createPasswordService(deps: AccountsDeps, view: (userId: string) => Promise<User>) {
  const { db, repo, sessions, mailer, clock, audit } = deps;
  const { assertStrong, issueToken, link } = createAccountRules(deps);

  /** Ends sessions (all, or all but the current one), audits, and queues the "password changed" mail. */
  async function afterNewPassword(
    trx: Kysely<Database>,
    user: UserRow,
    action: 'account.password_reset' | 'account.password_changed',
    keepSessionId: string | null,
  ) {
    await sessions.endAll(user.id, keepSessionId, trx);
    await audit.record(trx, { actorId: user.id, action, target: 'user', targetId: user.id });
    return mailer.enqueue(trx, user.email, user.locale, {
      template: 'password_changed',
      vars: { name: user.display_name },
    });
  }

  return {
    /** Always "accepted", after the same work for any address: the job sends the link (accounts.jobs.ts). */
    async requestPasswordReset(rawEmail: string) {
      await wired(deps.jobs, 'jobs').request({ kind: 'reset_password', email: normalizeEmail(rawEmail) });
    },

    /** The queued half of a reset request: a link for an active account, nothing for any other address. */
    async sendResetLink(email: string) {
      const user = await repo.findUserByEmail(email);
      if (user?.status !== 'active') return;
      const outboxId = await db.transaction().execute(async (trx) => {
        const token = await issueToken(trx, user.id, 'reset_password');
        return mailer.enqueue(trx, user.email, user.locale, {
          template: 'reset_password',
          vars: { name: user.display_name, link: link('/reset-password', token) },
        });
      });
      await mailer.dispatch([outboxId]);
    },

    async confirmPasswordReset(token: string, password: string) {
      const now = clock.now();
      const hash = tokenHash(token);
      const peek = await repo.tokenOwner(hash);
      const owner = peek ? await repo.findUserById(peek.user_id) : undefined;
      if (owner) assertStrong(password, owner.email, owner.display_name, 'password');
      const passwordHash = await hashPassword(password);
      const outboxId = await db.transaction().execute(async (trx) => {
        const used = await repo.consumeToken(hash, 'reset_password', now, trx);
        if (!used) throw invalid('token_invalid', 'The link is invalid or has expired.');
        // Opening the mailed link proves the address too.
        const user = await repo.updateUser(
          used.user_id,
          {
            password_hash: passwordHash,
            must_change_password: false,
            email_verified_at: owner?.email_verified_at ?? now,
            updated_at: now,
          },
          trx,
        );
        return afterNewPassword(trx, user, 'account.password_reset', null);
      });
      await mailer.dispatch([outboxId]);
    },

    async changePassword(actor: UserActor, currentPassword: string, newPassword: string) {
      const user = await repo.findUserById(actor.userId);
      if (!user?.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
        throw invalid('wrong_password', 'The current password is wrong.', [
          { field: 'currentPassword', code: 'wrong_password', message: 'The current password is wrong.' },
        ]);
      }
      assertStrong(newPassword, user.email, user.display_name, 'newPassword');
      if (currentPassword === newPassword) {
        throw invalid('validation_failed', 'The new password must differ.', [
          {
            field: 'newPassword',
            code: 'same_password',
            message: 'The new password must differ from the current one.',
          },
        ]);
      }
      const passwordHash = await hashPassword(newPassword);
      const now = clock.now();
      const outboxId = await db.transaction().execute(async (trx) => {
        const updated = await repo.updateUser(
          user.id,
          { password_hash: passwordHash, must_change_password: false, updated_at: now },
          trx,
        );
        return afterNewPassword(trx, updated, 'account.password_changed', actor.sessionId);
      });
      await mailer.dispatch([outboxId]);
    },

    /**
     * Creates (or promotes) a regional admin. Without a password a one-time password is generated and
     * returned; the admin must change it at first login.
     */
    async createRegionalAdmin(input: {
      email: string;
      displayName: string;
      password?: string;
      regionId: string;
    }) {
      const email = normalizeEmail(input.email);
      const generated = input.password ? null : oneTimePassword();
      const password = input.password ?? (generated as string);
      if (input.password) assertStrong(password, email, input.displayName, 'password');
      const passwordHash = await hashPassword(password);
      const now = clock.now();
      const user = await db.transaction().execute(async (trx) => {
        const existing = await repo.findUserByEmail(email, trx);
        const row = existing
          ? await repo.updateUser(
              existing.id,
              {
                password_hash: passwordHash,
                must_change_password: generated !== null,
                email_verified_at: existing.email_verified_at ?? now,
                updated_at: now,
              },
              trx,
            )
          : await repo.insertUser(
              {
                email,
                display_name: normalizeName(input.displayName),
                password_hash: passwordHash,
                must_change_password: generated !== null,
                email_verified_at: now,
                created_at: now,
                updated_at: now,
              },
              trx,
            );
        await repo.grantRole(
          { user_id: row.id, role: 'regional_admin', scope_type: 'region', scope_id: input.regionId },
          trx,
        );
        await audit.record(trx, {
          at: now,
          actorId: null,
          action: 'account.admin_created',
          target: 'user',
          targetId: row.id,
          data: { via: 'cli' },
        });
        return row;
      });
      return { user: await view(user.id), oneTimePassword: generated };
    },
  };
}
