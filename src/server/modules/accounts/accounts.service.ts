/** Account rules: registration with consent, email verification, login, profile. Passwords: passwords.service.ts. */
import type { Kysely } from 'kysely';
import type { RegisterBody, UpdateMeBody, User } from '../../../shared/contracts/accounts.js';
import { type Locale, PERSONAL_DATA_CONSENT_VERSION } from '../../../shared/limits.js';
import type { UserActor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { dummyHash, hashPassword, tokenHash, verifyPassword } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { createAccountRules, normalizeName } from './account-rules.js';
import { toUserView } from './accounts.presenter.js';
import type { AccountsRepo } from './accounts.repo.js';
import { normalizeEmail } from './email.js';
import { createPasswordService } from './passwords.service.js';
import type { ClientInfo, SessionService } from './sessions.service.js';

export type AccountsDeps = {
  db: Kysely<Database>;
  repo: AccountsRepo;
  sessions: SessionService;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
};

export function createAccountsService(deps: AccountsDeps) {
  const { db, repo, sessions, mailer, clock } = deps;

  async function view(userId: string): Promise<User> {
    const user = await repo.findUserById(userId);
    if (!user) throw notFound('user');
    return toUserView(user, await repo.grantsOf(userId));
  }

  const { assertStrong, issueToken, link } = createAccountRules(deps);
  const passwords = createPasswordService(deps, view);

  return {
    view,
    ...passwords,

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
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
