/**
 * Account rules: registration with consent, email verification, login, profile. Passwords:
 * passwords.service.ts. Nothing here tells a caller whether an address is registered: registration
 * answers the same for a taken address (its owner gets a mail instead), "send me a link" requests go
 * through the job queue (accounts.jobs.ts), and the login delay counts unknown addresses like known ones.
 */
import type { Kysely } from 'kysely';
import type { RegisterBody, UpdateMeBody, User } from '../../../shared/contracts/accounts.js';
import { type Locale, PERSONAL_DATA_CONSENT_VERSION } from '../../../shared/limits.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { UserActor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { dummyHash, hashPassword, tokenHash, verifyPassword } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { IfMatch } from '../../platform/http/etag.js';
import type { RateLimits } from '../../platform/http/rate-limits.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { createAccountRules, normalizeName, wired } from './account-rules.js';
import type { AccountJobs, AccountMailRequest } from './accounts.jobs.js';
import { toUserView } from './accounts.presenter.js';
import type { AccountsRepo } from './accounts.repo.js';
import { normalizeEmail } from './email.js';
import type { LoginThrottle } from './login-throttle.js';
import { createPasswordService } from './passwords.service.js';
import type { ClientInfo, SessionService } from './sessions.service.js';

/** At most one "someone tried to register with your address" mail per account in this time. */
const REGISTRATION_NOTICE_MS = 3_600_000;

export type AccountsDeps = {
  db: Kysely<Database>;
  repo: AccountsRepo;
  sessions: SessionService;
  mailer: Mailer;
  clock: Clock;
  audit: AuditWriter;
  publicUrl: string;
  /** Registration notices, "send me a link" jobs and the login delay (the CLI's admin tool needs none). */
  limits?: RateLimits;
  jobs?: AccountJobs;
  throttle?: LoginThrottle;
};

export function createAccountsService(deps: AccountsDeps) {
  const { db, repo, sessions, mailer, clock, audit } = deps;

  async function view(userId: string): Promise<User> {
    const user = await repo.findUserById(userId);
    if (!user) throw notFound('user');
    return toUserView(user, await repo.grantsOf(userId));
  }

  const { assertStrong, issueToken, link } = createAccountRules(deps);
  const passwords = createPasswordService(deps, view);

  /** Tells the owner of a taken address that someone tried to register with it (at most hourly). */
  async function noticeExisting(userId: string): Promise<string | null> {
    const user = await repo.findUserById(userId);
    if (user?.status !== 'active') return null;
    const { hits } = await wired(deps.limits, 'limits').hit(
      `registration-notice:${user.id}`,
      REGISTRATION_NOTICE_MS,
    );
    if (hits > 1) return null;
    return db.transaction().execute(async (trx) => {
      await audit.record(trx, {
        actorId: null,
        action: 'account.registration_attempted',
        target: 'user',
        targetId: user.id,
      });
      return mailer.enqueue(trx, user.email, user.locale, {
        template: 'registration_attempt',
        vars: {
          name: user.display_name,
          loginLink: `${deps.publicUrl}/login`,
          resetLink: `${deps.publicUrl}/reset-password`,
        },
      });
    });
  }

  /** The queued half of "send me the verification link again" (see accounts.jobs.ts). */
  async function resendVerificationNow(email: string) {
    const user = await repo.findUserByEmail(email);
    if (!user || user.email_verified_at || user.status !== 'active') return;
    const outboxId = await db.transaction().execute(async (trx) => {
      const token = await issueToken(trx, user.id, 'verify_email');
      return mailer.enqueue(trx, user.email, user.locale, {
        template: 'verify_email',
        vars: { name: user.display_name, link: link('/verify-email', token) },
      });
    });
    await mailer.dispatch([outboxId]);
  }

  deps.jobs?.bind(async (request: AccountMailRequest) => {
    if (request.kind === 'verify_email') await resendVerificationNow(request.email);
    else await passwords.sendResetLink(request.email);
  });

  return {
    view,
    ...passwords,

    /**
     * Registers a new account, or — for an address that already has one — writes nothing but a mail to
     * its owner. Both answer the same, after the same work (the password is hashed either way).
     */
    async register(input: RegisterBody, client: ClientInfo): Promise<void> {
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
      const create = () =>
        db.transaction().execute(async (trx) => {
          const existing = await repo.findUserByEmail(email, trx);
          if (existing) return { existingId: existing.id, outboxId: null };
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
          await audit.record(trx, {
            at: now,
            actorId: user.id,
            action: 'account.registered',
            target: 'user',
            targetId: user.id,
          });
          return { existingId: null, outboxId };
        });
      // Two registrations racing for one address: the unique index decides; the loser is "existing".
      const result = await create().catch(async (error: unknown) => {
        if ((error as { code?: string }).code !== '23505') throw error;
        const existing = await repo.findUserByEmail(email);
        if (!existing) throw error;
        return { existingId: existing.id, outboxId: null };
      });
      const outboxId = result.existingId ? await noticeExisting(result.existingId) : result.outboxId;
      if (outboxId) await mailer.dispatch([outboxId]);
    },

    async verifyEmail(token: string): Promise<User> {
      const now = clock.now();
      const userId = await db.transaction().execute(async (trx) => {
        const used = await repo.consumeToken(tokenHash(token), 'verify_email', now, trx);
        if (!used) throw invalid('token_invalid', 'The link is invalid or has expired.');
        const user = await repo.findUserById(used.user_id, trx);
        if (user && !user.email_verified_at) {
          await repo.updateUser(user.id, { email_verified_at: now, updated_at: now }, trx);
          await audit.record(trx, {
            at: now,
            actorId: user.id,
            action: 'account.email_verified',
            target: 'user',
            targetId: user.id,
          });
        }
        return used.user_id;
      });
      return view(userId);
    },

    /** Always "accepted", after the same work for any address: the job does the rest. */
    async resendVerification(rawEmail: string) {
      await wired(deps.jobs, 'jobs').request({ kind: 'verify_email', email: normalizeEmail(rawEmail) });
    },

    /**
     * Counts the attempt first (login-throttle.ts: 429 while the account's delay runs, unless this browser
     * carries the account's device cookie), then checks the password. Returns the session token and a
     * fresh device cookie.
     */
    async login(
      rawEmail: string,
      password: string,
      client: ClientInfo,
      previousToken: string | null,
      deviceCookie?: string,
    ) {
      const email = normalizeEmail(rawEmail);
      const throttle = wired(deps.throttle, 'throttle');
      const admission = await throttle.admit(email, deviceCookie);
      const user = await repo.findUserByEmail(email);
      const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
      if (!user?.password_hash || !ok)
        throw new AppError('invalid_credentials', 401, 'Wrong email or password.');
      const device = await throttle.passed(admission);
      if (user.status !== 'active') throw new AppError('account_blocked', 403, 'The account is blocked.');
      if (!user.email_verified_at)
        throw new AppError('email_not_verified', 403, 'The email address is not confirmed.');
      // Rotation: the session a browser had before logging in never becomes an authenticated one.
      if (previousToken) await sessions.endByToken(previousToken);
      const now = clock.now();
      const started = await sessions.start(user.id, client);
      await audit.record(db, {
        at: now,
        actorId: user.id,
        action: 'account.logged_in',
        target: 'user',
        targetId: user.id,
        data: { ip: client.ip },
      });
      return { token: started.token, device, user: await view(user.id) };
    },

    /** Own name or language; from an older version of the account than the current one (If-Match) → 412. */
    async updateMe(actor: UserActor, patch: UpdateMeBody, ifMatch?: IfMatch): Promise<User> {
      const displayName = patch.displayName === undefined ? undefined : normalizeName(patch.displayName);
      if (displayName === '')
        throw invalid('validation_failed', 'Name is empty.', [
          { field: 'displayName', code: 'required', message: 'Fill in this field.' },
        ]);
      await db.transaction().execute(async (trx) => {
        await beginEdit(trx, 'users', { value: actor.userId }, ifMatch, 'user');
        await repo.updateUser(
          actor.userId,
          {
            ...(displayName ? { display_name: displayName } : {}),
            ...(patch.locale ? { locale: patch.locale } : {}),
            updated_at: clock.now(),
          },
          trx,
        );
      });
      return view(actor.userId);
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
