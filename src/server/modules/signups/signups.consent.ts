/**
 * What a withdrawn consent does to a person's places: the signups side of the volunteers module's
 * `ConsentChangeListener`, run inside the withdrawal's transaction.
 *
 * - `volunteering` withdrawn → every signup on a shift that has not started (applied, confirmed,
 *   waitlisted, offered) is cancelled by the system with the reason `consent_withdrawn`;
 * - `guardian_consent` withdrawn → the same for the shifts on whose day the person is a minor (or whose
 *   birth date is unknown); shifts after the 18th birthday stay;
 * - places held on shifts that have started, attendance and hours are history and stay as they were.
 *
 * The person is told (in-app and mail, per shift) and so are the shift's coordinators (in-app); the freed
 * places go to the waitlist after the commit. Lock order as everywhere: the volunteer, then each shift
 * (by id), then the signup row.
 */
import { isMinorOn } from '../../../shared/age.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { ConsentChangeListener } from '../volunteers/index.js';
import { ACTIVE, HOLDING, localDay } from './signup-rules.js';
import type { SignupJobs } from './signups.jobs.js';
import type { SignupNotifier } from './signups.notify.js';
import type { SignupsRepo } from './signups.repo.js';
import type { SwapsRepo } from './swaps.repo.js';

export const CONSENT_WITHDRAWN = 'consent_withdrawn';

export function createConsentWithdrawals(deps: {
  clock: Clock;
  audit: AuditWriter;
  mailer: Mailer;
  notify: SignupNotifier;
  jobs: SignupJobs;
  repo: SignupsRepo;
  swaps: SwapsRepo;
}): ConsentChangeListener {
  const { clock, audit, mailer, notify, jobs, repo, swaps } = deps;

  return {
    async consentWithdrawn(trx, { userId, purpose, at }) {
      const nothing = async () => undefined;
      if (purpose !== 'volunteering' && purpose !== 'guardian_consent') return nothing;
      await repo.lockVolunteer(userId, trx);
      const now = clock.now();
      const future = await repo.futureSignupsOf(userId, now, trx);
      if (future.length === 0) return nothing;
      const { birthDate } = await repo.eligibility(userId, now, trx);
      const mail: string[] = [];
      const promote = new Set<string>();
      const person = (await repo.users([userId], trx))[0];
      for (const shiftId of [...new Set(future.map((f) => f.shift_id))].sort()) {
        await repo.lockShift(shiftId, trx);
        const shift = await repo.shift(shiftId, trx);
        if (!shift || shift.starts_at <= now) continue;
        if (purpose === 'guardian_consent' && birthDate) {
          if (!isMinorOn(birthDate, localDay(shift.starts_at, shift.timezone))) continue;
        }
        for (const f of future.filter((x) => x.shift_id === shiftId)) {
          const signup = await repo.lockSignup(f.id, trx);
          if (!signup || !ACTIVE.includes(signup.status)) continue;
          await repo.setStatus(
            signup.id,
            { status: 'cancelled', at, cancelledBy: 'system', reason: CONSENT_WITHDRAWN },
            trx,
          );
          await swaps.withdrawOthers(signup.id, at, trx);
          await audit.record(trx, {
            at,
            actorId: userId,
            action: 'signup.cancel',
            target: 'signup',
            targetId: signup.id,
            data: { from: signup.status, to: 'cancelled', reason: CONSENT_WITHDRAWN, purpose },
          });
          if (HOLDING.includes(signup.status)) promote.add(shiftId);
          const notice = {
            shift: { id: shift.id, title: shift.title, startsAt: shift.starts_at, timezone: shift.timezone },
            params: { purpose, who: person?.display_name ?? '' },
          };
          if (person) {
            mail.push(
              ...(await notify(
                trx,
                [person],
                { ...notice, event: 'consent_withdrawn', link: '/my/shifts', mail: true },
                at,
              )),
            );
          }
          const coordinators = await repo.coordinators(shift.center_id, trx);
          await notify(
            trx,
            coordinators,
            {
              ...notice,
              event: 'volunteer_consent_withdrawn',
              link: `/shifts/${shift.id}/roster`,
              mail: false,
            },
            at,
          );
        }
      }
      return async () => {
        await mailer.dispatch(mail);
        for (const shiftId of promote) await jobs.promote(shiftId);
      };
    },
  };
}
