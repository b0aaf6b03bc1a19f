/**
 * Squads of a centre: created by the centre's coordinators, led by a `squad_leader` scoped to the squad;
 * volunteers join by request (the leader approves) or at once with the invitation code. Leaders and the
 * centre's coordinators manage membership. Nobody is put into a squad or given its leadership by
 * someone else: a leader named by a coordinator is only invited (squad-leaders.service.ts) and told so
 * (squads.notices.ts). Someone a manager removed comes back only through an approved request: the code
 * no longer admits them (`rejoin_needs_approval`, docs/volunteers.md).
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  CreateSquadBody,
  MemberDecisionBody,
  UpdateSquadBody,
} from '../../../shared/contracts/volunteers.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { IfMatch } from '../../platform/http/etag.js';
import type { RoleGrant, RoleGrants } from '../accounts/index.js';
import { squadAudit } from './squads.audit.js';
import type { SquadNotices } from './squads.notices.js';
import type { SquadRow, SquadsRepo } from './squads.repo.js';
import { canCreateSquad, canManageSquad } from './volunteers.policy.js';
import type { VolunteersRepo } from './volunteers.repo.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newInviteCode = () =>
  Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
const isUniqueViolation = (e: unknown) => (e as { code?: unknown })?.code === '23505';
const clean = (s: string | null | undefined) => s?.normalize('NFC').replace(/\s+/g, ' ').trim() || null;
const cleanTags = (tags: string[]) => [
  ...new Set(tags.map((t) => `#${t.normalize('NFC').trim().replace(/^#+/, '')}`).filter((t) => t.length > 1)),
];

/** The role that makes a person the squad's leader (granted and revoked by the accounts module). */
export const leaderGrant = (squadId: string, userId: string): RoleGrant => ({
  userId,
  role: 'squad_leader',
  scopeType: 'squad',
  scopeId: squadId,
});

export function createSquadsService(deps: {
  db: Kysely<Database>;
  repo: SquadsRepo;
  volunteers: VolunteersRepo;
  clock: Clock;
  audit: AuditWriter;
  notices: SquadNotices;
  roles: RoleGrants;
}) {
  const { db, repo, volunteers, clock, notices, roles } = deps;

  async function present(actor: Actor, squads: SquadRow[]) {
    const leaders = await repo.leaders(squads.map((s) => s.id));
    const invitations = await repo.leaderInvitations(squads.map((s) => s.id));
    const userId = actor.kind === 'user' ? actor.userId : null;
    return Promise.all(
      squads.map(async (s) => {
        const manage = canManageSquad(actor, s);
        const mine = userId ? await repo.membership(s.id, userId) : undefined;
        const leaderIds = new Set(leaders.filter((l) => l.scope_id === s.id).map((l) => l.user_id));
        const invited = invitations.filter((i) => i.squad_id === s.id);
        const members = manage ? await repo.members(s.id) : null;
        const memberIds = new Set(members?.map((m) => m.user_id));
        return {
          id: s.id,
          centerId: s.center_id,
          centerName: s.center_name,
          name: s.name,
          focus: s.focus,
          tags: s.tags,
          activeMembers: Number(s.active_members ?? 0),
          leaders: leaders
            .filter((l) => l.scope_id === s.id)
            .map((l) => ({ userId: l.user_id, displayName: l.display_name })),
          myStatus: mine?.status ?? null,
          myRejoinNeedsApproval: mine?.rejoin_needs_approval ?? false,
          myLeaderInvitation: invited.some((i) => i.user_id === userId),
          canManage: manage,
          version: s.version,
          inviteCode: manage ? s.invite_code : null,
          members:
            members?.map((m) => ({
              userId: m.user_id,
              displayName: m.display_name,
              status: m.status,
              isLeader: leaderIds.has(m.user_id),
              invitedToLead: invited.some((i) => i.user_id === m.user_id),
              requestedAt: m.requested_at.toISOString(),
            })) ?? null,
          // a non-member's name is not shown: naming someone does not reveal who they are
          leaderInvitations: manage
            ? invited.map((i) => ({
                userId: i.user_id,
                displayName: memberIds.has(i.user_id) ? i.display_name : null,
                invitedAt: i.invited_at.toISOString(),
              }))
            : null,
        };
      }),
    );
  }

  async function one(actor: Actor, id: string) {
    const squad = await repo.find(id);
    if (!squad) throw notFound('squad');
    const [view] = await present(actor, [squad]);
    return { squad: view as NonNullable<typeof view> };
  }

  async function loadManaged(actor: Actor, id: string) {
    const squad = await repo.find(id);
    if (!squad) throw notFound('squad');
    authorize(canManageSquad(actor, squad));
    return squad;
  }

  const audit = squadAudit(deps.audit);

  return {
    async ofCenter(actor: Actor, centerId: string) {
      requireUser(actor);
      if (!(await volunteers.centerExists(centerId))) throw notFound('centre');
      return { items: await present(actor, await repo.ofCenter(centerId)) };
    },

    /** The public list on an active centre's page: name, focus, tags and member count, no people. */
    async publicOfCenter(centerId: string) {
      if ((await repo.centerStatus(centerId)) !== 'active') throw notFound('centre');
      return {
        items: (await repo.ofCenter(centerId)).map((s) => ({
          id: s.id,
          name: s.name,
          focus: s.focus,
          tags: s.tags,
          activeMembers: Number(s.active_members ?? 0),
        })),
      };
    },

    async mine(actor: Actor) {
      const user = requireUser(actor);
      return { items: await present(actor, await repo.ofMember(user.userId)) };
    },

    squad: (actor: Actor, id: string) => {
      requireUser(actor);
      return one(actor, id);
    },

    async create(actor: Actor, body: CreateSquadBody) {
      const user = requireUser(actor);
      authorize(canCreateSquad(actor, body.centerId));
      const name = clean(body.name);
      if (!name) {
        throw invalid('squad_invalid', 'Give the squad a name.', [
          { field: 'name', code: 'squad_name_required', message: 'Give the squad a name.' },
        ]);
      }
      if (body.leaderUserId && !(await volunteers.userExists(body.leaderUserId))) {
        throw invalid('squad_invalid', 'Unknown leader.', [
          { field: 'leaderUserId', code: 'squad_unknown_user', message: 'Unknown user.' },
        ]);
      }
      const now = clock.now();
      let id = '';
      let mail: string[] = [];
      try {
        await db.transaction().execute(async (trx) => {
          ({ id } = await repo.insert(
            {
              center_id: body.centerId,
              name,
              focus: clean(body.focus),
              tags: cleanTags(body.tags ?? []),
              invite_code: newInviteCode(),
            },
            user.userId,
            now,
            trx,
          ));
          // the named leader is only invited: no membership, no role until they accept
          if (body.leaderUserId) {
            await repo.inviteLeader(id, body.leaderUserId, user.userId, now, trx);
            mail = await notices.leaderInvited(trx, id, body.leaderUserId);
          }
          await audit(
            user.userId,
            'squad.created',
            id,
            { name, invitedLeader: body.leaderUserId ?? null },
            trx,
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict('squad_name_taken', 'The centre already has a squad with this name.', [
            { field: 'name', code: 'squad_name_taken', message: 'This name is taken in the centre.' },
          ]);
        }
        throw error;
      }
      await notices.dispatch(mail);
      return one(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateSquadBody, ifMatch?: IfMatch) {
      const user = requireUser(actor);
      await loadManaged(actor, id);
      const set: { name?: string; focus?: string | null; tags?: string[]; invite_code?: string } = {};
      if (body.name !== undefined) {
        const name = clean(body.name);
        if (!name) {
          throw invalid('squad_invalid', 'Give the squad a name.', [
            { field: 'name', code: 'squad_name_required', message: 'Give the squad a name.' },
          ]);
        }
        set.name = name;
      }
      if (body.focus !== undefined) set.focus = clean(body.focus);
      if (body.tags !== undefined) set.tags = cleanTags(body.tags);
      if (body.regenerateCode) set.invite_code = newInviteCode();
      try {
        await db.transaction().execute(async (trx) => {
          await beginEdit(trx, 'squads', { value: id }, ifMatch, 'squad');
          await repo.update(id, set, clock.now(), trx);
          await audit(user.userId, 'squad.updated', id, { fields: Object.keys(set) }, trx);
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict('squad_name_taken', 'The centre already has a squad with this name.', [
            { field: 'name', code: 'squad_name_taken', message: 'This name is taken in the centre.' },
          ]);
        }
        throw error;
      }
      return one(actor, id);
    },

    /** Asks to join; the leader or a coordinator approves. Asking again while waiting changes nothing. */
    async requestToJoin(actor: Actor, id: string) {
      const user = requireUser(actor);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.lock(id, trx))) throw notFound('squad');
        const current = await repo.membership(id, user.userId, trx);
        if (current?.status === 'active') {
          throw conflict('already_member', 'You are already a member of this squad.');
        }
        if (current?.status === 'requested') return;
        const now = clock.now();
        await repo.upsertMember(
          {
            squad_id: id,
            user_id: user.userId,
            status: 'requested',
            joined_via: 'request',
            requested_at: now,
            decided_at: null,
            decided_by: null,
          },
          trx,
        );
        await audit(user.userId, 'squad.join_requested', id, {}, trx);
      });
      return one(actor, id);
    },

    /**
     * The invitation code makes one an active member at once — except someone a leader or coordinator
     * removed (or whose request they declined): they ask to join again and the leader decides.
     */
    async joinByCode(actor: Actor, code: string) {
      const user = requireUser(actor);
      const squad = await repo.findByCode(code.trim().toUpperCase());
      if (!squad) {
        throw invalid('invalid_invite_code', 'No squad has this invitation code.', [
          { field: 'code', code: 'invalid_invite_code', message: 'No squad has this invitation code.' },
        ]);
      }
      await db.transaction().execute(async (trx) => {
        await repo.lock(squad.id, trx);
        const current = await repo.membership(squad.id, user.userId, trx);
        if (current?.status === 'active') return;
        if (current?.rejoin_needs_approval) {
          const message =
            'You were removed from this squad: ask to join on its page and the leader will decide.';
          throw conflict('squad_rejoin_needs_approval', message, [
            { field: 'code', code: 'squad_rejoin_needs_approval', message, params: { name: squad.name } },
          ]);
        }
        const now = clock.now();
        await repo.upsertMember(
          {
            squad_id: squad.id,
            user_id: user.userId,
            status: 'active',
            joined_via: 'code',
            requested_at: now,
            decided_at: now,
            decided_by: null,
          },
          trx,
        );
        await audit(user.userId, 'squad.joined_by_code', squad.id, {}, trx);
      });
      return one(actor, squad.id);
    },

    async leave(actor: Actor, id: string) {
      const user = requireUser(actor);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.lock(id, trx))) throw notFound('squad');
        await repo.dropLeaderInvitation(id, user.userId, trx);
        const current = await repo.membership(id, user.userId, trx);
        if (!current || current.status === 'removed') return;
        await repo.setMemberStatus(id, user.userId, 'removed', user.userId, clock.now(), trx);
        await roles.revoke(trx, leaderGrant(id, user.userId));
        await audit(user.userId, 'squad.left', id, {}, trx);
      });
      return null;
    },

    /** Approve a request or remove a member (a removed leader loses the role). */
    async decide(actor: Actor, id: string, memberId: string, body: MemberDecisionBody) {
      const user = requireUser(actor);
      await loadManaged(actor, id);
      await db.transaction().execute(async (trx) => {
        await repo.lock(id, trx);
        const current = await repo.membership(id, memberId, trx);
        if (!current || current.status === 'removed') throw notFound('member');
        if (body.action === 'approve' && current.status !== 'requested') {
          throw conflict('not_requested', 'There is no request to approve.');
        }
        const status = body.action === 'approve' ? 'active' : 'removed';
        // a manager's removal closes the code for this person; approving a request opens it again
        const barred = status === 'removed' && memberId !== user.userId;
        await repo.setMemberStatus(id, memberId, status, user.userId, clock.now(), trx, barred);
        if (status === 'removed') {
          await roles.revoke(trx, leaderGrant(id, memberId));
          await repo.dropLeaderInvitation(id, memberId, trx);
        }
        await audit(
          user.userId,
          `squad.member_${body.action === 'approve' ? 'approved' : 'removed'}`,
          id,
          {
            member: memberId,
          },
          trx,
        );
      });
      return one(actor, id);
    },
  };
}
export type SquadsService = ReturnType<typeof createSquadsService>;
