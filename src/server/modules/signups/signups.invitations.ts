/**
 * Putting someone else on a shift (issue 9, item 8): nobody is attached to a shift by their e-mail alone.
 *
 * - By e-mail (the roster, or a walk-up at the check-in desk): an invitation is mailed to the address and
 *   the person accepts it in their own account (verified address), where every signup check runs —
 *   consent, age, skills, a free place, the schedule. The coordinator's answer is the same whether the
 *   address has an account or not: the same status and shape, one invitation row, one audit row and one
 *   mail either way (an account also gets the in-app notice); a declined invitation looks pending to the
 *   coordinator.
 * - Directly (by id): only people related to the centre by their own act — an earlier signup of theirs at
 *   this centre, or active membership of one of its squads — found with `candidates`.
 */
import type { Candidate, Invitation, InviteBody, MyInvitation } from '../../../shared/contracts/signups.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import { conflict, invalid } from '../../platform/errors.js';
import type { InvitationsRepo, InvitationView } from './invitations.repo.js';
import type { CoreDeps, SignupCore } from './signups.core.js';
import { canCoordinate, isOpenForSignups } from './signups.policy.js';
import { toSignup } from './signups.presenter.js';
import type { ShiftContext } from './signups.repo.js';
import type { InvitationSource } from './signups.tables.js';

/** Addresses are compared as the accounts module stores them: trimmed, NFC, lower case. */
export const normalizeEmail = (email: string) => email.trim().normalize('NFC').toLowerCase();

const role = (v: InvitationView) => (v.role_id ? { id: v.role_id, name: v.role_name ?? '' } : null);

/** The coordinator's view: a declined invitation is shown as pending (see the module comment). */
export const toInvitation = (v: InvitationView): Invitation => ({
  id: v.id,
  email: v.email,
  status: v.status === 'declined' ? 'pending' : v.status,
  source: v.source,
  role: role(v),
  createdAt: v.created_at.toISOString(),
  expiresAt: v.expires_at.toISOString(),
});

export const toMyInvitation = (v: InvitationView): MyInvitation => ({
  id: v.id,
  status: v.status,
  source: v.source,
  role: role(v),
  createdAt: v.created_at.toISOString(),
  expiresAt: v.expires_at.toISOString(),
  shift: {
    id: v.shift_id,
    startsAt: v.starts_at.toISOString(),
    endsAt: v.ends_at.toISOString(),
    status: v.shift_status,
    opportunity: { id: v.opportunity_id, title: v.title },
    center: { id: v.center_id, name: v.center_name },
  },
});

const unavailable = () => conflict('invitation_unavailable', 'This invitation is no longer open.');

export function createInvitations(deps: CoreDeps & { core: SignupCore; invitations: InvitationsRepo }) {
  const { repo, invitations, clock, audit, notify, core } = deps;

  async function coordinatedShift(actor: Actor, shiftId: string) {
    requireUser(actor);
    const shift = await repo.shift(shiftId);
    authorize(!!shift && canCoordinate(actor, shift), { hide: true, what: 'shift' });
    return shift as ShiftContext;
  }

  /** The invitation addressed to the caller (verified address); anyone else gets 404. */
  async function mine(actor: Actor, id: string) {
    const user = requireUser(actor);
    const [view, email] = await Promise.all([invitations.view(id), invitations.verifiedEmail(user.userId)]);
    authorize(!!view && !!email && view.email === email, { hide: true, what: 'invitation' });
    return { user, view: view as InvitationView };
  }

  async function coordinated(actor: Actor, id: string) {
    requireUser(actor);
    const view = await invitations.view(id);
    const shift = view ? await repo.shift(view.shift_id) : undefined;
    authorize(!!shift && canCoordinate(actor, shift), { hide: true, what: 'invitation' });
    return { view: view as InvitationView, shift: shift as ShiftContext };
  }

  /** Checks made whoever the address belongs to: the shift is open and the role is one of its own. */
  async function checkShift(shift: ShiftContext, roleId: string | null, source: InvitationSource) {
    if (!isOpenForSignups(shift)) throw core.unavailable();
    if (source === 'coordinator' && shift.starts_at <= clock.now())
      throw conflict('shift_started', 'This shift has already started.');
    if (roleId && !(await repo.roles(shift.id)).some((r) => r.id === roleId)) {
      throw invalid('unknown_role', 'No such role on this shift.', [
        { field: 'roleId', code: 'unknown_role', message: 'No such role on this shift.' },
      ]);
    }
  }

  return {
    coordinatedShift,

    /**
     * Mails an invitation to the address. The answer (202 and the invitation as typed) is the same for an
     * address with or without an account; asking again for the same shift and address repeats the answer
     * and sends nothing new. `desk`: a walk-up at the check-in desk, open until `expiresAt` (the end of the
     * check-in window); otherwise open until the shift starts.
     */
    async invite(
      actor: Actor,
      shiftId: string,
      body: InviteBody,
      desk?: { shift: ShiftContext; expiresAt: Date },
    ): Promise<{ invitation: Invitation }> {
      const user = requireUser(actor);
      const shift = desk?.shift ?? (await coordinatedShift(actor, shiftId));
      const source: InvitationSource = desk ? 'desk' : 'coordinator';
      const roleId = body.roleId ?? null;
      await checkShift(shift, roleId, source);
      const email = normalizeEmail(body.email);
      const id = await core.commit(async (trx, after) => {
        const at = clock.now();
        const opened = await invitations.open(
          {
            shiftId: shift.id,
            roleId,
            email,
            source,
            invitedBy: user.userId,
            at,
            expiresAt: desk?.expiresAt ?? shift.starts_at,
          },
          trx,
        );
        if (!opened.created) return opened.id;
        await audit.record(trx, {
          at,
          actorId: user.userId,
          action: 'signup.invitation_sent',
          target: 'signup',
          targetId: opened.id,
          data: { shiftId: shift.id, email, source, roleId },
        });
        const notice = {
          event: desk ? ('invited_desk' as const) : ('invited' as const),
          shift: core.shiftNotice(shift),
          link: '/my/shifts',
          mail: true,
          params: { center: shift.center_name, invitationId: opened.id },
        };
        const account = await repo.userByEmail(email, trx);
        if (account) after.mail.push(...(await notify(trx, [account], notice, at)));
        else after.mail.push(await notify.mailTo(trx, email, notice, at));
        return opened.id;
      });
      return { invitation: toInvitation((await invitations.view(id)) as InvitationView) };
    },

    /** The coordinator takes back an invitation that has not been accepted. */
    async withdraw(actor: Actor, id: string): Promise<{ invitation: Invitation }> {
      const user = requireUser(actor);
      const { shift } = await coordinated(actor, id);
      await core.commit(async (trx) => {
        await repo.lockShift(shift.id, trx);
        const row = await invitations.lock(id, trx);
        if (row?.status !== 'pending' && row?.status !== 'declined') throw unavailable();
        const at = clock.now();
        // a declined one too (the coordinator saw it as pending): it leaves the roster the same way, and
        // the decline stays in the audit log
        await invitations.decide(id, { status: 'withdrawn', at }, trx);
        await audit.record(trx, {
          at,
          actorId: user.userId,
          action: 'signup.invitation_withdrawn',
          target: 'signup',
          targetId: id,
          data: {},
        });
      });
      return { invitation: toInvitation((await invitations.view(id)) as InvitationView) };
    },

    /**
     * The addressee accepts: one transaction with the volunteer's lock, the shift's and the invitation's,
     * and every check of the place-taking core. From the roster: confirmed (before the start). From the
     * desk: attended and checked in, while check-in is open.
     */
    async accept(actor: Actor, id: string) {
      const { user, view } = await mine(actor, id);
      if (view.status !== 'pending' || view.expires_at <= clock.now()) throw unavailable();
      const shift = await core.loadShift(view.shift_id);
      const signupId = await core.commit(async (trx, after) => {
        await repo.lockVolunteer(user.userId, trx);
        const created = await core.takePlace(trx, {
          shift,
          userId: user.userId,
          roleId: view.role_id,
          actorId: user.userId,
          mode: view.source === 'desk' ? 'walk_up' : 'assign',
        });
        const row = await invitations.lock(id, trx);
        const at = clock.now();
        if (row?.status !== 'pending' || row.expires_at <= at) throw unavailable();
        if (view.source === 'desk') await repo.markCheckedIn(created.id, { at, by: row.invited_by }, trx);
        await invitations.decide(id, { status: 'accepted', at, signupId: created.id }, trx);
        await audit.record(trx, {
          at,
          actorId: user.userId,
          action: 'signup.invitation_accepted',
          target: 'signup',
          targetId: created.id,
          data: { invitationId: id, source: view.source },
        });
        const [person] = await repo.users([user.userId], trx);
        if (person && view.source === 'coordinator') {
          after.mail.push(
            ...(await notify(
              trx,
              [person],
              { event: 'confirmed', shift: core.shiftNotice(shift), link: '/my/shifts', mail: true },
              at,
            )),
          );
        }
        await notify(
          trx,
          await repo.coordinators(shift.center_id, trx),
          {
            event: 'invitation_accepted',
            shift: core.shiftNotice(shift),
            link: `/shifts/${shift.id}/roster`,
            mail: false,
            params: { who: person?.display_name ?? '' },
          },
          at,
        );
        return created.id;
      });
      const [signup] = await repo.views({ id: signupId });
      return { signup: toSignup(signup as NonNullable<typeof signup>) };
    },

    /** The addressee declines; the coordinator is not told (see the module comment). */
    async decline(actor: Actor, id: string): Promise<{ invitation: MyInvitation }> {
      const { user } = await mine(actor, id);
      await core.commit(async (trx) => {
        const row = await invitations.lock(id, trx);
        if (row?.status !== 'pending') throw unavailable();
        const at = clock.now();
        await invitations.decide(id, { status: 'declined', at }, trx);
        await audit.record(trx, {
          at,
          actorId: user.userId,
          action: 'signup.invitation_declined',
          target: 'signup',
          targetId: id,
          data: {},
        });
      });
      return { invitation: toMyInvitation((await invitations.view(id)) as InvitationView) };
    },

    /** Open invitations to the user's verified address. */
    async pendingFor(userId: string): Promise<MyInvitation[]> {
      const email = await invitations.verifiedEmail(userId);
      return email ? (await invitations.pendingFor(email, clock.now())).map(toMyInvitation) : [];
    },

    /** Open invitations of a shift as its coordinators see them (optionally of one source). */
    async onShift(shiftId: string, source?: InvitationSource): Promise<Invitation[]> {
      return (await invitations.openOnShift(shiftId, clock.now(), source)).map(toInvitation);
    },

    /** People the centre may place directly (see `InvitationsRepo.candidates`). */
    async candidates(actor: Actor, shiftId: string, q?: string): Promise<{ items: Candidate[] }> {
      const shift = await coordinatedShift(actor, shiftId);
      const rows = await invitations.candidates(shift.center_id, { q });
      return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email })) };
    },

    /** Refuses someone who is not related to the centre by their own act: they are to be invited instead. */
    async assertCandidate(shift: ShiftContext, userId: string) {
      const [found] = await invitations.candidates(shift.center_id, { userId, limit: 1 });
      if (!found) {
        throw invalid('not_a_candidate', 'Invite this person by e-mail: they accept it themselves.', [
          {
            field: 'userId',
            code: 'not_a_candidate',
            message: 'Only people who signed up at this centre or belong to its squads are placed directly.',
          },
        ]);
      }
      return found;
    },
  };
}
export type SignupInvitations = ReturnType<typeof createInvitations>;
