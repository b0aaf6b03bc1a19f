/**
 * Shift swap: a confirmed volunteer offers their place to someone by e-mail; when that person accepts, in
 * one transaction the offerer's signup is cancelled ('swapped') and theirs is confirmed (same role), with
 * every check a signup makes. The coordinators are told.
 *
 * Like an invitation (ADR 0015), the offer tells the offerer nothing about the address: the answer is the
 * same for any address — the same status and shape, one offer row, one audit row and one mail to the
 * address (an account also gets the in-app notice). The offer is stored by address and resolved to a
 * person only when they accept it in their own account with that verified address; eligibility is checked
 * then, under the locks, and never reported to the offerer, who sees the address and `pending` until the
 * offer is accepted (a decline looks pending too). The offerer may withdraw an offer and make it again.
 */
import type { Swap } from '../../../shared/contracts/signups.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { CoreDeps, SignupCore } from './signups.core.js';
import { normalizeEmail } from './signups.invitations.js';
import { isOwner } from './signups.policy.js';
import { toSignup, toSwap } from './signups.presenter.js';
import type { SwapsRepo, SwapView } from './swaps.repo.js';

export function createSignupSwaps(deps: CoreDeps & { core: SignupCore; swaps: SwapsRepo }) {
  const { repo, swaps, clock, audit, notify, core } = deps;

  async function present(row: SwapView, viewerId: string): Promise<Swap> {
    const [signup] = await repo.views({ id: row.signup_id });
    if (!signup) throw notFound('swap');
    return toSwap(row, toSignup(signup).shift, viewerId);
  }

  async function view(id: string, viewerId: string): Promise<{ swap: Swap }> {
    const row = await swaps.get(id);
    if (!row) throw notFound('swap');
    return { swap: await present(row, viewerId) };
  }

  /**
   * The offer and how the caller stands to it: its maker, or its addressee (signed in with the offer's
   * address, verified, and not its maker). To anyone else it does not exist (404).
   */
  async function party(actor: Actor, swapId: string) {
    const user = requireUser(actor);
    const [row, email] = await Promise.all([swaps.get(swapId), swaps.verifiedEmail(user.userId)]);
    const offerer = !!row && row.from_user_id === user.userId;
    const addressee = !!row && !offerer && !!email && row.to_email === email;
    authorize(offerer || addressee, { hide: true, what: 'swap' });
    return { user, swap: row as SwapView, email: email as string, offerer };
  }

  const closed = () => conflict('swap_unavailable', 'This swap offer is no longer open.');

  return {
    /** Open offers the user made (to any address) and those to their verified address. */
    async pendingFor(userId: string): Promise<Swap[]> {
      const email = await swaps.verifiedEmail(userId);
      const rows = await swaps.openFor(userId, email, clock.now());
      return Promise.all(rows.map((r) => present(r, userId)));
    },

    async offer(actor: Actor, signupId: string, address: string) {
      const user = requireUser(actor);
      const signup = await repo.get(signupId);
      authorize(!!signup && isOwner(actor, signup), { hide: true, what: 'signup' });
      if (signup?.status !== 'confirmed')
        throw conflict('illegal_transition', 'Only a confirmed place can be offered.');
      const shift = await core.loadShift(signup.shift_id);
      if (shift.starts_at <= clock.now()) throw conflict('shift_started', 'This shift has already started.');
      const email = normalizeEmail(address);
      const [me] = await repo.users([user.userId]);
      // tells nothing about anyone else's address
      if (me && normalizeEmail(me.email) === email) {
        throw invalid('swap_to_self', 'You cannot hand a shift to yourself.', [
          { field: 'email', code: 'swap_to_self', message: 'You cannot hand a shift to yourself.' },
        ]);
      }
      const id = await core.commit(async (trx, after) => {
        // One offer at a time per signup; a cancellation or a swap of the place waits for it.
        const place = await repo.lockSignup(signupId, trx);
        if (place?.status !== 'confirmed')
          throw conflict('illegal_transition', 'Only a confirmed place can be offered.');
        // the same address again: the open offer (declined ones too, as for an address nobody answered)
        const open = await swaps.openOf(signupId, email, trx);
        if (open) return open.id;
        const at = clock.now();
        const row = await swaps.insert(
          { signup_id: signupId, from_user_id: user.userId, to_email: email, at },
          trx,
        );
        await audit.record(trx, {
          at,
          actorId: user.userId,
          action: 'signup.swap_offered',
          target: 'signup',
          targetId: signupId,
          data: { swapId: row.id, to: email },
        });
        const notice = {
          event: 'swap_offered' as const,
          shift: core.shiftNotice(shift),
          link: '/my/shifts',
          mail: true,
          params: { who: me?.display_name ?? '', swapId: row.id },
        };
        const account = await repo.userByEmail(email, trx);
        if (account) after.mail.push(...(await notify(trx, [account], notice, at)));
        else after.mail.push(await notify.mailTo(trx, email, notice, at));
        return row.id;
      });
      return view(id, user.userId);
    },

    /**
     * The addressee takes the place: under the locks of both volunteers, the shift, the offer and the
     * place, with every check of a signup (consent, age, skills, schedule). The refusal goes to them only.
     */
    async accept(actor: Actor, swapId: string) {
      const { user, swap, email, offerer } = await party(actor, swapId);
      authorize(!offerer, { hide: true, what: 'swap' });
      const signup = await repo.get(swap.signup_id);
      if (!signup) throw notFound('swap');
      const shift = await core.loadShift(signup.shift_id);
      await core.commit(async (trx, after) => {
        for (const id of [swap.from_user_id, user.userId].sort()) await repo.lockVolunteer(id, trx);
        await repo.lockShift(shift.id, trx);
        const current = await swaps.lock(swapId, trx);
        const place = await repo.lockSignup(signup.id, trx);
        if (
          current?.status !== 'pending' ||
          current.to_email !== email ||
          place?.status !== 'confirmed' ||
          place.user_id !== swap.from_user_id
        ) {
          throw closed();
        }
        const at = clock.now();
        await repo.setStatus(
          place.id,
          { status: 'cancelled', at, cancelledBy: 'volunteer', reason: 'swapped' },
          trx,
        );
        const created = await core.takePlace(trx, {
          shift,
          userId: user.userId,
          roleId: place.role_id,
          actorId: user.userId,
          mode: 'swap',
        });
        await swaps.decide(
          swapId,
          { status: 'accepted', at, newSignupId: created.id, toUserId: user.userId },
          trx,
        );
        await swaps.withdrawOthers(place.id, at, trx);
        await audit.record(trx, {
          at,
          actorId: user.userId,
          action: 'signup.swapped',
          target: 'signup',
          targetId: place.id,
          data: { swapId, newSignupId: created.id },
        });
        const people = await repo.users([swap.from_user_id, user.userId], trx);
        const name = (id: string) => people.find((p) => p.id === id)?.display_name ?? '';
        const coordinators = await repo.coordinators(shift.center_id, trx);
        const notice = {
          event: 'swap_accepted' as const,
          shift: core.shiftNotice(shift),
          mail: true,
          params: { who: name(swap.from_user_id), to: name(user.userId) },
        };
        after.mail.push(
          ...(await notify(trx, coordinators, { ...notice, link: `/shifts/${shift.id}/roster` }, at)),
        );
        after.mail.push(...(await notify(trx, people, { ...notice, link: '/my/shifts' }, at)));
      });
      return view(swapId, user.userId);
    },

    /**
     * The addressee declines (the offerer is not told), or the offerer withdraws the offer — also one that
     * was declined, which they saw as pending.
     */
    async decline(actor: Actor, swapId: string) {
      const { user, offerer } = await party(actor, swapId);
      await core.commit(async (trx) => {
        const current = await swaps.lock(swapId, trx);
        const open = offerer ? ['pending', 'declined'] : ['pending'];
        if (!current || !open.includes(current.status)) throw closed();
        const at = clock.now();
        const status = offerer ? 'withdrawn' : 'declined';
        await swaps.decide(swapId, { status, at, ...(offerer ? {} : { toUserId: user.userId }) }, trx);
        await audit.record(trx, {
          at,
          actorId: user.userId,
          action: `signup.swap_${status}`,
          target: 'signup',
          targetId: current.signup_id,
          data: { swapId },
        });
      });
      return view(swapId, user.userId);
    },
  };
}
export type SignupSwaps = ReturnType<typeof createSignupSwaps>;
