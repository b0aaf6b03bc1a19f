/**
 * Shift swap: a confirmed volunteer offers their place to a peer; when the peer accepts, in one
 * transaction the offerer's signup is cancelled ('swapped') and the peer's is confirmed (same role), with
 * every check a signup makes. The coordinators are told.
 */
import type { Swap } from '../../../shared/contracts/signups.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { CoreDeps, SignupCore } from './signups.core.js';
import { isOwner } from './signups.policy.js';
import { toSignup, toSwap } from './signups.presenter.js';
import type { SwapsRepo } from './swaps.repo.js';

export function createSignupSwaps(deps: CoreDeps & { core: SignupCore; swaps: SwapsRepo }) {
  const { repo, swaps, clock, notify, core } = deps;

  async function view(id: string): Promise<{ swap: Swap }> {
    const row = await swaps.get(id);
    if (!row) throw notFound('swap');
    const [signup] = await repo.views({ id: row.signup_id });
    if (!signup) throw notFound('swap');
    return { swap: toSwap(row, toSignup(signup).shift) };
  }

  const closed = () => conflict('swap_unavailable', 'This swap offer is no longer open.');

  return {
    view,

    async pendingFor(userId: string) {
      const rows = await swaps.pendingFor(userId);
      return Promise.all(rows.map(async (r) => (await view(r.id)).swap));
    },

    async offer(actor: Actor, signupId: string, email: string) {
      const user = requireUser(actor);
      const signup = await repo.get(signupId);
      authorize(!!signup && isOwner(actor, signup), { hide: true, what: 'signup' });
      if (signup?.status !== 'confirmed')
        throw conflict('illegal_transition', 'Only a confirmed place can be offered.');
      const shift = await core.loadShift(signup.shift_id);
      if (shift.starts_at <= clock.now()) throw conflict('shift_started', 'This shift has already started.');
      const peer = await repo.userByEmail(email.trim());
      if (!peer) {
        throw invalid('user_not_found', 'No user with this email address.', [
          { field: 'email', code: 'user_not_found', message: 'No user with this email address.' },
        ]);
      }
      if (peer.id === user.userId) {
        throw invalid('swap_to_self', 'You cannot hand a shift to yourself.', [
          { field: 'email', code: 'swap_to_self', message: 'You cannot hand a shift to yourself.' },
        ]);
      }
      // checked again (under the locks) when the peer accepts
      await core.assertEligible(deps.db, peer.id, shift);
      const id = await core.commit(async (trx, after) => {
        const existing = await swaps.pendingOf(signupId, peer.id, trx);
        if (existing) return existing.id;
        const at = clock.now();
        const row = await swaps.insert(
          { signup_id: signupId, from_user_id: user.userId, to_user_id: peer.id, at },
          trx,
        );
        await repo.audit(
          {
            at,
            actorId: user.userId,
            action: 'signup.swap_offered',
            entityId: signupId,
            data: { swapId: row.id, to: peer.id },
          },
          trx,
        );
        const from = (await repo.users([user.userId], trx))[0];
        after.mail.push(
          ...(await notify(
            trx,
            [peer],
            {
              event: 'swap_offered',
              shift: core.shiftNotice(shift),
              link: '/my/shifts',
              mail: true,
              params: { who: from?.display_name ?? '', swapId: row.id },
            },
            at,
          )),
        );
        return row.id;
      });
      return view(id);
    },

    async accept(actor: Actor, swapId: string) {
      const user = requireUser(actor);
      const first = await swaps.get(swapId);
      authorize(!!first && first.to_user_id === user.userId, { hide: true, what: 'swap' });
      const swap = first as NonNullable<typeof first>;
      const signup = await repo.get(swap.signup_id);
      if (!signup) throw notFound('swap');
      const shift = await core.loadShift(signup.shift_id);
      await core.commit(async (trx, after) => {
        for (const id of [swap.from_user_id, swap.to_user_id].sort()) await repo.lockVolunteer(id, trx);
        await repo.lockShift(shift.id, trx);
        const current = await swaps.lock(swapId, trx);
        const place = await repo.lockSignup(signup.id, trx);
        if (
          current?.status !== 'pending' ||
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
        await swaps.decide(swapId, { status: 'accepted', at, newSignupId: created.id }, trx);
        await swaps.withdrawOthers(place.id, at, trx);
        await repo.audit(
          {
            at,
            actorId: user.userId,
            action: 'signup.swapped',
            entityId: place.id,
            data: { swapId, newSignupId: created.id },
          },
          trx,
        );
        const people = await repo.users([swap.from_user_id, swap.to_user_id], trx);
        const name = (id: string) => people.find((p) => p.id === id)?.display_name ?? '';
        const coordinators = await repo.coordinators(shift.center_id, trx);
        const notice = {
          event: 'swap_accepted' as const,
          shift: core.shiftNotice(shift),
          mail: true,
          params: { who: name(swap.from_user_id), to: name(swap.to_user_id) },
        };
        after.mail.push(
          ...(await notify(trx, coordinators, { ...notice, link: `/shifts/${shift.id}/roster` }, at)),
        );
        after.mail.push(...(await notify(trx, people, { ...notice, link: '/my/shifts' }, at)));
      });
      return view(swapId);
    },

    /** The peer declines, or the offerer withdraws the offer. */
    async decline(actor: Actor, swapId: string) {
      const user = requireUser(actor);
      const first = await swaps.get(swapId);
      const party = !!first && (first.to_user_id === user.userId || first.from_user_id === user.userId);
      authorize(party, { hide: true, what: 'swap' });
      await core.commit(async (trx) => {
        const current = await swaps.lock(swapId, trx);
        if (current?.status !== 'pending') throw closed();
        const at = clock.now();
        const status = current.to_user_id === user.userId ? 'declined' : 'withdrawn';
        await swaps.decide(swapId, { status, at }, trx);
        await repo.audit(
          {
            at,
            actorId: user.userId,
            action: `signup.swap_${status}`,
            entityId: current.signup_id,
            data: { swapId },
          },
          trx,
        );
      });
      return view(swapId);
    },
  };
}
export type SignupSwaps = ReturnType<typeof createSignupSwaps>;
