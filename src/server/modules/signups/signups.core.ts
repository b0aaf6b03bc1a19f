/**
 * The place-taking core every path shares (self signup, coordinator assignment, swap, team signup,
 * walk-up, invitation): commit-then-dispatch, the shift lock and count, eligibility (consent to
 * volunteering, age, guardian consent, skills) and schedule checks. The caller has already
 * taken the volunteer lock(s) (lock order: volunteers by id, then the shift, then its role, then rows).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditAction, AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, type FieldIssue, invalid, notFound } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { checkEligibility, checkSchedule, initialStatus, type Limits, localDay } from './signup-rules.js';
import type { SignupJobs } from './signups.jobs.js';
import type { SignupNotifier } from './signups.notify.js';
import { canSeeShift, isOpenForSignups } from './signups.policy.js';
import type { ShiftContext, SignupsRepo } from './signups.repo.js';

type SignupView = Awaited<ReturnType<SignupsRepo['views']>>[number];
type SignupRow = Awaited<ReturnType<SignupsRepo['insert']>>;

/** A place guessed before the shift lock was not the one decided under it (see `placeGuessed`). */
class GuessMissed extends Error {}

/** Writes what follows from a self signup's status (the notices) before its place is decided. */
export type Announce = (trx: Db, status: SignupStatus) => Promise<void>;

/** The signup as `repo.views` reads it after the commit, from what was read under the shift lock. */
const viewOf = (row: SignupRow, shift: ShiftContext, roleName: string | null): SignupView => ({
  ...row,
  role_name: roleName,
  shift_id: shift.id,
  starts_at: shift.starts_at,
  ends_at: shift.ends_at,
  shift_status: shift.status,
  opportunity_id: shift.opportunity_id,
  title: shift.title,
  center_id: shift.center_id,
  center_name: shift.center_name,
});

import type { SignupStatus } from './signups.tables.js';

type Db = Kysely<Database>;

/** What a transaction leaves for after its commit: mail to dispatch, shifts whose waitlist may move. */
export type After = { mail: string[]; promote: Set<string> };

export type CoreDeps = {
  db: Db;
  repo: SignupsRepo;
  clock: Clock;
  audit: AuditWriter;
  mailer: Mailer;
  notify: SignupNotifier;
  jobs: SignupJobs;
  limits: Limits & { offerHours: number };
};

/** `walk_up`: someone who came to the venue, put on the shift at the desk as attended (also once it started). */
export type PlaceMode = 'self' | 'assign' | 'swap' | 'team' | 'walk_up';

/** The audit action of a place taken, by how it was taken. */
const PLACE_ACTIONS = {
  self: 'signup.created',
  assign: 'signup.assigned',
  swap: 'signup.swap',
  team: 'signup.team',
  walk_up: 'signup.walk_up',
} as const satisfies Record<PlaceMode, AuditAction<'signup'>>;

export function createSignupCore(deps: CoreDeps) {
  const { db, repo, clock, audit, mailer, jobs, limits } = deps;

  /**
   * Runs `fn` in a transaction, then dispatches its mail and waitlist moves. `guessing` is true on the
   * first run: a place guessed in it that turns out otherwise (`GuessMissed`, see `placeGuessed`) rolls
   * it back, and it runs once more without guessing.
   */
  async function commit<T>(fn: (trx: Db, after: After, guessing: boolean) => Promise<T>): Promise<T> {
    const attempt = async (guessing: boolean) => {
      const after: After = { mail: [], promote: new Set() };
      return { after, result: await db.transaction().execute((trx) => fn(trx, after, guessing)) };
    };
    const { after, result } = await attempt(true).catch((error: unknown) => {
      if (error instanceof GuessMissed) return attempt(false);
      throw error;
    });
    await mailer.dispatch(after.mail);
    for (const shiftId of after.promote) await jobs.promote(shiftId);
    return result;
  }

  async function loadShift(id: string, trx: Db = db) {
    const shift = await repo.shift(id, trx);
    if (!shift) throw notFound('shift');
    return shift;
  }

  /**
   * The shift for someone who names it by id to take a place: 404 when it does not exist for them (see
   * `canSeeShift`), as the opportunity's page answers; 409 `shift_unavailable` (from `takePlace`) is only
   * for those who may see it.
   */
  async function visibleShift(actor: Actor, id: string) {
    const shift = await repo.shift(id);
    authorize(!!shift && canSeeShift(actor, shift), { hide: true, what: 'shift' });
    return shift as ShiftContext;
  }

  const unavailable = () => conflict('shift_unavailable', 'This shift is not open for signups.');

  /** Overlap, hours per day, rest — against what the volunteer holds on other shifts. */
  async function scheduleIssues(trx: Db, userId: string, shift: ShiftContext) {
    return scheduleFit(await repo.heldIntervals(userId, trx, shift.id), shift);
  }

  const scheduleFit = (held: { startsAt: Date; endsAt: Date }[], shift: ShiftContext) =>
    checkSchedule({ startsAt: shift.starts_at, endsAt: shift.ends_at }, held, limits, shift.timezone);

  const scheduleConflict = (issues: FieldIssue[]) =>
    conflict('schedule_conflict', 'This shift does not fit your schedule.', issues);

  /** Consent, age, guardian consent and skills of the person for the shift, read in `trx` now. */
  async function eligibilityIssues(trx: Db, userId: string, shift: ShiftContext) {
    return eligibilityFor(await repo.eligibility(userId, clock.now(), trx), shift);
  }

  const eligibilityFor = (
    facts: Awaited<ReturnType<SignupsRepo['eligibility']>>,
    shift: ShiftContext,
  ): FieldIssue[] =>
    checkEligibility(
      { minAge: shift.min_age, requiredSkills: shift.required_skills, ...facts },
      localDay(shift.starts_at, shift.timezone),
    );

  const notEligible = (issues: FieldIssue[]) =>
    conflict('not_eligible', 'The shift requirements are not met.', issues);

  /** Refuses (409 `not_eligible`, the reasons as field issues) a person who may not take the place. */
  async function assertEligible(trx: Db, userId: string, shift: ShiftContext) {
    const issues = await eligibilityIssues(trx, userId, shift);
    if (issues.length) throw notEligible(issues);
  }

  /** Whether two readings of a shift ask the same of a person (what the eligibility and schedule checks read). */
  const sameDemands = (a: ShiftContext, b: ShiftContext) =>
    a.starts_at.getTime() === b.starts_at.getTime() &&
    a.ends_at.getTime() === b.ends_at.getTime() &&
    a.min_age === b.min_age &&
    a.timezone === b.timezone &&
    a.required_skills.join() === b.required_skills.join();

  /**
   * Checks everything and inserts the signup; `self` lands as the opportunity's mode decides (confirmed /
   * waitlisted / applied), other modes need a free place. What depends on the person (already on the
   * shift, eligibility, schedule fit) is read before the shift lock, which the caller's volunteer lock
   * keeps valid, against the shift as the caller read it; under the shift lock only the place is decided
   * (from the `taken` counter), so a burst on one shift queues behind a short lock. If the shift's demands
   * changed since the caller read it, the person is checked again under the lock.
   */
  async function takePlace(
    trx: Db,
    args: {
      shift: ShiftContext;
      userId: string;
      roleId: string | null;
      actorId: string;
      mode: PlaceMode;
      teamSignupId?: string;
      /** A self signup on its first run (`commit`'s `guessing`): see `placeGuessed`. */
      announce?: Announce;
    },
  ) {
    const { userId, roleId } = args;
    const before = args.shift;
    const person = await repo.personOnShift(userId, before.id, clock.now(), trx);
    const early = person.onShift
      ? null
      : {
          eligibility: eligibilityFor(person.eligibility, before),
          schedule: scheduleFit(person.held, before),
        };
    if (args.announce && args.mode === 'self' && !roleId && early && !early.eligibility.length) {
      const status = initialStatus(before.signup_mode, person.room);
      if (status !== 'confirmed' || !early.schedule.length)
        return placeGuessed(trx, { ...args, announce: args.announce }, status);
    }
    // Read again under the lock: a change of time, capacity or rules committed meanwhile counts.
    const shift = await repo.lockedShift(before.id, trx);
    if (!shift || !isOpenForSignups(shift)) throw unavailable();
    if (args.mode !== 'walk_up' && shift.starts_at <= clock.now())
      throw conflict('shift_started', 'This shift has already started.');
    let role: Awaited<ReturnType<SignupsRepo['lockRole']>> | undefined;
    if (roleId) {
      role = await repo.lockRole(roleId, trx);
      if (role?.shift_id !== shift.id) {
        throw invalid('unknown_role', 'No such role on this shift.', [
          { field: 'roleId', code: 'unknown_role', message: 'No such role on this shift.' },
        ]);
      }
    }
    if (!early) throw conflict('already_signed_up', 'Already signed up for this shift.');
    const unchanged = sameDemands(before, shift);
    const eligibility = unchanged ? early.eligibility : await eligibilityIssues(trx, userId, shift);
    if (eligibility.length) throw notEligible(eligibility);
    const hasPlace =
      shift.taken < shift.capacity && (!role || (await repo.held(shift.id, trx, role.id)) < role.capacity);
    let status: SignupStatus;
    if (args.mode === 'self') status = initialStatus(shift.signup_mode, hasPlace);
    else if (hasPlace) status = args.mode === 'walk_up' ? 'attended' : 'confirmed';
    else throw conflict('shift_full', 'There is no free place on this shift.');
    if (status === 'confirmed' || status === 'attended') {
      const issues = unchanged ? early.schedule : await scheduleIssues(trx, userId, shift);
      if (issues.length) throw scheduleConflict(issues);
    }
    const at = clock.now();
    const row = await repo.insert(
      {
        shift_id: shift.id,
        role_id: roleId,
        user_id: userId,
        status,
        created_by: args.actorId,
        team_signup_id: args.teamSignupId ?? null,
        at,
      },
      trx,
    );
    await audit.record(trx, {
      at,
      actorId: args.actorId,
      action: PLACE_ACTIONS[args.mode],
      target: 'signup',
      targetId: row.id,
      data: { shiftId: shift.id, userId, status, roleId },
    });
    return { ...row, view: viewOf(row, shift, role?.name ?? null), announced: false };
  }

  /**
   * A self signup's fast path (a burst on one shift queues on its lock): the place is guessed from the
   * shift's counter as read just before, the audit row and the notices are written for that status, and
   * only then is the shift locked and the place decided as `takePlace` decides it; if the guess holds the
   * signup is inserted, so the lock is held for two statements and the commit. Anything else (another
   * place, a change of the shift, a refusal) throws `GuessMissed`: `commit` rolls the transaction back and
   * runs it again the ordinary way, which also gives the refusal its answer.
   */
  async function placeGuessed(
    trx: Db,
    args: { shift: ShiftContext; userId: string; actorId: string; announce: Announce },
    status: SignupStatus,
  ) {
    const before = args.shift;
    const id = randomUUID();
    const at = clock.now();
    await audit.record(trx, {
      at,
      actorId: args.actorId,
      action: PLACE_ACTIONS.self,
      target: 'signup',
      targetId: id,
      data: { shiftId: before.id, userId: args.userId, status, roleId: null },
    });
    await args.announce(trx, status);
    const shift = await repo.lockedShift(before.id, trx);
    const holds =
      !!shift &&
      isOpenForSignups(shift) &&
      shift.starts_at > clock.now() &&
      sameDemands(before, shift) &&
      initialStatus(shift.signup_mode, shift.taken < shift.capacity) === status;
    if (!shift || !holds) throw new GuessMissed();
    const row = await repo.insert(
      { id, shift_id: shift.id, role_id: null, user_id: args.userId, status, created_by: args.actorId, at },
      trx,
    );
    return { ...row, view: viewOf(row, shift, null), announced: true };
  }

  const shiftNotice = (shift: ShiftContext) => ({
    id: shift.id,
    title: shift.title,
    startsAt: shift.starts_at,
    timezone: shift.timezone,
  });

  return {
    commit,
    loadShift,
    visibleShift,
    unavailable,
    takePlace,
    scheduleIssues,
    scheduleConflict,
    eligibilityIssues,
    assertEligible,
    shiftNotice,
  };
}
export type SignupCore = ReturnType<typeof createSignupCore>;
