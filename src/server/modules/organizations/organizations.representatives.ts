/**
 * Representatives of an organization (role org_representative scoped to it), by invitation. An address is
 * INVITED: the inviter gets the same answer and the address the same mail whether it is registered or
 * not; an account with the address also finds an in-app notice. The person becomes a representative only
 * by accepting in the app (signed in with that address), which tells the inviter in-app; a decline tells
 * nobody, so the inviter never learns that an address has an account.
 */
import type { Kysely } from 'kysely';
import type { AuditAction, AuditData } from '../../platform/audit/audit.js';
import { type Actor, authorize, holds, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { normalizeEmail, type RoleGrant, type RoleGrants } from '../accounts/index.js';
import type { NetworkService } from '../network/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { canManageOrganization } from './organizations.policy.js';
import type { OrganizationsRepo } from './organizations.repo.js';

/** How long an invitation to represent an organization may be accepted. */
export const INVITATION_TTL_MS = 14 * 86_400_000;

/** The role that makes a user a representative of the organization. */
export const representative = (orgId: string, userId: string): RoleGrant => ({
  userId,
  role: 'org_representative',
  scopeType: 'organization',
  scopeId: orgId,
});

export type OrganizationAudit = (
  trx: Kysely<Database>,
  actor: Actor,
  action: AuditAction<'organization'>,
  id: string,
  data: AuditData,
) => Promise<unknown>;

export function createRepresentativesService<View>(deps: {
  db: Kysely<Database>;
  repo: OrganizationsRepo;
  network: NetworkService;
  clock: Clock;
  /** Invitations go out by mail (absent in tools that invite nobody). */
  mailer?: Mailer;
  publicUrl?: string;
  /** In-app notices (absent in tools that invite nobody). */
  notifications?: NotificationsService;
  /** The organization as its managers see it (the registry service's view). */
  view: (id: string) => Promise<View>;
  audit: OrganizationAudit;
  roles: RoleGrants;
}) {
  const { db, repo, network, clock, view, audit, roles } = deps;

  /** The invitations addressed to the actor's own (verified) address. */
  async function myInvitations(actor: Actor) {
    const user = requireUser(actor);
    const rows = await repo.invitationsFor(normalizeEmail(user.email), clock.now());
    return {
      items: rows.map((r) => ({
        id: r.id,
        organization: { id: r.organization_id, name: r.name },
        invitedAt: r.invited_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
      })),
    };
  }

  /** Locks an invitation addressed to the actor; anyone else's looks like it does not exist. */
  async function lockOwnInvitation(trx: Kysely<Database>, actor: Actor, invitationId: string) {
    const user = requireUser(actor);
    const invitation = await repo.lockInvitation(invitationId, trx);
    if (!invitation || invitation.email !== normalizeEmail(user.email)) throw notFound('invitation');
    return { user, invitation };
  }

  /** Locks the organization for a manager of it; anyone else gets 404. */
  async function lockManaged(trx: Kysely<Database>, actor: Actor, id: string) {
    const org = await repo.lock(id, trx);
    authorize(org !== undefined && canManageOrganization(actor, org), { hide: true, what: 'organization' });
    return org as NonNullable<typeof org>;
  }

  return {
    /**
     * Invites an address to represent the organization. A registered and an unknown address get the same
     * answer, the same work and the same mail (in Russian: the language of an address is not known without
     * revealing whether it has an account); an account with the address also gets an in-app notice, the
     * only difference, which the inviter cannot see.
     */
    async addRepresentative(actor: Actor, id: string, email: string) {
      const user = requireUser(actor);
      const mailer = deps.mailer;
      if (!mailer || !deps.publicUrl || !deps.notifications) {
        throw new Error('organizations: the mailer or notifications are not wired');
      }
      const notifications = deps.notifications;
      const address = normalizeEmail(email);
      const now = clock.now();
      const outboxId = await db.transaction().execute(async (trx) => {
        const org = await lockManaged(trx, actor, id);
        const invitation = await repo.upsertInvitation(
          {
            organization_id: id,
            email: address,
            invited_by: user.userId,
            invited_at: now,
            expires_at: new Date(now.getTime() + INVITATION_TTL_MS),
          },
          trx,
        );
        await audit(trx, actor, 'organization.representative_invited', id, { invitationId: invitation.id });
        const account = await repo.accountByEmail(address, trx);
        if (account) {
          await notifications.notify(trx, [account.id], {
            kind: 'organization.representative_invited',
            link: '/organizations',
            params: { organizationId: id, organization: org.name, invitationId: invitation.id },
          });
        }
        return mailer.enqueue(trx, address, 'ru', {
          template: 'organization_invitation',
          vars: { organization: org.name, link: `${deps.publicUrl}/organizations` },
        });
      });
      await mailer.dispatch([outboxId]);
      return view(id);
    },

    myInvitations,

    /** The invitee accepts: becomes a representative; the invitation is used up; the inviter is told. */
    async acceptInvitation(actor: Actor, invitationId: string) {
      await db.transaction().execute(async (trx) => {
        const { user, invitation } = await lockOwnInvitation(trx, actor, invitationId);
        if (invitation.expires_at.getTime() <= clock.now().getTime()) {
          throw conflict('invitation_expired', 'The invitation has expired.');
        }
        const orgId = invitation.organization_id;
        await roles.grant(trx, [representative(orgId, user.userId)], invitation.invited_by);
        await repo.deleteInvitation(invitation.id, trx);
        await audit(trx, actor, 'organization.representative_added', orgId, {
          userId: user.userId,
          invitedBy: invitation.invited_by,
        });
        const inviter = invitation.invited_by;
        // only an inviter who still manages the organization hears about it
        if (
          deps.notifications &&
          inviter &&
          inviter !== user.userId &&
          (await repo.manages(orgId, inviter, trx))
        ) {
          const [org, person] = await Promise.all([repo.findById(orgId, trx), repo.person(user.userId, trx)]);
          await deps.notifications.notify(trx, [inviter], {
            kind: 'organization.invitation_accepted',
            link: `/organizations/${orgId}`,
            params: { organizationId: orgId, organization: org?.name ?? '', who: person?.display_name ?? '' },
          });
        }
      });
      return myInvitations(actor);
    },

    /** The invitee declines: the invitation is gone, nothing else changes, nobody is told. */
    async declineInvitation(actor: Actor, invitationId: string) {
      await db.transaction().execute(async (trx) => {
        const { invitation } = await lockOwnInvitation(trx, actor, invitationId);
        await repo.deleteInvitation(invitation.id, trx);
        await audit(trx, actor, 'organization.invitation_declined', invitation.organization_id, {
          invitationId: invitation.id,
        });
      });
      return myInvitations(actor);
    },

    /** A manager of the organization takes a pending invitation back. */
    async withdrawInvitation(actor: Actor, id: string, invitationId: string) {
      requireUser(actor);
      await db.transaction().execute(async (trx) => {
        await lockManaged(trx, actor, id);
        const invitation = await repo.lockInvitation(invitationId, trx);
        if (invitation?.organization_id !== id) throw notFound('invitation');
        await repo.deleteInvitation(invitationId, trx);
        await audit(trx, actor, 'organization.invitation_withdrawn', id, { invitationId });
      });
      return view(id);
    },

    async removeRepresentative(actor: Actor, id: string, userId: string) {
      requireUser(actor);
      const region = await network.currentRegion();
      await db.transaction().execute(async (trx) => {
        await lockManaged(trx, actor, id);
        const reps = await repo.representatives([id], trx);
        if (!reps.some((r) => r.user_id === userId)) throw notFound('representative');
        // An organization keeps at least one representative unless the operator takes it over.
        if (reps.length === 1 && !holds(actor, 'regional_admin', { regionId: region.id })) {
          throw conflict(
            'last_representative',
            'The last representative can only be removed by the operator.',
          );
        }
        await roles.revoke(trx, representative(id, userId));
        await audit(trx, actor, 'organization.representative_removed', id, { userId });
      });
      return view(id);
    },
  };
}
