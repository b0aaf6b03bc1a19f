/**
 * The shift's QR code (token, URL, short code, window; rotation) and the volunteer's own check-in and
 * check-out, by the scanned token or by the shift's short code (wrong codes are limited per user).
 */
import type { Kysely } from 'kysely';
import type { CheckInBody, CheckInResult, CheckinCode } from '../../../shared/contracts/checkin.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import type { ShiftCheckinKeys } from '../opportunities/index.js';
import type { AttemptLimiter } from './checkin.limiter.js';
import { canRunCheckin } from './checkin.policy.js';
import { toShiftBrief } from './checkin.presenter.js';
import type { CheckinRepo } from './checkin.repo.js';
import { assertWindow, type CheckinSteps } from './checkin.steps.js';
import {
  checkinWindow,
  codeMatches,
  localTime,
  newCheckinKey,
  readToken,
  shortCode,
  signToken,
  verifyToken,
} from './checkin.token.js';
import { attendedHours } from './signups.presenter.js';
import type { ShiftContext, SignupsRepo } from './signups.repo.js';

type Db = Kysely<Database>;

/** A second scan within this time is taken as a repeat, not as a check-out (an explicit `out` still is). */
export const REPEAT_SCAN_MS = 5 * 60_000;

const tokenProblem = (kind: 'invalid' | 'expired') =>
  kind === 'invalid'
    ? invalid('checkin_token_invalid', 'The QR code is not valid.', [
        { field: 'token', code: 'checkin_token_invalid', message: 'The QR code is not valid.' },
      ])
    : invalid('checkin_token_expired', 'This QR code has expired.', [
        { field: 'token', code: 'checkin_token_expired', message: 'This QR code has expired.' },
      ]);

export function createCheckinService(deps: {
  db: Db;
  signups: SignupsRepo;
  repo: CheckinRepo;
  steps: CheckinSteps;
  clock: Clock;
  audit: AuditWriter;
  publicUrl: string;
  limiter: AttemptLimiter;
  /** The shift's key, kept by the opportunities module. */
  shiftKeys: ShiftCheckinKeys;
}) {
  const { db, signups, repo, steps, clock, audit, limiter, shiftKeys } = deps;

  async function shiftFor(actor: Actor, shiftId: string) {
    requireUser(actor);
    const shift = await signups.shift(shiftId);
    authorize(!!shift && canRunCheckin(actor, shift), { hide: true, what: 'shift' });
    return shift as ShiftContext;
  }

  function present(shift: ShiftContext, key: string): CheckinCode {
    const { validFrom, validUntil } = checkinWindow(shift);
    const token = signToken(key, shift.id, validUntil);
    return {
      shift: toShiftBrief(shift),
      token,
      url: `${deps.publicUrl}/check-in?t=${encodeURIComponent(token)}`,
      code: shortCode(key, shift.id, validUntil),
      validFrom: validFrom.toISOString(),
      validUntil: validUntil.toISOString(),
    };
  }

  /** Finds the shift the body names and proves the caller was given its code (token or short code). */
  async function resolve(userId: string, body: CheckInBody): Promise<ShiftContext> {
    const now = clock.now();
    if (body.token) {
      const read = readToken(body.token);
      const shift = read ? await signups.shift(read.shiftId) : undefined;
      const key = shift ? await shiftKeys.current(db, shift.id) : null;
      if (!shift || !key) throw tokenProblem('invalid');
      const verdict = verifyToken(key, body.token, now);
      if (verdict !== 'ok') throw tokenProblem(verdict);
      return shift;
    }
    if (!body.shiftId || !body.code) {
      throw invalid('checkin_target_required', 'Scan the QR code, or choose the shift and type the code.', [
        { field: 'code', code: 'checkin_target_required', message: 'Give the token or the shift and code.' },
      ]);
    }
    const shift = await signups.shift(body.shiftId);
    if (!shift) throw notFound('shift');
    // Only people signed up for the shift get to try its code.
    if (!(await repo.signupOn(shift.id, userId))) {
      throw conflict('not_signed_up', 'You are not signed up for this shift.', [
        { field: 'shiftId', code: 'not_signed_up', message: 'Not signed up.' },
      ]);
    }
    // Counted before the code is compared: parallel guesses cannot all be evaluated.
    const blocked = await limiter.attempt(userId);
    if (blocked) {
      const until = localTime(blocked, shift.timezone);
      throw new AppError('checkin_too_many_attempts', 429, `Too many wrong codes; try after ${until}.`, [
        {
          field: 'code',
          code: 'checkin_too_many_attempts',
          message: 'Too many wrong codes.',
          params: { until },
        },
      ]);
    }
    const key = await shiftKeys.current(db, shift.id);
    if (!key || !codeMatches(key, shift.id, checkinWindow(shift).validUntil, body.code)) {
      throw invalid('checkin_code_invalid', 'Wrong shift code.', [
        { field: 'code', code: 'checkin_code_invalid', message: 'Wrong shift code.' },
      ]);
    }
    await limiter.succeeded(userId);
    return shift;
  }

  return {
    /** The QR code of a shift; the key is created on first use. */
    async code(actor: Actor, shiftId: string) {
      const shift = await shiftFor(actor, shiftId);
      const key =
        (await shiftKeys.current(db, shift.id)) ?? (await shiftKeys.ensure(db, shift.id, newCheckinKey()));
      return present(shift, key);
    },

    /** A new key: every printed code and token of the shift stops working. */
    async rotate(actor: Actor, shiftId: string) {
      const user = requireUser(actor);
      const shift = await shiftFor(actor, shiftId);
      const key = newCheckinKey();
      await db.transaction().execute(async (trx) => {
        await shiftKeys.replace(trx, shift.id, key);
        await audit.record(trx, {
          at: clock.now(),
          actorId: user.userId,
          action: 'shift.checkin_code_rotated',
          target: 'shift',
          targetId: shift.id,
          data: {},
        });
      });
      return present(shift, key);
    },

    /** The volunteer checks in (confirmed → attended) or out; a second scan checks out. */
    async checkIn(actor: Actor, body: CheckInBody): Promise<CheckInResult> {
      const user = requireUser(actor);
      const shift = await resolve(user.userId, body);
      assertWindow(shift, clock.now());
      const outcome = await db.transaction().execute(async (trx) => {
        await signups.lockVolunteer(user.userId, trx);
        await signups.lockShift(shift.id, trx);
        const found = await repo.signupOn(shift.id, user.userId, trx);
        const signup = found ? await signups.lockSignup(found.id, trx) : undefined;
        if (!signup) {
          throw conflict('not_signed_up', 'You are not signed up for this shift.', [
            { field: 'shiftId', code: 'not_signed_up', message: 'Not signed up.' },
          ]);
        }
        const inside = signup.status === 'attended' && !!signup.checked_in_at;
        let action = body.action ?? (inside ? 'out' : 'in');
        const recent =
          !body.action &&
          inside &&
          !signup.checked_out_at &&
          clock.now().getTime() - (signup.checked_in_at as Date).getTime() < REPEAT_SCAN_MS;
        if (recent) action = 'in'; // a repeated scan: answered "already checked in"
        const how = { method: 'qr' as const, actorId: user.userId };
        if (action === 'in') await steps.checkIn(trx, signup, shift, how);
        else await steps.checkOut(trx, signup, shift, how);
        return {
          id: signup.id,
          result: action === 'in' ? ('checked_in' as const) : ('checked_out' as const),
        };
      });
      const row = await signups.get(outcome.id);
      if (!row) throw notFound('signup');
      return {
        result: outcome.result,
        signupId: row.id,
        shift: toShiftBrief(shift),
        checkedInAt: row.checked_in_at?.toISOString() ?? null,
        checkedOutAt: row.checked_out_at?.toISOString() ?? null,
        hours: row.status === 'attended' ? attendedHours(shift, row.checked_in_at, row.checked_out_at) : null,
      };
    },
  };
}
export type CheckinService = ReturnType<typeof createCheckinService>;
