/** A round's rating as the API shows it: live computed scores while open, the frozen ones once closed. */
import type { Kysely } from 'kysely';
import type { RatingRow, RoundDetail } from '../../../shared/contracts/monitoring.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { toIndicatorView, toRoundView } from './monitoring.presenter.js';
import type { MonitoringRepo } from './monitoring.repo.js';
import { computeScores, finalScore, type KindCounts, rate } from './monitoring.scoring.js';
import type { WorkLogRepo } from './worklog.repo.js';

type Db = Kysely<Database>;
const num = (v: string | null) => (v === null ? null : Number(v));

/** The rating of a round: live computed scores while open, the frozen ones once closed. */
export async function readRound(
  repo: MonitoringRepo,
  workLog: WorkLogRepo,
  roundId: string,
  trx: Db,
): Promise<RoundDetail> {
  const round = await repo.round(roundId, trx);
  if (!round) throw notFound('round');
  const indicators = (await repo.roundIndicators(roundId, trx)).map(toIndicatorView);
  const collator = new Intl.Collator('ru');
  const centers = (await repo.roundCenters(roundId, trx)).sort((a, b) => collator.compare(a.name, b.name));
  const stored = await repo.scores(roundId, trx);
  const key = (centerId: string, code: string) => `${centerId}/${code}`;
  const storedBy = new Map(stored.map((s) => [key(s.center_id, s.indicator_code), s]));

  let live = new Map<string, Map<string, { computed: number; basis: number }>>();
  if (round.status === 'open') {
    const counts = new Map<string, KindCounts>(centers.map((c) => [c.id, {}]));
    const rows = await workLog.countsByCenter(
      centers.map((c) => c.id),
      round.period_start,
      round.period_end,
      trx,
    );
    for (const r of rows) {
      const c = counts.get(r.center_id);
      if (c) c[r.kind] = r.quantity;
    }
    live = computeScores(indicators, counts);
  }

  const sheets = centers.map((c) => {
    const scores = indicators.map((i) => {
      const s = storedBy.get(key(c.id, i.code));
      const computedLive = live.get(c.id)?.get(i.code);
      const computed =
        i.method === 'entered'
          ? null
          : round.status === 'open'
            ? (computedLive?.computed ?? 0)
            : num(s?.computed ?? null);
      const basis =
        i.method === 'entered'
          ? null
          : round.status === 'open'
            ? (computedLive?.basis ?? 0)
            : (s?.computed_basis ?? null);
      const entered = num(s?.entered ?? null);
      return {
        indicator: i.code,
        computed,
        basis,
        entered,
        comment: entered === null ? null : (s?.comment ?? null),
        enteredBy:
          entered !== null && s?.entered_by
            ? { id: s.entered_by, displayName: s.entered_by_name ?? '' }
            : null,
        enteredAt: entered !== null && s?.entered_at ? s.entered_at.toISOString() : null,
        final: finalScore({ computed, entered }),
      };
    });
    return {
      center: {
        id: c.id,
        name: c.name,
        municipality: {
          id: c.municipality_id,
          nameRu: c.municipality_name_ru,
          nameEn: c.municipality_name_en,
        },
      },
      scores,
      finals: new Map(scores.map((s) => [s.indicator, s.final])),
    };
  });
  const thresholds = { greenFrom: Number(round.green_from), yellowFrom: Number(round.yellow_from) };
  const rows: RatingRow[] = rate(indicators, sheets, thresholds).map(({ finals: _f, ...r }) => r);
  return { round: toRoundView(round), indicators, rows };
}
