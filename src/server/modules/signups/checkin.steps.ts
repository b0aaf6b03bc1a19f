/**
 * The check-in steps both paths share (the volunteer's scan and the coordinator's desk). They run inside
 * the caller's transaction after the locks (volunteer, shift, signup — the signups lock order), change the
 * status through the signup transitions (`attend`) and write the audit the signups module writes.
 */
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { type AppError, conflict, type FieldIssue } from '../../platform/errors.js';
import type { CheckinRepo } from './checkin.repo.js';
import { checkinWindow, localTime } from './checkin.token.js';
import { canTransition, HOLDING } from './signup-rules.js';
import type { ShiftContext, SignupsRepo } from './signups.repo.js';

type Db = Kysely<Database>;
export type SignupRow = NonNullable<Awaited<ReturnType<SignupsRepo['get']>>>;

const issue = (code: FieldIssue['code'], message: string, params?: Record<string, string>) => [
  { field: 'shiftId', code, message, ...(params ? { params } : {}) },
];

/** Check-in and check-out are open from an hour before the start to an hour after the end. */
export function assertWindow(shift: ShiftContext, now: Date) {
  if (shift.status !== 'scheduled') {
    throw conflict(
      'checkin_shift_cancelled',
      'This shift has been cancelled.',
      issue('checkin_shift_cancelled', 'Cancelled.'),
    );
  }
  const { validFrom, validUntil } = checkinWindow(shift);
  if (now < validFrom) {
    const opensAt = localTime(validFrom, shift.timezone);
    throw conflict(
      'checkin_not_open',
      `Check-in opens at ${opensAt}.`,
      issue('checkin_not_open', `Check-in opens at ${opensAt}.`, { opensAt }),
    );
  }
  if (now > validUntil) {
    const closedAt = localTime(validUntil, shift.timezone);
    throw conflict(
      'checkin_closed',
      `Check-in for this shift closed at ${closedAt}.`,
      issue('checkin_closed', `Check-in closed at ${closedAt}.`, { closedAt }),
    );
  }
}

/** Why a signup in this status cannot be checked in. */
export function statusProblem(status: SignupRow['status']): AppError {
  if (status === 'cancelled') {
    return conflict(
      'signup_cancelled',
      'Your signup for this shift was cancelled.',
      issue('signup_cancelled', 'Cancelled.'),
    );
  }
  return conflict(
    'signup_not_confirmed',
    'Your place is not confirmed yet.',
    issue('signup_not_confirmed', 'Not confirmed.', { status }),
  );
}

export function createCheckinSteps(deps: {
  signups: SignupsRepo;
  repo: CheckinRepo;
  clock: Clock;
  audit: AuditWriter;
}) {
  const { signups, repo, clock, audit } = deps;

  return {
    /** confirmed / no-show → attended (a no-show needs a free place again); sets the check-in time. */
    async checkIn(
      trx: Db,
      signup: SignupRow,
      shift: ShiftContext,
      how: { method: 'qr' | 'desk'; actorId: string },
    ) {
      const at = clock.now();
      if (signup.status === 'attended' && signup.checked_in_at) {
        const when = localTime(signup.checked_in_at, shift.timezone);
        throw conflict(
          'already_checked_in',
          `Already checked in since ${when}.`,
          issue('already_checked_in', `Since ${when}.`, { at: when }),
        );
      }
      if (signup.status !== 'attended') {
        if (!canTransition(signup.status, 'attend')) throw statusProblem(signup.status);
        if (!HOLDING.includes(signup.status)) {
          const locked = await signups.lockShift(shift.id, trx);
          const role = signup.role_id ? await signups.lockRole(signup.role_id, trx) : undefined;
          const full =
            (await signups.held(shift.id, trx)) >= (locked?.capacity ?? 0) ||
            (!!role && (await signups.held(shift.id, trx, role.id)) >= role.capacity);
          if (full) throw conflict('shift_full', 'There is no free place on this shift.');
        }
        await signups.setStatus(signup.id, { status: 'attended', at }, trx);
      }
      await repo.setTimes(
        signup.id,
        {
          at,
          checkedInAt: at,
          checkedOutAt: null,
          method: how.method,
          by: how.method === 'desk' ? how.actorId : null,
        },
        trx,
      );
      await audit.record(trx, {
        at,
        actorId: how.actorId,
        action: signup.status === 'attended' ? 'signup.checked_in' : 'signup.attend',
        target: 'signup',
        targetId: signup.id,
        data: { from: signup.status, to: 'attended', method: how.method, checkedInAt: at.toISOString() },
      });
      return at;
    },

    /** Sets the check-out time of a checked-in signup. */
    async checkOut(
      trx: Db,
      signup: SignupRow,
      shift: ShiftContext,
      how: { method: 'qr' | 'desk'; actorId: string },
    ) {
      const at = clock.now();
      if (signup.status !== 'attended' || !signup.checked_in_at) {
        if (signup.status !== 'attended' && !canTransition(signup.status, 'attend'))
          throw statusProblem(signup.status);
        throw conflict('not_checked_in', 'Not checked in yet.', issue('not_checked_in', 'Not checked in.'));
      }
      if (signup.checked_out_at) {
        const when = localTime(signup.checked_out_at, shift.timezone);
        throw conflict(
          'already_checked_out',
          `Already checked out at ${when}.`,
          issue('already_checked_out', `At ${when}.`, { at: when }),
        );
      }
      await repo.setTimes(signup.id, { at, checkedOutAt: at }, trx);
      await audit.record(trx, {
        at,
        actorId: how.actorId,
        action: 'signup.checked_out',
        target: 'signup',
        targetId: signup.id,
        data: { method: how.method, checkedOutAt: at.toISOString() },
      });
      return at;
    },
  };
}
export type CheckinSteps = ReturnType<typeof createCheckinSteps>;
