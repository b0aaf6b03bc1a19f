/**
 * Team signup: a squad leader signs up several active members of their squad at once, either
 * all-or-nothing (no one is signed up unless everyone fits and qualifies) or as many as fit (in the
 * order given; the others are reported with the reason). One transaction, every member locked first.
 */
import { randomUUID } from 'node:crypto';
import type { TeamSignupBody, TeamSignupResult } from '../../../shared/contracts/signups.js';
import { type Actor, authorize, holds, requireUser } from '../../platform/auth/actor.js';
import { AppError, conflict, invalid } from '../../platform/errors.js';
import type { CoreDeps, SignupCore } from './signups.core.js';
import { isOpenForSignups } from './signups.policy.js';
import { toSignup } from './signups.presenter.js';
import type { TeamRepo } from './team.repo.js';

export function createTeamSignup(deps: CoreDeps & { core: SignupCore; team: TeamRepo }) {
  const { repo, clock, notify, core, team } = deps;

  return async function teamSignUp(
    actor: Actor,
    shiftId: string,
    body: TeamSignupBody,
  ): Promise<TeamSignupResult> {
    const user = requireUser(actor);
    authorize(holds(actor, 'squad_leader', { squadId: body.squadId }));
    const shift = await core.visibleShift(actor, shiftId);
    // Not a reason of one member: nobody can take a place (checked again under the lock, per member).
    if (!isOpenForSignups(shift)) throw core.unavailable();
    const wanted = [...new Set(body.userIds)];
    const members = await team.activeMembers(body.squadId, wanted);
    const strangers = wanted.filter((id) => !members.some((m) => m.id === id));
    if (strangers.length) {
      throw invalid(
        'not_squad_members',
        'Only active members of the squad can be signed up.',
        strangers.map((id) => ({
          field: `userIds/${wanted.indexOf(id)}`,
          code: 'not_squad_member',
          message: 'Not an active member of the squad.',
        })),
      );
    }
    const teamId = randomUUID();
    const { created, skipped } = await core.commit(async (trx, after) => {
      for (const id of [...wanted].sort()) await repo.lockVolunteer(id, trx);
      const locked = await repo.lockShift(shift.id, trx);
      const free = (locked?.capacity ?? 0) - (await repo.held(shift.id, trx));
      if (body.mode === 'all_or_nothing' && free < wanted.length) {
        throw conflict('shift_full', `Only ${Math.max(free, 0)} free places for ${wanted.length} members.`, [
          {
            field: 'userIds',
            code: 'not_enough_places',
            message: 'Not enough free places.',
            params: { free: String(Math.max(free, 0)) },
          },
        ]);
      }
      const made: { userId: string; signupId: string }[] = [];
      const missed: TeamSignupResult['skipped'] = [];
      for (const id of wanted) {
        try {
          const row = await core.takePlace(trx, {
            shift,
            userId: id,
            roleId: body.roleId ?? null,
            actorId: user.userId,
            mode: 'team',
            teamSignupId: teamId,
          });
          made.push({ userId: id, signupId: row.id });
        } catch (error) {
          if (!(error instanceof AppError) || body.mode === 'all_or_nothing') throw error;
          missed.push({ userId: id, code: error.fieldErrors?.[0]?.code ?? error.code });
        }
      }
      const people = members.filter((m) => !missed.some((s) => s.userId === m.id));
      after.mail.push(
        ...(await notify(
          trx,
          people,
          { event: 'confirmed', shift: core.shiftNotice(shift), link: '/my/shifts', mail: true },
          clock.now(),
        )),
      );
      return { created: made, skipped: missed };
    });
    const views = await Promise.all(created.map(async (p) => (await repo.views({ id: p.signupId }))[0]));
    return {
      teamSignupId: teamId,
      created: views.filter((v) => v !== undefined).map(toSignup),
      placed: created,
      skipped,
    };
  };
}
