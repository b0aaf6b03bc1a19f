/**
 * The coordinator's check-in desk for one shift: who is expected and who came (search by name), check in
 * and out at the desk, no-show (the signups attendance step), undo a mistake, and walk-ups — one of the
 * centre's own people (found by name) goes straight to attended, anyone else with an account gets an
 * invitation by e-mail to accept, a person without one becomes a walk-in holding a place.
 */
import type { Kysely } from 'kysely';
import type { Desk, DeskAction, WalkUpBody } from '../../../shared/contracts/checkin.js';
import type { AuditAction, AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { canRunCheckin } from './checkin.policy.js';
import { toDeskEntry, toWalkIn } from './checkin.presenter.js';
import type { CheckinRepo } from './checkin.repo.js';
import { assertWindow, type CheckinSteps, type SignupRow, statusProblem } from './checkin.steps.js';
import { checkinWindow } from './checkin.token.js';
import { HOLDING } from './signup-rules.js';
import type { SignupCore } from './signups.core.js';
import type { SignupInvitations } from './signups.invitations.js';
import type { ShiftContext, SignupsRepo } from './signups.repo.js';
import type { SignupsService } from './signups.service.js';

type Db = Kysely<Database>;

/** Case-insensitive, ё = е, NFC: how names are matched at the desk. */
export const foldName = (s: string) => s.normalize('NFC').toLocaleLowerCase('ru').replaceAll('ё', 'е');

const shiftFull = () => conflict('shift_full', 'There is no free place on this shift.');

export function createCheckinDesk(deps: {
  db: Db;
  signups: SignupsRepo;
  repo: CheckinRepo;
  steps: CheckinSteps;
  core: SignupCore;
  attendance: SignupsService['attendance'];
  invitations: SignupInvitations;
  clock: Clock;
  audit: AuditWriter;
}) {
  const { db, signups, repo, steps, core, invitations, clock, audit } = deps;

  async function shiftFor(actor: Actor, shiftId: string) {
    requireUser(actor);
    const shift = await signups.shift(shiftId);
    authorize(!!shift && canRunCheckin(actor, shift), { hide: true, what: 'shift' });
    return shift as ShiftContext;
  }

  async function entry(shift: ShiftContext, signupId: string) {
    const [row] = await repo.deskRows(shift.id, { signupId });
    if (!row) throw notFound('signup');
    return { entry: toDeskEntry(row, shift) };
  }

  async function walkInView(shift: ShiftContext, id: string) {
    const row = await repo.walkIn(id);
    if (!row) throw notFound('walk-in');
    return { walkIn: toWalkIn(row, shift) };
  }

  /** Locks the shift (and the role) and refuses when no place is left — walk-ins count. */
  async function needPlace(trx: Db, shift: ShiftContext, roleId: string | null) {
    const locked = await signups.lockShift(shift.id, trx);
    if (roleId) {
      const role = await signups.lockRole(roleId, trx);
      if (role?.shift_id !== shift.id) {
        throw invalid('unknown_role', 'No such role on this shift.', [
          { field: 'roleId', code: 'unknown_role', message: 'No such role on this shift.' },
        ]);
      }
      if ((await signups.held(shift.id, trx, role.id)) >= role.capacity) throw shiftFull();
    }
    if ((await signups.held(shift.id, trx)) >= (locked?.capacity ?? 0)) throw shiftFull();
  }

  /**
   * One of the centre's own people at the desk (found by name: an earlier signup of theirs here, or a
   * member of its squad): their signup is checked in, or a new one lands straight on attended.
   */
  async function walkUpAccount(actorId: string, shift: ShiftContext, userId: string, roleId: string | null) {
    const volunteer = await invitations.assertCandidate(shift, userId);
    return db.transaction().execute(async (trx) => {
      await signups.lockVolunteer(volunteer.id, trx);
      await signups.lockShift(shift.id, trx);
      const existing = await repo.signupOn(shift.id, volunteer.id, trx);
      if (existing && existing.status !== 'cancelled') {
        const signup = (await signups.lockSignup(existing.id, trx)) as SignupRow;
        await steps.checkIn(trx, signup, shift, { method: 'desk', actorId });
        return signup.id;
      }
      // every placement check of the signups core (status, eligibility, places with walk-ins, schedule)
      const row = await core.takePlace(trx, {
        shift,
        userId: volunteer.id,
        roleId,
        actorId,
        mode: 'walk_up',
      });
      await repo.setTimes(
        row.id,
        { at: clock.now(), checkedInAt: clock.now(), method: 'desk', by: actorId },
        trx,
      );
      return row.id;
    });
  }

  async function undo(trx: Db, signup: SignupRow, shift: ShiftContext, actorId: string) {
    const at = clock.now();
    let action: AuditAction<'signup'>;
    if (signup.status === 'attended' && signup.checked_out_at) {
      await repo.setTimes(signup.id, { at, checkedOutAt: null }, trx);
      action = 'signup.check_out_undone';
    } else if (signup.status === 'attended') {
      await signups.setStatus(signup.id, { status: 'confirmed', at }, trx);
      await repo.setTimes(
        signup.id,
        { at, checkedInAt: null, checkedOutAt: null, method: null, by: null },
        trx,
      );
      action = 'signup.check_in_undone';
    } else if (signup.status === 'no_show') {
      await needPlace(trx, shift, signup.role_id);
      await signups.setStatus(signup.id, { status: 'confirmed', at }, trx);
      action = 'signup.no_show_undone';
    } else {
      throw conflict('nothing_to_undo', 'There is nothing to undo.');
    }
    await audit.record(trx, {
      at,
      actorId,
      action,
      target: 'signup',
      targetId: signup.id,
      data: {
        from: signup.status,
        checkedInAt: signup.checked_in_at?.toISOString() ?? null,
        checkedOutAt: signup.checked_out_at?.toISOString() ?? null,
      },
    });
  }

  return {
    async desk(actor: Actor, shiftId: string, q?: string): Promise<Desk> {
      const shift = await shiftFor(actor, shiftId);
      const [rows, walkIns, roles, held] = [
        await repo.deskRows(shift.id),
        await repo.walkIns(shift.id),
        await signups.roles(shift.id),
        await signups.held(shift.id, db),
      ];
      const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).length;
      const needle = foldName(q?.trim() ?? '');
      const match = (...texts: (string | null)[]) =>
        !needle || texts.some((t) => t && foldName(t).includes(needle));
      const { validFrom, validUntil } = checkinWindow(shift);
      return {
        shift: {
          id: shift.id,
          title: shift.title,
          startsAt: shift.starts_at.toISOString(),
          endsAt: shift.ends_at.toISOString(),
          status: shift.status,
          capacity: shift.capacity,
          validFrom: validFrom.toISOString(),
          validUntil: validUntil.toISOString(),
          center: { id: shift.center_id, name: shift.center_name },
        },
        counts: {
          expected: count(...HOLDING, 'no_show') + walkIns.length,
          arrived: count('attended') + walkIns.length,
          noShow: count('no_show'),
          free: Math.max(0, shift.capacity - held),
        },
        roles,
        entries: rows.filter((r) => match(r.display_name, r.email)).map((r) => toDeskEntry(r, shift)),
        walkIns: walkIns.filter((w) => match(w.full_name, w.contact)).map((w) => toWalkIn(w, shift)),
        invitations: (await invitations.onShift(shift.id, 'desk')).filter((i) => match(i.email)),
      };
    },

    /** Check in / out at the desk, no-show, or undo the last mark of one signup. */
    async act(actor: Actor, signupId: string, action: DeskAction) {
      const user = requireUser(actor);
      const first = await signups.get(signupId);
      const shift = first ? await signups.shift(first.shift_id) : undefined;
      authorize(!!first && !!shift && canRunCheckin(actor, shift), { hide: true, what: 'signup' });
      const s = shift as ShiftContext;
      const signup0 = first as SignupRow;
      if (action === 'no_show') {
        if (signup0.status === 'attended' && signup0.checked_in_at) {
          throw conflict('undo_check_in_first', 'Undo the check-in first.');
        }
        await deps.attendance(actor, signupId, 'no_show');
        return entry(s, signupId);
      }
      if (action !== 'undo') assertWindow(s, clock.now());
      await db.transaction().execute(async (trx) => {
        await signups.lockVolunteer(signup0.user_id, trx);
        await signups.lockShift(s.id, trx);
        const signup = await signups.lockSignup(signupId, trx);
        if (!signup) throw notFound('signup');
        const how = { method: 'desk' as const, actorId: user.userId };
        if (action === 'check_in') {
          if (!HOLDING.includes(signup.status) && signup.status !== 'no_show')
            throw statusProblem(signup.status);
          await steps.checkIn(trx, signup, s, how);
        } else if (action === 'check_out') await steps.checkOut(trx, signup, s, how);
        else await undo(trx, signup, s, user.userId);
      });
      return entry(s, signupId);
    },

    /**
     * A walk-up: one of the centre's own people by id (straight to attended), anyone by e-mail (an
     * invitation they accept in their own account — the answer does not tell whether the address has
     * one), or a person without an account (a walk-in).
     */
    async walkUp(actor: Actor, shiftId: string, body: WalkUpBody) {
      const user = requireUser(actor);
      const shift = await shiftFor(actor, shiftId);
      const roleId = body.roleId ?? null;
      const email = body.email?.trim();
      const fullName = body.fullName?.normalize('NFC').trim();
      if (!body.userId && !email && !fullName) {
        throw invalid('walk_up_target_required', 'Give the e-mail of an account or the name.', [
          { field: 'fullName', code: 'walk_up_target_required', message: 'Give the e-mail or the name.' },
        ]);
      }
      assertWindow(shift, clock.now());
      if (body.userId) {
        const id = await walkUpAccount(user.userId, shift, body.userId, roleId);
        return { ...(await entry(shift, id)), walkIn: null, invitation: null };
      }
      if (email) {
        const { invitation } = await invitations.invite(
          actor,
          shift.id,
          { email, ...(body.roleId ? { roleId: body.roleId } : {}) },
          { shift, expiresAt: checkinWindow(shift).validUntil },
        );
        return { entry: null, walkIn: null, invitation };
      }
      const contact = body.contact?.normalize('NFC').trim() || null;
      const created = await db.transaction().execute(async (trx) => {
        await needPlace(trx, shift, roleId);
        const at = clock.now();
        const row = await repo.insertWalkIn(
          { shiftId: shift.id, roleId, fullName: fullName as string, contact, addedBy: user.userId, at },
          trx,
        );
        await audit.record(trx, {
          at,
          actorId: user.userId,
          action: 'walk_in.added',
          target: 'shift_walk_in',
          targetId: row.id,
          data: { shiftId: shift.id, roleId },
        });
        return row.id;
      });
      return { entry: null, ...(await walkInView(shift, created)), invitation: null };
    },

    /** Check-out of a walk-in, or its removal with a reason (the place is freed; the row is kept). */
    async walkIn(actor: Actor, id: string, change: { checkOut: true } | { remove: string }) {
      const user = requireUser(actor);
      const first = await repo.walkIn(id);
      const shift = first ? await signups.shift(first.shift_id) : undefined;
      authorize(!!first && !!shift && canRunCheckin(actor, shift), { hide: true, what: 'walk-in' });
      const reason = 'remove' in change ? change.remove.normalize('NFC').trim() : '';
      if ('remove' in change && !reason) {
        throw invalid('reason_required', 'Give the reason.', [
          { field: 'reason', code: 'reason_required', message: 'Give the reason.' },
        ]);
      }
      await core.commit(async (trx, after) => {
        await signups.lockShift((shift as ShiftContext).id, trx);
        const row = await repo.lockWalkIn(id, trx);
        if (!row) throw notFound('walk-in');
        if (row.removed_at) throw conflict('walk_in_removed', 'This walk-in has been removed.');
        const at = clock.now();
        if ('checkOut' in change) {
          if (row.checked_out_at) throw conflict('walk_in_checked_out', 'Already checked out.');
          await repo.updateWalkIn(
            id,
            { checkedOutAt: new Date(Math.max(at.getTime(), row.checked_in_at.getTime())) },
            trx,
          );
        } else {
          await repo.updateWalkIn(id, { removedAt: at, removedBy: user.userId, reason }, trx);
          after.promote.add(row.shift_id); // the freed place goes to the waitlist (before the start)
        }
        await audit.record(trx, {
          at,
          actorId: user.userId,
          action: 'checkOut' in change ? 'walk_in.checked_out' : 'walk_in.removed',
          target: 'shift_walk_in',
          targetId: id,
          data: 'checkOut' in change ? {} : { reason },
        });
      });
      return walkInView(shift as ShiftContext, id);
    },
  };
}
export type CheckinDesk = ReturnType<typeof createCheckinDesk>;
