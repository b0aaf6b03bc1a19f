/**
 * Squad leadership by consent. A centre's coordinator may only INVITE an active member of the squad to
 * lead it (a leader named when the squad is created is invited the same way); the invitee becomes a
 * leader — and, if not yet, a member — only by accepting, and may decline. Until then the invitation
 * gives nobody anything: no role, no membership, and no access to the invitee's card (a coordinator's
 * view of a volunteer follows only relationships the volunteer entered: volunteers.policy.ts).
 * The invitee is told in-app and by mail; the inviting coordinator learns of an acceptance in-app
 * (squads.notices.ts).
 */
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { RoleGrants } from '../accounts/index.js';
import { squadAudit } from './squads.audit.js';
import type { SquadNotices } from './squads.notices.js';
import type { SquadsRepo } from './squads.repo.js';
import { leaderGrant, type SquadsService } from './squads.service.js';
import { canAssignSquadLeader } from './volunteers.policy.js';

export function createSquadLeadersService(deps: {
  db: Kysely<Database>;
  repo: SquadsRepo;
  squads: SquadsService;
  clock: Clock;
  audit: AuditWriter;
  notices: SquadNotices;
  roles: RoleGrants;
}) {
  const { db, repo, squads, clock, notices, roles } = deps;

  const audit = squadAudit(deps.audit);

  /** The squad, for a coordinator of its centre (others: 403; unknown squad: 404). */
  async function loadForCoordinator(actor: Actor, id: string) {
    const squad = await repo.find(id);
    if (!squad) throw notFound('squad');
    authorize(canAssignSquadLeader(actor, squad));
    return squad;
  }

  return {
    /** A coordinator invites an active member to lead the squad. */
    async invite(actor: Actor, id: string, userId: string) {
      const user = requireUser(actor);
      await loadForCoordinator(actor, id);
      const mail = await db.transaction().execute(async (trx) => {
        await repo.lock(id, trx);
        const member = await repo.membership(id, userId, trx);
        if (member?.status !== 'active') {
          throw conflict(
            'squad_leader_not_member',
            'Only an active member can be invited to lead the squad.',
            [
              {
                field: 'userId',
                code: 'squad_leader_not_member',
                message: 'Not an active member of the squad.',
              },
            ],
          );
        }
        if (await repo.isLeader(id, userId, trx)) {
          throw conflict('squad_leader_already', 'This person already leads the squad.', [
            { field: 'userId', code: 'squad_leader_already', message: 'Already a leader.' },
          ]);
        }
        await repo.inviteLeader(id, userId, user.userId, clock.now(), trx);
        await audit(user.userId, 'squad.leader_invited', id, { invitee: userId }, trx);
        return notices.leaderInvited(trx, id, userId);
      });
      await notices.dispatch(mail);
      return squads.squad(actor, id);
    },

    /** The invitee accepts: becomes an active member (if not yet) and a leader. */
    async accept(actor: Actor, id: string) {
      const user = requireUser(actor);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.lock(id, trx))) throw notFound('squad');
        const invitation = await repo.leaderInvitation(id, user.userId, trx);
        if (!invitation) throw notFound('invitation');
        const now = clock.now();
        const member = await repo.membership(id, user.userId, trx);
        if (member?.status !== 'active') {
          await repo.upsertMember(
            {
              squad_id: id,
              user_id: user.userId,
              status: 'active',
              joined_via: 'invitation',
              requested_at: now,
              decided_at: now,
              decided_by: user.userId,
              rejoin_needs_approval: false,
            },
            trx,
          );
        }
        await roles.grant(trx, [leaderGrant(id, user.userId)], invitation.invited_by ?? user.userId, now);
        await repo.dropLeaderInvitation(id, user.userId, trx);
        await audit(user.userId, 'squad.leader_accepted', id, { invitedBy: invitation.invited_by }, trx);
        const leader = await repo.person(user.userId, trx);
        if (leader) await notices.leaderAccepted(trx, id, invitation.invited_by, leader);
      });
      // the answer already shows the squad as its new leader sees it (the next request loads the role)
      const { role, scopeType, scopeId } = leaderGrant(id, user.userId);
      return squads.squad({ ...user, grants: [...user.grants, { role, scopeType, scopeId }] }, id);
    },

    /** The invitee declines: the invitation is gone, nothing else changes. */
    async decline(actor: Actor, id: string) {
      const user = requireUser(actor);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.lock(id, trx))) throw notFound('squad');
        if (!(await repo.dropLeaderInvitation(id, user.userId, trx))) throw notFound('invitation');
        await audit(user.userId, 'squad.leader_declined', id, {}, trx);
      });
      return squads.squad(actor, id);
    },

    /** A coordinator takes a pending invitation back. */
    async withdraw(actor: Actor, id: string, userId: string) {
      const user = requireUser(actor);
      await loadForCoordinator(actor, id);
      await db.transaction().execute(async (trx) => {
        await repo.lock(id, trx);
        if (!(await repo.dropLeaderInvitation(id, userId, trx))) throw notFound('invitation');
        await audit(user.userId, 'squad.leader_invitation_withdrawn', id, { invitee: userId }, trx);
      });
      return squads.squad(actor, id);
    },
  };
}
export type SquadLeadersService = ReturnType<typeof createSquadLeadersService>;
