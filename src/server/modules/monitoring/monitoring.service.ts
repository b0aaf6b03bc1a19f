/**
 * Twice-yearly monitoring: the regional operator opens a round for a half-year (one per half-year and
 * region), scores every centre on the six indicators (computed from the work log where possible, entered
 * otherwise; an entered score overrides the computed one, both kept, with a comment), and closes it, after
 * which the round is final. Rating, colour zones and the formulas: monitoring.scoring.ts.
 */
import type { Kysely } from 'kysely';
import type { EnterScoreBody, IndicatorMethod, OpenRoundBody } from '../../../shared/contracts/monitoring.js';
import { localDay } from '../../../shared/time-zone.js';
import { CONTENT_TYPES, type ExportFormat, toCsv, toXlsx } from '../../lib/spreadsheet.js';
import type { AuditAction, AuditData, AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser, type UserActor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { IfMatch } from '../../platform/http/etag.js';
import type { NetworkService } from '../network/index.js';
import { DEFAULT_THRESHOLDS, ensureDefaultIndicators } from './monitoring.defaults.js';
import { canRunMonitoring, canSeeCenterMonitoring, isRegionalOperator } from './monitoring.policy.js';
import { ratingTable, toIndicatorView, toRoundView } from './monitoring.presenter.js';
import { readRound } from './monitoring.rating.js';
import type { MonitoringRepo } from './monitoring.repo.js';
import { halfYear } from './monitoring.scoring.js';
import type { WorkLogRepo } from './worklog.repo.js';

type Db = Kysely<Database>;
const num = (v: string | null) => (v === null ? null : Number(v));
const isUniqueViolation = (e: unknown) => (e as { code?: unknown })?.code === '23505';

export function createMonitoringService(deps: {
  db: Db;
  repo: MonitoringRepo;
  workLog: WorkLogRepo;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
}) {
  const { db, repo, workLog, network, clock, audit: writer } = deps;

  async function operatorRegion(
    actor: Actor,
  ): Promise<{ user: UserActor; regionId: string; timezone: string }> {
    const user = requireUser(actor);
    const region = await network.currentRegion();
    authorize(canRunMonitoring(actor, region.id));
    return { user, regionId: region.id, timezone: region.timezone };
  }

  const detail = (roundId: string, trx: Db = db) => readRound(repo, workLog, roundId, trx);

  const audit = (
    trx: Db,
    user: UserActor,
    action: AuditAction<'monitoring_round'>,
    roundId: string,
    data: AuditData,
    at: Date,
  ) =>
    writer.record(trx, {
      at,
      actorId: user.userId,
      action,
      target: 'monitoring_round',
      targetId: roundId,
      data,
    });

  /** Locks an open round of the actor's region for a change; a closed round is final. */
  async function lockOpen(trx: Db, roundId: string, regionId: string) {
    const round = await repo.lockRound(roundId, trx);
    if (!round || round.region_id !== regionId) throw notFound('round');
    if (round.status === 'closed')
      throw conflict('round_closed', 'The round is closed and cannot be changed.');
    return round;
  }

  return {
    detail,

    async indicators(actor: Actor) {
      await operatorRegion(actor);
      await db.transaction().execute((trx) => ensureDefaultIndicators(trx));
      return { items: (await repo.indicators()).map(toIndicatorView) };
    },

    async rounds(actor: Actor) {
      const { regionId } = await operatorRegion(actor);
      return { items: (await repo.rounds(regionId)).map(toRoundView) };
    },

    async round(actor: Actor, roundId: string) {
      const { regionId } = await operatorRegion(actor);
      const d = await detail(roundId);
      const row = await repo.round(roundId);
      if (row?.region_id !== regionId) throw notFound('round');
      return d;
    },

    async open(actor: Actor, body: OpenRoundBody, options: { isDemo?: boolean } = {}) {
      const { user, regionId, timezone } = await operatorRegion(actor);
      const greenFrom = body.greenFrom ?? DEFAULT_THRESHOLDS.greenFrom;
      const yellowFrom = body.yellowFrom ?? DEFAULT_THRESHOLDS.yellowFrom;
      if (yellowFrom > greenFrom)
        throw invalid('validation_failed', 'Please check the data you entered.', [
          {
            field: 'yellowFrom',
            code: 'thresholds_order',
            message: 'The yellow threshold is above the green one.',
          },
        ]);
      const period = halfYear(body.year, body.half);
      if (period.start > localDay(clock.now(), timezone))
        throw invalid('validation_failed', 'Please check the data you entered.', [
          { field: 'half', code: 'period_in_future', message: 'This half-year has not started yet.' },
        ]);
      const exists = () =>
        conflict('round_exists', `There is already a round for ${body.year}, half ${body.half}.`, [
          {
            field: 'half',
            code: 'round_exists',
            message: 'There is already a round for this half-year.',
            params: { year: String(body.year), half: String(body.half) },
          },
        ]);
      if (await repo.findRound(regionId, body.year, body.half)) throw exists();
      try {
        const roundId = await db.transaction().execute(async (trx) => {
          await ensureDefaultIndicators(trx);
          const at = clock.now();
          const { id } = await repo.insertRound(
            {
              region_id: regionId,
              year: body.year,
              half: body.half,
              period_start: period.start,
              period_end: period.end,
              green_from: greenFrom,
              yellow_from: yellowFrom,
              opened_by: user.userId,
              opened_at: at,
              is_demo: options.isDemo ?? false,
            },
            trx,
          );
          const centers = await repo.snapshotRound(id, regionId, trx);
          if (centers === 0) throw conflict('no_active_centers', 'The region has no active centres to rate.');
          await audit(
            trx,
            user,
            'monitoring.round_opened',
            id,
            { year: body.year, half: body.half, centers },
            at,
          );
          return id;
        });
        return detail(roundId);
      } catch (error) {
        if (isUniqueViolation(error)) throw exists();
        throw error;
      }
    },

    /** The round's scores are one sheet: entered from an older version of it (If-Match) → 412. */
    async enterScore(actor: Actor, roundId: string, body: EnterScoreBody, ifMatch?: IfMatch) {
      const { user, regionId } = await operatorRegion(actor);
      await db.transaction().execute(async (trx) => {
        await lockOpen(trx, roundId, regionId);
        await beginEdit(trx, 'monitoring_rounds', { value: roundId }, ifMatch, 'round');
        const indicator = (await repo.roundIndicators(roundId, trx)).find((i) => i.code === body.indicator);
        if (!indicator)
          throw invalid('validation_failed', 'Please check the data you entered.', [
            { field: 'indicator', code: 'unknown_indicator', message: 'No such indicator in this round.' },
          ]);
        const inRound = (await repo.roundCenters(roundId, trx)).some((c) => c.id === body.centerId);
        if (!inRound)
          throw invalid('validation_failed', 'Please check the data you entered.', [
            { field: 'centerId', code: 'center_not_in_round', message: 'This centre is not in the round.' },
          ]);
        const max = Number(indicator.max_score);
        const comment = body.comment?.normalize('NFC').trim() || null;
        if (body.score !== null && body.score > max)
          throw invalid('validation_failed', 'Please check the data you entered.', [
            {
              field: 'score',
              code: 'score_above_max',
              message: `The score cannot exceed the maximum (${max}).`,
              params: { max: String(max) },
            },
          ]);
        if (body.score !== null && (indicator.method as IndicatorMethod) !== 'entered' && !comment)
          throw invalid('validation_failed', 'Please check the data you entered.', [
            {
              field: 'comment',
              code: 'override_comment_required',
              message: 'Explain why the computed score is overridden.',
            },
          ]);
        const previous = await repo.previousScore(roundId, body.centerId, body.indicator, trx);
        const at = clock.now();
        if (body.score === null) await repo.clearEntered(roundId, body.centerId, body.indicator, trx);
        else
          await repo.setEntered(
            {
              round_id: roundId,
              center_id: body.centerId,
              indicator_code: body.indicator,
              entered: Math.round(body.score * 100) / 100,
              comment,
              entered_by: user.userId,
              entered_at: at,
            },
            trx,
          );
        await audit(
          trx,
          user,
          body.score === null ? 'monitoring.score_cleared' : 'monitoring.score_entered',
          roundId,
          {
            centerId: body.centerId,
            indicator: body.indicator,
            score: body.score,
            previous: num(previous?.entered ?? null),
            comment,
          },
          at,
        );
      });
      return detail(roundId);
    },

    async close(actor: Actor, roundId: string, ifMatch?: IfMatch) {
      const { user, regionId } = await operatorRegion(actor);
      await db.transaction().execute(async (trx) => {
        await lockOpen(trx, roundId, regionId);
        await beginEdit(trx, 'monitoring_rounds', { value: roundId }, ifMatch, 'round');
        const live = await detail(roundId, trx);
        const computed = live.rows.flatMap((r) =>
          r.scores
            .filter((s) => s.computed !== null && s.basis !== null)
            .map((s) => ({
              center_id: r.center.id,
              indicator_code: s.indicator,
              computed: s.computed as number,
              computed_basis: s.basis as number,
            })),
        );
        await repo.freezeComputed(roundId, computed, trx);
        const at = clock.now();
        await repo.close(roundId, user.userId, at, trx);
        await audit(
          trx,
          user,
          'monitoring.round_closed',
          roundId,
          {
            rating: live.rows.map((r) => ({
              centerId: r.center.id,
              rank: r.rank,
              percent: r.percent,
              zone: r.zone,
            })),
          },
          at,
        );
      });
      return detail(roundId);
    },

    /** A closed round is final: reopening is refused. An open round stays open (nothing to do). */
    async reopen(actor: Actor, roundId: string) {
      const { regionId } = await operatorRegion(actor);
      const round = await repo.round(roundId);
      if (!round || round.region_id !== regionId) throw notFound('round');
      if (round.status === 'closed') throw conflict('round_final', 'A closed round cannot be reopened.');
      return null;
    },

    /** A centre across rounds: the operator sees every round, the centre's coordinators closed ones. */
    async centerHistory(actor: Actor, centerId: string) {
      requireUser(actor);
      const center = await network.findCenter(centerId);
      if (!center) throw notFound('centre');
      authorize(canSeeCenterMonitoring(actor, center));
      const operator = isRegionalOperator(actor, center.region_id);
      const rounds = (await repo.roundsOfCenter(centerId)).filter((r) => operator || r.status === 'closed');
      const items = [];
      for (const r of rounds) {
        const d = await detail(r.id);
        const row = d.rows.find((x) => x.center.id === centerId);
        if (row) items.push({ round: d.round, indicators: d.indicators, row, of: d.rows.length });
      }
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
        items,
      };
    },

    async exportRating(
      actor: Actor,
      roundId: string,
      format: ExportFormat,
      context: { requestId?: string } = {},
    ) {
      const { user, regionId } = await operatorRegion(actor);
      const row = await repo.round(roundId);
      if (row?.region_id !== regionId) throw notFound('round');
      const d = await detail(roundId);
      const table = ratingTable(d);
      const now = clock.now();
      const body = format === 'csv' ? toCsv(table) : await toXlsx(table, now);
      await writer.record(db, {
        at: now,
        actorId: user.userId,
        action: 'export.downloaded',
        target: 'monitoring_round',
        targetId: roundId,
        requestId: context.requestId ?? null,
        data: { export: 'monitoring_rating', format, rows: d.rows.length },
      });
      return {
        filename: `dobroset-monitoring-${d.round.year}-h${d.round.half}.${format}`,
        contentType: CONTENT_TYPES[format],
        body,
      };
    },
  };
}
export type MonitoringService = ReturnType<typeof createMonitoringService>;
