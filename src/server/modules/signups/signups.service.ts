/**
 * Signup transitions: sign up, approve/decline, cancel (either side, with a reason), accept or pass an
 * offer, attendance; and the waitlist worker that offers freed places with a deadline.
 */
import type { Kysely } from 'kysely';
import type { AuditData } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { canTransition, HOLDING, type Transition } from './signup-rules.js';
import type { CoreDeps, SignupCore } from './signups.core.js';
import type { SignupEvent } from './signups.mail.js';
import { canCoordinate, isOwner } from './signups.policy.js';
import { toSignup } from './signups.presenter.js';
import type { ShiftContext } from './signups.repo.js';
import type { SignupStatus } from './signups.tables.js';
import type { SwapsRepo } from './swaps.repo.js';

type Db = Kysely<Database>;
type SignupRow = NonNullable<Awaited<ReturnType<CoreDeps['repo']['get']>>>;

const HOUR = 3_600_000;
const cleanReason = (reason: string) => {
  const r = reason.normalize('NFC').trim();
  if (!r) {
    throw invalid('reason_required', 'Give the reason.', [
      { field: 'reason', code: 'reason_required', message: 'Give the reason.' },
    ]);
  }
  return r;
};

export function createSignupsService(deps: CoreDeps & { core: SignupCore; swaps: SwapsRepo }) {
  const { repo, swaps, clock, audit, notify, core, limits } = deps;

  async function view(id: string, trx?: Db) {
    const [row] = await repo.views({ id }, trx);
    if (!row) throw notFound('signup');
    return { signup: toSignup(row) };
  }

  const illegal = (from: string, step: Transition) =>
    conflict('illegal_transition', `A ${from} signup cannot be changed this way (${step}).`, [
      {
        field: 'status',
        code: 'illegal_transition',
        message: `Not allowed from ${from}.`,
        params: { from, to: step },
      },
    ]);

  /** Loads the signup and its shift, checks who may act, then runs `fn` under the locks. */
  async function act<T>(
    actor: Actor,
    id: string,
    who: 'owner' | 'coordinator' | 'either',
    fn: (
      trx: Db,
      signup: SignupRow,
      shift: ShiftContext,
      after: Parameters<Parameters<SignupCore['commit']>[0]>[1],
      by: 'volunteer' | 'coordinator',
    ) => Promise<T>,
  ) {
    requireUser(actor);
    const first = await repo.get(id);
    const shift = first ? await repo.shift(first.shift_id) : undefined;
    const owner = !!first && isOwner(actor, first);
    const coordinator = !!shift && canCoordinate(actor, shift);
    authorize(!!first && !!shift && (owner || coordinator), { hide: true, what: 'signup' });
    authorize(who === 'either' || (who === 'owner' ? owner : coordinator));
    const by = who === 'coordinator' || (who === 'either' && !owner) ? 'coordinator' : 'volunteer';
    await core.commit(async (trx, after) => {
      await repo.lockVolunteer((first as SignupRow).user_id, trx);
      await repo.lockShift((shift as ShiftContext).id, trx);
      const signup = await repo.lockSignup(id, trx);
      if (!signup) throw notFound('signup');
      return fn(trx, signup, shift as ShiftContext, after, by);
    });
    return view(id);
  }

  type Recipients = Awaited<ReturnType<CoreDeps['repo']['users']>>;
  type TellOptions = { mail: boolean; link?: string; params?: Record<string, string | null> };

  /** Notifies the users (read now) of an event of the shift; their mail goes out after the commit. */
  async function tell(
    trx: Db,
    after: { mail: string[] },
    userIds: string[],
    event: SignupEvent,
    shift: ShiftContext,
    opts: TellOptions,
  ) {
    await tellUsers(trx, after, await repo.users(userIds, trx), event, shift, opts);
  }

  async function tellUsers(
    trx: Db,
    after: { mail: string[] },
    recipients: Recipients,
    event: SignupEvent,
    shift: ShiftContext,
    opts: TellOptions,
  ) {
    const ids = await notify(
      trx,
      recipients,
      {
        event,
        shift: core.shiftNotice(shift),
        link: opts.link ?? '/my/shifts',
        mail: opts.mail,
        params: opts.params,
      },
      clock.now(),
    );
    after.mail.push(...ids);
  }

  async function step(
    trx: Db,
    signup: SignupRow,
    transition: Transition,
    change: Omit<Parameters<CoreDeps['repo']['setStatus']>[1], 'at'>,
    actorId: string | null,
    data: AuditData = {},
  ) {
    if (!canTransition(signup.status, transition)) throw illegal(signup.status, transition);
    const at = clock.now();
    const row = await repo.setStatus(signup.id, { ...change, at }, trx);
    await audit.record(trx, {
      at,
      actorId,
      action: `signup.${transition}`,
      target: 'signup',
      targetId: signup.id,
      data: { from: signup.status, to: change.status, ...data },
    });
    return row;
  }

  return {
    async signUp(actor: Actor, shiftId: string, body: { roleId?: string }) {
      const user = requireUser(actor);
      const shift = await core.visibleShift(actor, shiftId);
      // read before the locks: the shift's lock is held from the decision to the commit, keep that short
      const me = await repo.users([user.userId]);
      const row = await core.commit(async (trx, after, guessing) => {
        // what the volunteer and the coordinators are told of the place: written before the place is
        // decided when it is guessed (see takePlace), after it otherwise
        const announce = async (db: Db, status: SignupStatus) => {
          if (status === 'applied') {
            const coordinators = await repo.coordinators(shift.center_id, db);
            await tell(
              db,
              after,
              coordinators.map((c) => c.id),
              'applied',
              shift,
              {
                mail: false,
                link: `/shifts/${shift.id}/roster`,
              },
            );
          } else {
            await tellUsers(db, after, me, status === 'confirmed' ? 'confirmed' : 'waitlisted', shift, {
              mail: status === 'confirmed',
            });
          }
        };
        await repo.lockVolunteer(user.userId, trx);
        const created = await core.takePlace(trx, {
          shift,
          userId: user.userId,
          roleId: body.roleId ?? null,
          actorId: user.userId,
          mode: 'self',
          announce: guessing ? announce : undefined,
        });
        if (!created.announced) await announce(trx, created.status);
        return created;
      });
      return { signup: toSignup(row.view) };
    },

    async mine(actor: Actor) {
      const user = requireUser(actor);
      return (await repo.views({ userId: user.userId })).map(toSignup);
    },

    /** The volunteer withdraws, or the coordinator cancels; a reason is required either way. */
    cancel(actor: Actor, id: string, reason: string) {
      const text = cleanReason(reason);
      return act(actor, id, 'either', async (trx, signup, shift, after, by) => {
        await step(
          trx,
          signup,
          by === 'volunteer' ? 'withdraw' : 'cancel',
          {
            status: 'cancelled',
            cancelledBy: by,
            reason: text,
          },
          requireUser(actor).userId,
        );
        if (HOLDING.includes(signup.status)) after.promote.add(shift.id);
        await swaps.withdrawOthers(signup.id, clock.now(), trx);
        if (by === 'coordinator') {
          await tell(trx, after, [signup.user_id], 'cancelled', shift, {
            mail: true,
            params: { reason: text },
          });
        } else if (signup.status === 'confirmed') {
          const who = (await repo.users([signup.user_id], trx))[0]?.display_name ?? '';
          const coordinators = await repo.coordinators(shift.center_id, trx);
          await tell(
            trx,
            after,
            coordinators.map((c) => c.id),
            'volunteer_cancelled',
            shift,
            {
              mail: false,
              link: `/shifts/${shift.id}/roster`,
              params: { reason: text, who },
            },
          );
        }
      });
    },

    /** The coordinator approves an application: a place if one is free, else the waitlist. */
    approve(actor: Actor, id: string) {
      return act(actor, id, 'coordinator', async (trx, signup, shift, after) => {
        if (!canTransition(signup.status, 'approve')) throw illegal(signup.status, 'approve');
        await core.assertEligible(trx, signup.user_id, shift);
        const locked = await repo.lockShift(shift.id, trx);
        const role = signup.role_id ? await repo.lockRole(signup.role_id, trx) : undefined;
        const hasPlace =
          (await repo.held(shift.id, trx)) < (locked?.capacity ?? 0) &&
          (!role || (await repo.held(shift.id, trx, role.id)) < role.capacity);
        if (hasPlace) {
          const issues = await core.scheduleIssues(trx, signup.user_id, shift);
          if (issues.length) throw core.scheduleConflict(issues);
        }
        const to = hasPlace ? 'confirmed' : 'waitlisted';
        const at = clock.now();
        await repo.setStatus(signup.id, { status: to, at }, trx);
        await audit.record(trx, {
          at,
          actorId: requireUser(actor).userId,
          action: 'signup.approve',
          target: 'signup',
          targetId: signup.id,
          data: { from: signup.status, to },
        });
        await tell(trx, after, [signup.user_id], to, shift, { mail: to === 'confirmed' });
      });
    },

    decline(actor: Actor, id: string, reason: string) {
      const text = cleanReason(reason);
      return act(actor, id, 'coordinator', async (trx, signup, shift, after) => {
        await step(
          trx,
          signup,
          'decline',
          { status: 'cancelled', cancelledBy: 'coordinator', reason: text },
          requireUser(actor).userId,
        );
        await tell(trx, after, [signup.user_id], 'declined', shift, { mail: true, params: { reason: text } });
      });
    },

    /** The offeree takes the held place (before the deadline, if it fits their schedule). */
    accept(actor: Actor, id: string) {
      return act(actor, id, 'owner', async (trx, signup, shift, after) => {
        if (!canTransition(signup.status, 'accept')) throw illegal(signup.status, 'accept');
        if (!signup.offered_until || signup.offered_until <= clock.now()) {
          throw conflict('offer_expired', 'The time to confirm this place has passed.');
        }
        await core.assertEligible(trx, signup.user_id, shift);
        const issues = await core.scheduleIssues(trx, signup.user_id, shift);
        if (issues.length) throw core.scheduleConflict(issues);
        await step(trx, signup, 'accept', { status: 'confirmed' }, signup.user_id);
        await tell(trx, after, [signup.user_id], 'confirmed', shift, { mail: true });
      });
    },

    /** The offeree passes: the place goes to the next on the waitlist. */
    pass(actor: Actor, id: string) {
      return act(actor, id, 'owner', async (trx, signup, shift, after) => {
        await step(
          trx,
          signup,
          'pass',
          { status: 'cancelled', cancelledBy: 'volunteer', reason: 'offer_passed' },
          signup.user_id,
        );
        after.promote.add(shift.id);
      });
    },

    attendance(actor: Actor, id: string, status: 'attended' | 'no_show') {
      return act(actor, id, 'coordinator', async (trx, signup, shift) => {
        if (shift.starts_at > clock.now())
          throw conflict('shift_not_started', 'Attendance is marked once the shift has started.');
        await step(
          trx,
          signup,
          status === 'attended' ? 'attend' : 'no_show',
          { status },
          requireUser(actor).userId,
        );
      });
    },

    /** Offers the shift's free places to the waitlist in order; someone whose schedule clashes is skipped. */
    async promote(shiftId: string) {
      for (let round = 0; round < 10_000; round++) {
        const waiting = await repo.waitlist(shiftId);
        let offered = false;
        for (const candidate of waiting) {
          const outcome = await core.commit(async (trx, after) => {
            await repo.lockVolunteer(candidate.user_id, trx);
            const locked = await repo.lockShift(shiftId, trx);
            const shift = await repo.shift(shiftId, trx);
            if (!locked || !shift || locked.status !== 'scheduled' || shift.starts_at <= clock.now())
              return 'stop';
            if ((await repo.held(shiftId, trx)) >= locked.capacity) return 'stop';
            const current = await repo.lockSignup(candidate.id, trx);
            if (current?.status !== 'waitlisted') return 'skip';
            if (current.role_id) {
              const role = await repo.lockRole(current.role_id, trx);
              if (role && (await repo.held(shiftId, trx, role.id)) >= role.capacity) return 'skip';
            }
            // someone who may not take the place now (consent withdrawn or outdated, …) stays waiting
            if ((await core.eligibilityIssues(trx, current.user_id, shift)).length) return 'skip';
            if ((await core.scheduleIssues(trx, current.user_id, shift)).length) return 'skip';
            const until = new Date(clock.now().getTime() + limits.offerHours * HOUR);
            await step(trx, current, 'offer', { status: 'offered', offeredUntil: until }, null, {
              until: until.toISOString(),
            });
            await tell(trx, after, [current.user_id], 'offered', shift, {
              mail: true,
              params: { until: until.toISOString() },
            });
            return 'offered';
          });
          if (outcome === 'stop') return;
          if (outcome === 'offered') {
            offered = true;
            break;
          }
        }
        if (!offered) return;
      }
    },

    /** Ends offers past their deadline and moves each place on to the next waitlisted volunteer. */
    async expireOffers() {
      for (const offer of await repo.expiredOffers(clock.now())) {
        await core.commit(async (trx, after) => {
          await repo.lockVolunteer(offer.user_id, trx);
          await repo.lockShift(offer.shift_id, trx);
          const current = await repo.lockSignup(offer.id, trx);
          if (current?.status !== 'offered' || !current.offered_until || current.offered_until > clock.now())
            return;
          await step(
            trx,
            current,
            'expire',
            { status: 'cancelled', cancelledBy: 'system', reason: 'offer_expired' },
            null,
          );
          const shift = await repo.shift(offer.shift_id, trx);
          if (shift) await tell(trx, after, [current.user_id], 'offer_expired', shift, { mail: false });
          after.promote.add(offer.shift_id);
        });
      }
    },
  };
}
export type SignupsService = ReturnType<typeof createSignupsService>;
