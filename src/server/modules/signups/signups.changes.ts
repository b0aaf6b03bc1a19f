/**
 * Change notices: the signups side of the opportunities module's `ShiftChangeListener`. Everything runs in
 * the change's own transaction (the shift rows are locked first, then signups — the same order as every
 * signup path); the mail it writes is dispatched after the commit.
 *
 * - start/end moved → everyone active on the shift (confirmed, offered, applied, waitlisted) is told
 *   "old → new", and reminders already sent for the old time are re-armed;
 * - shift cancelled → its active signups are cancelled (system, reason `shift_cancelled`) and told;
 * - opportunity cancelled → the same for each of its future shifts;
 * - address, online flag or map point changed → those holding places on future shifts are told.
 */
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { ShiftChangeListener } from '../opportunities/index.js';
import type { RemindersRepo } from './reminders.repo.js';
import { ACTIVE, HOLDING } from './signup-rules.js';
import type { SignupEvent } from './signups.mail.js';
import type { SignupNotifier } from './signups.notify.js';
import { placeParams } from './signups.reminders.js';
import type { SignupsRepo } from './signups.repo.js';
import type { SwapsRepo } from './swaps.repo.js';

type Db = Kysely<Database>;
type Shift = Awaited<ReturnType<RemindersRepo['shifts']>>[number];

export const SHIFT_CANCELLED = 'shift_cancelled';

export function createShiftChangeNotices(deps: {
  clock: Clock;
  audit: AuditWriter;
  mailer: Mailer;
  notify: SignupNotifier;
  repo: SignupsRepo;
  reminders: RemindersRepo;
  swaps: SwapsRepo;
}): ShiftChangeListener {
  const { clock, audit, mailer, notify, repo, reminders, swaps } = deps;

  const dispatch = (mail: string[]) => () => mailer.dispatch(mail);

  async function shiftOf(trx: Db, shiftId: string) {
    await repo.lockShift(shiftId, trx);
    return (await reminders.shifts([shiftId], trx))[0];
  }

  async function tell(
    trx: Db,
    userIds: string[],
    event: SignupEvent,
    shift: Shift,
    params: Record<string, string | null> = {},
  ) {
    const recipients = await repo.users(userIds, trx);
    return notify(
      trx,
      recipients,
      {
        event,
        shift: { id: shift.id, title: shift.title, startsAt: shift.starts_at, timezone: shift.timezone },
        link: `/opportunities/${shift.opportunity_id}`,
        mail: true,
        params: { ...placeParams(shift), ...params },
      },
      clock.now(),
    );
  }

  /** Cancels the active signups of a locked shift and tells their holders; returns the outbox ids. */
  async function cancelShift(trx: Db, shift: Shift, actorId: string | null) {
    const active = await reminders.onShift(shift.id, ACTIVE, trx);
    const at = clock.now();
    for (const s of active) {
      await repo.setStatus(
        s.id,
        { status: 'cancelled', at, cancelledBy: 'system', reason: SHIFT_CANCELLED },
        trx,
      );
      await swaps.withdrawOthers(s.id, at, trx);
      await audit.record(trx, {
        at,
        actorId,
        action: 'signup.cancel',
        target: 'signup',
        targetId: s.id,
        data: { from: s.status, to: 'cancelled', reason: SHIFT_CANCELLED, shiftId: shift.id },
      });
    }
    return tell(
      trx,
      active.map((s) => s.user_id),
      'shift_cancelled',
      shift,
    );
  }

  return {
    async shiftTimeChanged(trx, { shiftId, before }) {
      const shift = await shiftOf(trx, shiftId);
      if (shift?.status !== 'scheduled') return dispatch([]);
      if (shift.starts_at.getTime() !== before.startsAt.getTime()) await reminders.rearm(shiftId, trx);
      const active = await reminders.onShift(shiftId, ACTIVE, trx);
      const mail = await tell(
        trx,
        active.map((s) => s.user_id),
        'time_changed',
        shift,
        { from: before.startsAt.toISOString(), fromEnd: before.endsAt.toISOString() },
      );
      return dispatch(mail);
    },

    async shiftCancelled(trx, { shiftId, actorId }) {
      const shift = await shiftOf(trx, shiftId);
      return dispatch(shift ? await cancelShift(trx, shift, actorId) : []);
    },

    async opportunityCancelled(trx, { opportunityId, actorId }) {
      const mail: string[] = [];
      for (const { id } of await reminders.futureShifts(opportunityId, clock.now(), trx)) {
        const shift = await shiftOf(trx, id);
        if (shift) mail.push(...(await cancelShift(trx, shift, actorId)));
      }
      return dispatch(mail);
    },

    async placeChanged(trx, { opportunityId }) {
      const mail: string[] = [];
      for (const { id } of await reminders.futureShifts(opportunityId, clock.now(), trx)) {
        const shift = await shiftOf(trx, id);
        if (!shift) continue;
        const holders = await reminders.onShift(id, HOLDING, trx);
        mail.push(
          ...(await tell(
            trx,
            holders.map((s) => s.user_id),
            'place_changed',
            shift,
          )),
        );
      }
      return dispatch(mail);
    },
  };
}
