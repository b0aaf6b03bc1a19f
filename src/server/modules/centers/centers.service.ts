/** A centre's status over its life: suspend (with reason), reactivate, close (final). Every change is kept. */
import type { Kysely } from 'kysely';
import type { ChangeCenterStatusBody, UpdateCenterProfileBody } from '../../../shared/contracts/centers.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { IfMatch } from '../../platform/http/etag.js';
import type { NetworkService } from '../network/index.js';
import { toCenterView } from '../network/index.js';
import { checkProfile } from './center-profile.js';
import { allowedNext, canTransition, reasonRequired } from './center-status.js';
import { canChangeCenterStatus, canEditCenterProfile, canSeeCenterHistory } from './centers.policy.js';
import type { CentersRepo } from './centers.repo.js';

type CenterContextRow = NonNullable<Awaited<ReturnType<NetworkService['findCenter']>>>;

export function createCentersService(deps: {
  db: Kysely<Database>;
  repo: CentersRepo;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
}) {
  const { db, repo, network, clock, audit } = deps;

  const view = (c: CenterContextRow) => toCenterView(c);

  async function history(id: string) {
    const center = await network.findCenter(id);
    if (!center) throw notFound('centre');
    const events = await repo.history(id);
    return {
      center: view(center),
      events: events.map((e) => ({
        id: e.id,
        from: e.from_status,
        to: e.to_status,
        comment: e.comment,
        actor: e.actor_id ? { id: e.actor_id, displayName: e.actor_name ?? '' } : null,
        at: e.at.toISOString(),
      })),
    };
  }

  return {
    /** The public page shows active centres only; a suspended or closed one is "not found" to the public. */
    async publicCenter(id: string) {
      const center = await network.findCenter(id);
      if (center?.status !== 'active') throw notFound('centre');
      return { center: view(center) };
    },

    async history(actor: Actor, id: string) {
      requireUser(actor);
      const center = await network.findCenter(id);
      authorize(center !== undefined && canSeeCenterHistory(actor, center), { hide: true, what: 'centre' });
      return history(id);
    },

    /**
     * The centre's coordinators and the operator keep its public profile (any status). Unknown service
     * codes, a malformed phone, email or web address are field errors; nothing is written then. An edit
     * made from an older version than the current one (If-Match) is refused with 412.
     */
    async updateProfile(actor: Actor, id: string, body: UpdateCenterProfileBody, ifMatch?: IfMatch) {
      const user = requireUser(actor);
      const center = await network.findCenter(id);
      authorize(center !== undefined && canSeeCenterHistory(actor, center), { hide: true, what: 'centre' });
      authorize(canEditCenterProfile(actor, center as CenterContextRow));
      const { update, errors } = checkProfile(body, await repo.serviceCodes());
      if (errors.length) throw invalid('profile_invalid', 'Please check the centre profile fields.', errors);
      await db.transaction().execute(async (trx) => {
        await beginEdit(trx, 'centers', { value: id }, ifMatch, 'centre');
        const before = await repo.updateProfile(id, update, trx);
        if (!before) throw notFound('centre');
        const changed = Object.keys(update).filter(
          (k) =>
            JSON.stringify(before[k as keyof typeof before]) !==
            JSON.stringify(update[k as keyof typeof update]),
        );
        if (changed.length === 0) return;
        await audit.record(trx, {
          actorId: user.userId,
          action: 'center.profile_updated',
          target: 'center',
          targetId: id,
          data: { fields: changed },
        });
      });
      const updated = await network.findCenter(id);
      if (!updated) throw notFound('centre');
      return { center: view(updated) };
    },

    async changeStatus(actor: Actor, id: string, body: ChangeCenterStatusBody) {
      const user = requireUser(actor);
      const comment = body.comment?.normalize('NFC').trim() || null;
      if (reasonRequired(body.to) && !comment) {
        throw invalid('reason_required', 'Give the reason.', [
          { field: 'comment', code: 'reason_required', message: 'Give the reason for this decision.' },
        ]);
      }
      const center = await network.findCenter(id);
      authorize(center !== undefined && canSeeCenterHistory(actor, center), { hide: true, what: 'centre' });
      authorize(canChangeCenterStatus(actor, center as CenterContextRow));
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lockStatus(id, trx);
        if (!locked) throw notFound('centre');
        if (!canTransition(locked.status, body.to)) {
          const allowed = allowedNext(locked.status);
          throw conflict('illegal_transition', `A ${locked.status} centre cannot become ${body.to}.`, [
            {
              field: 'to',
              code: 'illegal_transition',
              message: allowed.length ? `Allowed: ${allowed.join(', ')}.` : 'A closed centre stays closed.',
              params: { from: locked.status, to: body.to, allowed: allowed.join(', ') || '—' },
            },
          ]);
        }
        const at = clock.now();
        await repo.setStatus(id, body.to, trx);
        await repo.insertEvent(
          {
            center_id: id,
            from_status: locked.status,
            to_status: body.to,
            comment,
            actor_id: user.userId,
            at,
          },
          trx,
        );
        await audit.record(trx, {
          at,
          actorId: user.userId,
          action: 'center.status_changed',
          target: 'center',
          targetId: id,
          data: { from: locked.status, to: body.to },
        });
      });
      return history(id);
    },
  };
}
export type CentersService = ReturnType<typeof createCentersService>;
