/** Account rules: registration with consent, email verification, login, password reset and change. */
import type { Kysely } from 'kysely';
import type { RegisterBody, UpdateMeBody, User } from '../../../shared/contracts/accounts.js';
import { type Locale, PERSONAL_DATA_CONSENT_VERSION } from '../../../shared/limits.js';
import type { UserActor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import {
  dummyHash,
  hashPassword,
  newToken,
  oneTimePassword,
  tokenHash,
  verifyPassword,
} from '../../platform/crypto.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { toUserView } from './accounts.presenter.js';
import type { AccountsRepo } from './accounts.repo.js';
import { isWeakPassword, normalizeEmail } from './email.js';
import type { ClientInfo, SessionService } from './sessions.service.js';

const VERIFY_TTL_MS = 48 * 3_600_000;
const RESET_TTL_MS = 3_600_000;

export type AccountsDeps = {
  db: Kysely<Database>;
  repo: AccountsRepo;
  sessions: SessionService;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
};

const normalizeName = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ');

export function createAccountsService(deps: AccountsDeps) {
  const { db, repo, sessions, mailer, clock } = deps;

  async function view(userId: string): Promise<User> {
    const user = await repo.findUserById(userId);
    if (!user) throw notFound('user');
    return toUserView(user, await repo.grantsOf(userId));
  }

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

  return {
    view,

    async register(input: RegisterBody, client: ClientInfo): Promise<User> {
      if (input.consent.version !== PERSONAL_DATA_CONSENT_VERSION) {
        throw invalid('consent_version_outdated', 'The consent text has changed.', [
          {
            field: 'consent.version',
            code: 'consent_version_outdated',
            message: 'Read and confirm the current text.',
          },
        ]);
      }
      const email = normalizeEmail(input.email);
      const displayName = normalizeName(input.displayName);
      if (!displayName)
        throw invalid('validation_failed', 'Name is empty.', [
          { field: 'displayName', code: 'required', message: 'Fill in this field.' },
        ]);
      assertStrong(input.password, email, displayName, 'password');
      const passwordHash = await hashPassword(input.password);
      const locale: Locale = input.locale ?? 'ru';
      const now = clock.now();
      const { userId, outboxId } = await db
        .transaction()
        .execute(async (trx) => {
          if (await repo.findUserByEmail(email, trx)) {
            throw conflict('email_taken', 'This email is already registered.', [
              { field: 'email', code: 'email_taken', message: 'This email is already registered.' },
            ]);
          }
          const user = await repo.insertUser(
            {
              email,
              password_hash: passwordHash,
              display_name: displayName,
              locale,
              created_at: now,
              updated_at: now,
            },
            trx,
          );
          await repo.insertConsent(
            {
              user_id: user.id,
              purpose: 'personal_data_processing',
              version: input.consent.version,
              given_at: now,
              ip: client.ip,
              user_agent: client.userAgent,
            },
            trx,
          );
          await repo.grantRole(
            { user_id: user.id, role: 'volunteer', scope_type: 'self', scope_id: null },
            trx,
          );
          const token = await issueToken(trx, user.id, 'verify_email');
          const outboxId = await mailer.enqueue(trx, email, locale, {
            template: 'verify_email',
            vars: { name: displayName, link: link('/verify-email', token) },
          });
          await repo.audit(
            { at: now, actor_id: user.id, action: 'account.registered', entity: 'user', entity_id: user.id },
            trx,
          );
          return { userId: user.id, outboxId };
        })
        .catch((error: unknown) => {
          // Two registrations racing for one address: the unique index decides, the loser gets a clear 409.
          if ((error as { code?: string }).code === '23505') {
            throw conflict('email_taken', 'This email is already registered.', [
              { field: 'email', code: 'email_taken', message: 'This email is already registered.' },
            ]);
          }
          throw error;
        });
      await mailer.dispatch([outboxId]);
      return view(userId);
    },

    async verifyEmail(token: string): Promise<User> {
      const now = clock.now();
      const userId = await db.transaction().execute(async (trx) => {
        const used = await repo.consumeToken(tokenHash(token), 'verify_email', now, trx);
        if (!used) throw invalid('token_invalid', 'The link is invalid or has expired.');
        const user = await repo.findUserById(used.user_id, trx);
        if (user && !user.email_verified_at) {
          await repo.updateUser(user.id, { email_verified_at: now, updated_at: now }, trx);
          await repo.audit(
            {
              at: now,
              actor_id: user.id,
              action: 'account.email_verified',
              entity: 'user',
              entity_id: user.id,
            },
            trx,
          );
        }
        return used.user_id;
      });
      return view(userId);
    },

    /** Always "accepted": whether an address is registered is not disclosed. */
    async resendVerification(rawEmail: string) {
      const user = await repo.findUserByEmail(normalizeEmail(rawEmail));
      if (!user || user.email_verified_at || user.status !== 'active') return;
      const outboxId = await db.transaction().execute(async (trx) => {
        const token = await issueToken(trx, user.id, 'verify_email');
        return mailer.enqueue(trx, user.email, user.locale, {
          template: 'verify_email',
          vars: { name: user.display_name, link: link('/verify-email', token) },
        });
      });
      await mailer.dispatch([outboxId]);
    },

    async login(rawEmail: string, password: string, client: ClientInfo, previousToken: string | null) {
      const user = await repo.findUserByEmail(normalizeEmail(rawEmail));
      const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
      if (!user?.password_hash || !ok)
        throw new AppError('invalid_credentials', 401, 'Wrong email or password.');
      if (user.status !== 'active') throw new AppError('account_blocked', 403, 'The account is blocked.');
      if (!user.email_verified_at)
        throw new AppError('email_not_verified', 403, 'The email address is not confirmed.');
      // Rotation: the session a browser had before logging in never becomes an authenticated one.
      if (previousToken) await sessions.endByToken(previousToken);
      const now = clock.now();
      const started = await sessions.start(user.id, client);
      await repo.audit({
        at: now,
        actor_id: user.id,
        action: 'account.logged_in',
        entity: 'user',
        entity_id: user.id,
        data: { ip: client.ip },
      });
      return { token: started.token, user: await view(user.id) };
    },

    /** Always "accepted": whether an address is registered is not disclosed. */
    async requestPasswordReset(rawEmail: string) {
      const user = await repo.findUserByEmail(normalizeEmail(rawEmail));
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
      const peek = await db
        .selectFrom('one_time_tokens')
        .select('user_id')
        .where('token_hash', '=', hash)
        .executeTakeFirst();
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
        await sessions.endAll(user.id, null, trx);
        await repo.audit(
          {
            at: now,
            actor_id: user.id,
            action: 'account.password_reset',
            entity: 'user',
            entity_id: user.id,
          },
          trx,
        );
        return mailer.enqueue(trx, user.email, user.locale, {
          template: 'password_changed',
          vars: { name: user.display_name },
        });
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
        await repo.updateUser(
          user.id,
          { password_hash: passwordHash, must_change_password: false, updated_at: now },
          trx,
        );
        await sessions.endAll(user.id, actor.sessionId, trx);
        await repo.audit(
          {
            at: now,
            actor_id: user.id,
            action: 'account.password_changed',
            entity: 'user',
            entity_id: user.id,
          },
          trx,
        );
        return mailer.enqueue(trx, user.email, user.locale, {
          template: 'password_changed',
          vars: { name: user.display_name },
        });
      });
      await mailer.dispatch([outboxId]);
    },

    async updateMe(actor: UserActor, patch: UpdateMeBody): Promise<User> {
      const displayName = patch.displayName === undefined ? undefined : normalizeName(patch.displayName);
      if (displayName === '')
        throw invalid('validation_failed', 'Name is empty.', [
          { field: 'displayName', code: 'required', message: 'Fill in this field.' },
        ]);
      await repo.updateUser(actor.userId, {
        ...(displayName ? { display_name: displayName } : {}),
        ...(patch.locale ? { locale: patch.locale } : {}),
        updated_at: clock.now(),
      });
      return view(actor.userId);
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
        await repo.audit(
          {
            at: now,
            actor_id: null,
            action: 'account.admin_created',
            entity: 'user',
            entity_id: row.id,
            data: { via: 'cli' },
          },
          trx,
        );
        return row;
      });
      return { user: await view(user.id), oneTimePassword: generated };
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
