/**
 * Recording a change of the municipal structure once: predecessors end on the change day, a successor
 * (existing or new) takes over through the lineage, and history, coverage and statistics for past days
 * stay as they were. One transaction with the affected municipalities locked.
 */
import type { Kysely } from 'kysely';
import type {
  MunicipalChange,
  NewMunicipality,
  RecordMunicipalChangeBody,
} from '../../../shared/contracts/municipal-changes.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, type FieldIssue, invalid, notFound } from '../../platform/errors.js';
import { cleanText, existingSuccessorId, shapeIssues, stateIssues } from './municipal-change-rules.js';
import { toMunicipalChangeViews } from './municipal-changes.presenter.js';
import { MUNICIPALITY_CHANGED, type MunicipalChangesRepo } from './municipal-changes.repo.js';
import { canRecordMunicipalChange } from './network.policy.js';
import type { NetworkService } from './network.service.js';

const SLUG_TAKEN: FieldIssue = {
  field: 'successor.new.slug',
  code: 'slug_taken',
  message: 'A municipality with this slug already exists in the region.',
};

/** A new successor starts on the change day; it names its predecessor when there is exactly one. */
const successorRow = (regionId: string, m: NewMunicipality, day: string, predecessorIds: string[]) => ({
  region_id: regionId,
  slug: m.slug,
  name_ru: cleanText(m.nameRu),
  name_en: cleanText(m.nameEn),
  kind: m.kind,
  admin_center_ru: cleanText(m.adminCenterRu),
  lat: m.lat,
  lon: m.lon,
  population: m.population ?? null,
  oktmo: m.oktmo ?? null,
  effective_from: day,
  predecessor_id: predecessorIds.length === 1 ? (predecessorIds[0] as string) : null,
});

const refused = (issues: FieldIssue[]) =>
  conflict('municipal_change_conflict', 'The change does not fit the municipalities on that date.', issues);

export function createMunicipalChangesService(deps: {
  db: Kysely<Database>;
  repo: MunicipalChangesRepo;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
}) {
  const { db, repo, network, clock, audit } = deps;

  async function views(regionId: string, filter: { id?: string } = {}): Promise<MunicipalChange[]> {
    const changes = await repo.changes(regionId, filter);
    const ids = changes.map((c) => c.id);
    const lineage = await repo.lineageOf(ids);
    const abolished = await repo.abolishedBy(changes.filter((c) => c.kind === 'abolition').map((c) => c.id));
    return toMunicipalChangeViews(changes, lineage, abolished);
  }

  return {
    /** Public: every recorded change, newest first. */
    async list(): Promise<MunicipalChange[]> {
      return views((await network.currentRegion()).id);
    },

    async record(actor: Actor, body: RecordMunicipalChangeBody): Promise<MunicipalChange> {
      const user = requireUser(actor);
      const region = await network.currentRegion();
      authorize(canRecordMunicipalChange(actor, region));
      const shape = shapeIssues(body);
      if (shape.length > 0) throw invalid('validation_failed', 'Check the change.', shape);

      const day = body.effectiveOn;
      const existingId = existingSuccessorId(body);
      const fresh = body.successor && 'new' in body.successor ? body.successor.new : null;
      const now = clock.now();
      const changeId = await db
        .transaction()
        .execute(async (trx) => {
          const locked = await repo.lockMunicipalities(
            region.id,
            existingId ? [...body.predecessorIds, existingId] : body.predecessorIds,
            trx,
          );
          const { unknown, conflicts } = stateIssues(body, new Map(locked.map((m) => [m.id, m])));
          if (unknown.length > 0) throw invalid('validation_failed', 'Check the change.', unknown);
          if (fresh && (await repo.slugTaken(region.id, fresh.slug, trx))) conflicts.push(SLUG_TAKEN);
          if (conflicts.length > 0) throw refused(conflicts);

          const change = await repo.insertChange(
            {
              region_id: region.id,
              kind: body.kind,
              effective_on: day,
              legal_basis: body.legalBasis === undefined ? null : cleanText(body.legalBasis) || null,
              comment: body.comment === undefined ? null : cleanText(body.comment) || null,
              actor_id: user.userId,
              created_at: now,
            },
            trx,
          );
          await repo.endMunicipalities(body.predecessorIds, day, trx);
          let successorId = existingId;
          if (fresh) {
            const row = successorRow(region.id, fresh, day, body.predecessorIds);
            successorId = (await repo.insertMunicipality(row, trx)).id;
          }
          if (successorId) {
            await repo.insertLineage(
              body.predecessorIds.map((p) => ({
                change_id: change.id,
                predecessor_id: p,
                successor_id: successorId,
              })),
              trx,
            );
          }
          await audit.record(trx, {
            at: now,
            actorId: user.userId,
            action: MUNICIPALITY_CHANGED,
            target: 'municipality_change',
            targetId: change.id,
            data: { kind: body.kind, effectiveOn: day, predecessorIds: body.predecessorIds, successorId },
          });
          return change.id;
        })
        .catch((error: unknown) => {
          // Two operators racing for one slug: the unique index decides, the loser gets the same 409.
          if (fresh && (error as { code?: string }).code === '23505') throw refused([SLUG_TAKEN]);
          throw error;
        });
      const [view] = await views(region.id, { id: changeId });
      if (!view) throw notFound('municipal change');
      return view;
    },
  };
}
export type MunicipalChangesService = ReturnType<typeof createMunicipalChangesService>;
