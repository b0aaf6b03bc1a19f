/**
 * Demo work-log entries for the seeded active centres (the last year and a half) and one past, closed
 * monitoring round, generated deterministically and marked `is_demo`, so the pages show something on
 * `npm start` and `dobroset seed --remove-demo` takes it all away again.
 */
import type { Kysely } from 'kysely';
import { localDay } from '../../../shared/time-zone.js';
import { prng } from '../../lib/prng.js';
import type { Database } from '../../platform/db/schema.js';
import { DEFAULT_THRESHOLDS, ensureDefaultIndicators } from './monitoring.defaults.js';
import { createMonitoringRepo } from './monitoring.repo.js';
import { computeScores, halfYear, type KindCounts } from './monitoring.scoring.js';
import type { AudienceColumn, WorkLogKindColumn } from './monitoring.tables.js';
import { createWorkLogRepo } from './worklog.repo.js';

const TITLES: Record<WorkLogKindColumn, readonly string[]> = {
  consultation: [
    'Консультация по регистрации на DOBRO.RF',
    'Консультация по подготовке заявки на грант',
    'Консультация по организации добровольческой акции',
  ],
  training: [
    'Школа волонтёра: вводный модуль',
    'Мастер-класс «Волонтёрство в #МЫВМЕСТЕ»',
    'Тренинг по первой помощи',
  ],
  coworking: ['Бронирование зала для встречи инициативной группы', 'Коворкинг для волонтёрского штаба'],
  help_desk: ['Обработаны заявки о помощи семьям участников СВО', 'Обработаны заявки пожилых жителей'],
  event: ['Форум добровольцев муниципалитета', 'Экологический субботник', 'Сбор гуманитарной помощи'],
  publication: ['Публикация в местной газете', 'Сюжет на городском телевидении', 'Пост о работе центра в ВК'],
};
const KINDS = Object.keys(TITLES) as WorkLogKindColumn[];
const AUDIENCES: AudienceColumn[] = ['volunteers', 'activists', 'ngos'];

/** The newest half-year that has fully ended before `day`. */
export function lastEndedHalf(day: string): { year: number; half: 1 | 2 } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m >= 7 ? { year: y, half: 1 } : { year: y - 1, half: 2 };
}

export async function seedDemoWorkLog(trx: Kysely<Database>, now: Date, seed = 2025): Promise<void> {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const region = await trx
    .selectFrom('regions')
    .select(['id', 'timezone'])
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (!region) return;
  const centers = await trx
    .selectFrom('centers as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['c.id', 'c.opened_on'])
    .where('o.region_id', '=', region.id)
    .where('c.status', '=', 'active')
    .orderBy('c.name')
    .execute();
  if (centers.length === 0) return;
  const people = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('is_demo', '=', true)
    .where('email', 'like', '%r@demo.dobroset.invalid')
    .execute();
  const operatorId = people.find((p) => p.email.startsWith('operator@'))?.id ?? null;
  const coordinatorId = people.find((p) => p.email.startsWith('coordinator@'))?.id ?? null;

  const today = localDay(now, region.timezone);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const rows = [];
  for (const [i, center] of centers.entries()) {
    // Busier and quieter centres, so the rating has all three zones.
    const activity = [1, 0.9, 0.75, 0.6, 0.5, 0.4, 0.3, 0.2, 0.15][i % 9] as number;
    for (let daysAgo = 540; daysAgo >= 1; daysAgo -= int(4, 12)) {
      if (rnd() > activity) continue;
      const occurredOn = new Date(todayMs - daysAgo * 86_400_000).toISOString().slice(0, 10);
      if (center.opened_on && occurredOn < center.opened_on) continue;
      const kind = KINDS[int(0, KINDS.length - 1)] as WorkLogKindColumn;
      const titles = TITLES[kind];
      rows.push({
        center_id: center.id,
        kind,
        audience: kind === 'consultation' ? (AUDIENCES[int(0, 2)] as AudienceColumn) : null,
        occurred_on: occurredOn,
        title: titles[int(0, titles.length - 1)] as string,
        quantity: kind === 'publication' ? 1 : int(1, kind === 'help_desk' ? 12 : 5),
        people_reached: kind === 'publication' ? null : int(3, 60),
        link: kind === 'publication' ? `https://example.ru/dobro/${i + 1}-${daysAgo}` : null,
        note: null,
        author_id: i === 0 ? coordinatorId : operatorId,
        created_at: now,
        is_demo: true,
      });
    }
  }
  const workLog = createWorkLogRepo(trx);
  for (let k = 0; k < rows.length; k += 200) {
    await trx
      .insertInto('work_log_entries')
      .values(rows.slice(k, k + 200))
      .execute();
  }

  // One past round, closed: computed scores from the entries above, entered ones generated.
  await ensureDefaultIndicators(trx);
  const { year, half } = lastEndedHalf(today);
  const period = halfYear(year, half);
  const repo = createMonitoringRepo(trx);
  if (await repo.findRound(region.id, year, half)) return;
  const { id: roundId } = await repo.insertRound(
    {
      region_id: region.id,
      year,
      half,
      period_start: period.start,
      period_end: period.end,
      green_from: DEFAULT_THRESHOLDS.greenFrom,
      yellow_from: DEFAULT_THRESHOLDS.yellowFrom,
      opened_by: operatorId,
      opened_at: new Date(now.getTime() - 30 * 86_400_000),
      is_demo: true,
    },
    trx,
  );
  await repo.snapshotRound(roundId, region.id, trx);
  const indicators = (await repo.roundIndicators(roundId, trx)).map((i) => ({
    code: i.code,
    method: i.method,
    maxScore: Number(i.max_score),
    weight: Number(i.weight),
  }));
  const counts = new Map<string, KindCounts>(centers.map((c) => [c.id, {}]));
  for (const r of await workLog.countsByCenter(
    centers.map((c) => c.id),
    period.start,
    period.end,
    trx,
  )) {
    const c = counts.get(r.center_id);
    if (c) c[r.kind] = r.quantity;
  }
  const computed = computeScores(indicators, counts);
  const at = new Date(now.getTime() - 7 * 86_400_000);
  for (const [i, center] of centers.entries()) {
    for (const indicator of indicators) {
      const c = computed.get(center.id)?.get(indicator.code);
      const share = Math.max(0.1, 1 - i * 0.11 - rnd() * 0.1);
      await trx
        .insertInto('monitoring_scores')
        .values({
          round_id: roundId,
          center_id: center.id,
          indicator_code: indicator.code,
          computed: c ? c.computed : null,
          computed_basis: c ? c.basis : null,
          entered: c ? null : Math.round(indicator.maxScore * share),
          comment: null,
          entered_by: c ? null : operatorId,
          entered_at: c ? null : at,
        })
        .execute();
    }
  }
  await repo.close(roundId, operatorId, at, trx);
}

/** Removes the demo entries and rounds (and anything tied to demo centres), before demo users go. */
export async function removeDemoWorkLog(trx: Kysely<Database>): Promise<void> {
  const demoCenters = trx.selectFrom('centers').select('id').where('is_demo', '=', true);
  await trx.deleteFrom('monitoring_rounds').where('is_demo', '=', true).execute();
  await trx.deleteFrom('monitoring_round_centers').where('center_id', 'in', demoCenters).execute();
  await trx
    .deleteFrom('work_log_entries')
    .where((eb) => eb.or([eb('is_demo', '=', true), eb('center_id', 'in', demoCenters)]))
    .execute();
}
