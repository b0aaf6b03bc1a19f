/**
 * A centre's work log: the services it gave, entered by its coordinators and the regional operator.
 * Corrections keep the earlier state (work_log_revisions) and who changed it when; removal is soft, with
 * a reason. Dates in the future or before the centre opened are refused with field errors.
 */
import type { Kysely } from 'kysely';
import type {
  CreateWorkLogEntryBody,
  RemoveWorkLogEntryBody,
  UpdateWorkLogEntryBody,
  WorkLogQuery,
} from '../../../shared/contracts/monitoring.js';
import { WORK_LOG_KINDS } from '../../../shared/contracts/monitoring.js';
import { localDay } from '../../../shared/time-zone.js';
import type { AuditAction, AuditData, AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser, type UserActor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, type FieldIssue, invalid, notFound } from '../../platform/errors.js';
import { type IfMatch, requireMatch } from '../../platform/http/etag.js';
import type { NetworkService } from '../network/index.js';
import { canKeepWorkLog } from './monitoring.policy.js';
import { snapshotOf, toEntryView } from './worklog.presenter.js';
import type { EntryChange, EntryRow, WorkLogRepo } from './worklog.repo.js';

type CenterRow = NonNullable<Awaited<ReturnType<NetworkService['findCenter']>>>;
type Db = Kysely<Database>;

const clean = (s: string | null | undefined) => {
  if (s === undefined) return undefined;
  const v = s?.normalize('NFC').trim() ?? '';
  return v === '' ? null : v;
};

export function createWorkLogService(deps: {
  db: Db;
  repo: WorkLogRepo;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
}) {
  const { db, repo, network, clock, audit: writer } = deps;

  async function today() {
    const region = await network.currentRegion();
    return localDay(clock.now(), region.timezone);
  }

  /** The centre, if the actor keeps its log; unknown → 404, not allowed → 403. */
  async function centerFor(actor: Actor, id: string): Promise<{ user: UserActor; center: CenterRow }> {
    const user = requireUser(actor);
    const center = await network.findCenter(id);
    if (!center) throw notFound('centre');
    authorize(canKeepWorkLog(actor, center));
    return { user, center };
  }

  /** Rules that need the whole entry (after a correction is applied). */
  function check(e: EntryRowLike, center: CenterRow, day: string) {
    const issues: FieldIssue[] = [];
    if (!e.title) issues.push({ field: 'title', code: 'blank', message: 'Fill in this field.' });
    if (e.kind === 'consultation' && !e.audience)
      issues.push({
        field: 'audience',
        code: 'audience_required',
        message: 'Say who the consultation was for.',
      });
    if (e.kind !== 'consultation' && e.audience)
      issues.push({
        field: 'audience',
        code: 'audience_not_allowed',
        message: 'Only consultations have an audience.',
      });
    if (e.occurred_on > day)
      issues.push({ field: 'occurredOn', code: 'date_in_future', message: 'The date is in the future.' });
    else if (center.opened_on && e.occurred_on < center.opened_on)
      issues.push({
        field: 'occurredOn',
        code: 'before_center_opened',
        message: `The date is before the centre opened (${center.opened_on}).`,
        params: { openedOn: center.opened_on },
      });
    if (issues.length > 0) throw invalid('validation_failed', 'Please check the data you entered.', issues);
  }

  const audit = (
    trx: Db,
    user: UserActor,
    action: AuditAction<'work_log_entry'>,
    entryId: string,
    data: AuditData,
    at: Date,
  ) =>
    writer.record(trx, {
      at,
      actorId: user.userId,
      action,
      target: 'work_log_entry',
      targetId: entryId,
      data,
    });

  async function view(centerId: string, id: string, trx: Db = db) {
    const row = await repo.one(centerId, id, trx);
    if (!row) throw notFound('entry');
    return { entry: toEntryView(row) };
  }

  return {
    async list(actor: Actor, centerId: string, query: WorkLogQuery) {
      const { center } = await centerFor(actor, centerId);
      if (query.from && query.to && query.from > query.to)
        throw invalid('validation_failed', 'Please check the data you entered.', [
          { field: 'to', code: 'before_from', message: 'The end of the period is before its start.' },
        ]);
      const rows = await repo.list(centerId, query);
      const totals = new Map((await repo.totals(centerId, query)).map((t) => [t.kind, t]));
      return {
        center: {
          id: center.id,
          name: center.name,
          status: center.status,
          openedOn: center.opened_on,
          municipality: {
            id: center.municipality_id,
            nameRu: center.municipality_name_ru,
            nameEn: center.municipality_name_en,
          },
        },
        items: rows.map(toEntryView),
        totals: WORK_LOG_KINDS.filter((k) => !query.kind || k === query.kind).map((kind) => ({
          kind,
          entries: totals.get(kind)?.entries ?? 0,
          quantity: totals.get(kind)?.quantity ?? 0,
          peopleReached: totals.get(kind)?.people_reached ?? 0,
        })),
        today: await today(),
        canEdit: true,
      };
    },

    async add(actor: Actor, centerId: string, body: CreateWorkLogEntryBody) {
      const { user, center } = await centerFor(actor, centerId);
      const values = {
        kind: body.kind,
        audience: body.audience ?? null,
        occurred_on: body.occurredOn,
        title: clean(body.title) ?? '',
        quantity: body.quantity ?? 1,
        people_reached: body.peopleReached ?? null,
        link: clean(body.link) ?? null,
        note: clean(body.note) ?? null,
      };
      check(values, center, await today());
      return db.transaction().execute(async (trx) => {
        const at = clock.now();
        const { id } = await repo.insert(
          { ...values, center_id: centerId, author_id: user.userId, created_at: at },
          trx,
        );
        await audit(
          trx,
          user,
          'work_log.added',
          id,
          { centerId, kind: values.kind, occurredOn: values.occurred_on },
          at,
        );
        return view(centerId, id, trx);
      });
    },

    /** A correction made from an older version than the entry's (If-Match) is refused with 412. */
    async correct(
      actor: Actor,
      centerId: string,
      entryId: string,
      body: UpdateWorkLogEntryBody,
      ifMatch?: IfMatch,
    ) {
      const { user, center } = await centerFor(actor, centerId);
      const day = await today();
      return db.transaction().execute(async (trx) => {
        const before = await repo.lock(centerId, entryId, trx);
        if (!before) throw notFound('entry');
        if (before.deleted_at)
          throw conflict('entry_removed', 'The entry was removed and cannot be changed.');
        requireMatch(ifMatch, before.version);
        const change: EntryChange = {};
        if (body.kind !== undefined) change.kind = body.kind;
        if (body.audience !== undefined) change.audience = body.audience;
        // A kind other than consultation has no audience: changing the kind drops it unless given.
        else if (body.kind !== undefined && body.kind !== 'consultation') change.audience = null;
        if (body.occurredOn !== undefined) change.occurred_on = body.occurredOn;
        if (body.title !== undefined) change.title = clean(body.title) ?? '';
        if (body.quantity !== undefined) change.quantity = body.quantity;
        if (body.peopleReached !== undefined) change.people_reached = body.peopleReached;
        if (body.link !== undefined) change.link = clean(body.link) ?? null;
        if (body.note !== undefined) change.note = clean(body.note) ?? null;
        const after = { ...before, ...change };
        check(after, center, day);
        const changed = (Object.keys(change) as (keyof EntryChange)[]).filter((k) => change[k] !== before[k]);
        if (changed.length === 0) return view(centerId, entryId, trx);
        const at = clock.now();
        const reason = clean(body.reason) ?? null;
        await repo.insertRevision(
          {
            entry_id: entryId,
            version: before.version,
            action: 'corrected',
            snapshot: JSON.stringify(snapshotOf(before)),
            actor_id: user.userId,
            at,
            reason,
          },
          trx,
        );
        await repo.update(
          entryId,
          { ...change, version: before.version + 1, updated_by: user.userId, updated_at: at },
          trx,
        );
        await audit(trx, user, 'work_log.corrected', entryId, { centerId, fields: changed, reason }, at);
        return view(centerId, entryId, trx);
      });
    },

    async remove(
      actor: Actor,
      centerId: string,
      entryId: string,
      body: RemoveWorkLogEntryBody,
      ifMatch?: IfMatch,
    ) {
      const { user } = await centerFor(actor, centerId);
      const reason = clean(body.reason);
      if (!reason)
        throw invalid('reason_required', 'Give the reason.', [
          { field: 'reason', code: 'reason_required', message: 'Give the reason for this decision.' },
        ]);
      return db.transaction().execute(async (trx) => {
        const before = await repo.lock(centerId, entryId, trx);
        if (!before) throw notFound('entry');
        if (before.deleted_at) throw conflict('entry_removed', 'The entry was removed already.');
        requireMatch(ifMatch, before.version);
        const at = clock.now();
        await repo.insertRevision(
          {
            entry_id: entryId,
            version: before.version,
            action: 'removed',
            snapshot: JSON.stringify(snapshotOf(before)),
            actor_id: user.userId,
            at,
            reason,
          },
          trx,
        );
        await repo.update(
          entryId,
          { version: before.version + 1, deleted_by: user.userId, deleted_at: at, deleted_reason: reason },
          trx,
        );
        await audit(trx, user, 'work_log.removed', entryId, { centerId, reason }, at);
        return view(centerId, entryId, trx);
      });
    },

    async history(actor: Actor, centerId: string, entryId: string) {
      await centerFor(actor, centerId);
      const { entry } = await view(centerId, entryId);
      const revisions = await repo.revisions(entryId);
      return {
        entry,
        revisions: revisions.map((r) => ({
          version: r.version,
          action: r.action,
          before: r.snapshot as ReturnType<typeof snapshotOf>,
          actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
          at: r.at.toISOString(),
          reason: r.reason,
        })),
      };
    },
  };
}
type EntryRowLike = Pick<EntryRow, 'kind' | 'audience' | 'occurred_on' | 'title'>;
export type WorkLogService = ReturnType<typeof createWorkLogService>;
