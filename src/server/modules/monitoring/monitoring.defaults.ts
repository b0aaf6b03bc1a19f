/**
 * The six national indicators of «Добро.Центр» monitoring and the default colour-zone thresholds. Loaded into
 * `monitoring_indicators` on first use (the operator may later change maxima and weights there); each round
 * keeps its own copy, so a closed round never changes.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { createMonitoringRepo } from './monitoring.repo.js';
import type { MonitoringIndicatorsTable } from './monitoring.tables.js';

export const DEFAULT_INDICATORS: Insertable<MonitoringIndicatorsTable>[] = [
  {
    code: 'infrastructure',
    name_ru: 'Инфраструктура и работа с местным сообществом',
    name_en: 'Infrastructure and work with the local community',
    max_score: 20,
    weight: 1,
    method: 'infrastructure',
    position: 10,
  },
  {
    code: 'services',
    name_ru: 'Оказание услуг благополучателям',
    name_en: 'Services to beneficiaries',
    max_score: 20,
    weight: 1,
    method: 'services',
    position: 20,
  },
  {
    code: 'association',
    name_ru: 'Взаимодействие с Национальной ассоциацией',
    name_en: 'Interaction with the national association',
    max_score: 15,
    weight: 1,
    method: 'entered',
    position: 30,
  },
  {
    code: 'priority_goals',
    name_ru: 'Участие в приоритетных целях Ассоциации',
    name_en: "Participation in the association's priority goals",
    max_score: 15,
    weight: 1,
    method: 'entered',
    position: 40,
  },
  {
    code: 'information',
    name_ru: 'Информационная активность',
    name_en: 'Information activity',
    max_score: 15,
    weight: 1,
    method: 'information',
    position: 50,
  },
  {
    code: 'franchise',
    name_ru: 'Вклад в развитие франшизы',
    name_en: 'Contribution to the franchise',
    max_score: 15,
    weight: 1,
    method: 'entered',
    position: 60,
  },
];

/** Percent of the weighted maximum from which a centre is in the green / yellow zone (else red). */
export const DEFAULT_THRESHOLDS = { greenFrom: 80, yellowFrom: 50 } as const;

/** Loads the default indicators into an empty table; returns whether it did. */
export const ensureDefaultIndicators = (trx: Kysely<Database>): Promise<boolean> =>
  createMonitoringRepo(trx).loadIndicatorsIfEmpty(DEFAULT_INDICATORS);
