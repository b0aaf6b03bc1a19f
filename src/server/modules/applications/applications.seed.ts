/**
 * Default stages (national practice of the «Добро.Центр» programme) and the default document checklist.
 * Loaded by the seed into empty tables; afterwards they belong to the operator (rename, reorder, typical
 * days, add or retire review stages and document kinds).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export const DEFAULT_STAGES = [
  { code: 'draft', name_ru: 'Черновик', name_en: 'Draft', position: 0, typical_days: 0, is_system: true },
  {
    code: 'submitted',
    name_ru: 'Подана',
    name_en: 'Submitted',
    position: 10,
    typical_days: 14,
    is_system: true,
  },
  {
    code: 'interview_and_documents',
    name_ru: 'Собеседование и документы',
    name_en: 'Interview and documents',
    position: 20,
    typical_days: 30,
    is_system: false,
  },
  {
    code: 'acceleration',
    name_ru: 'Акселерация',
    name_en: 'Acceleration',
    position: 30,
    typical_days: 60,
    is_system: false,
  },
  {
    code: 'licence_agreement',
    name_ru: 'Лицензионный договор',
    name_en: 'Licence agreement',
    position: 40,
    typical_days: 30,
    is_system: false,
  },
  {
    code: 'preparation',
    name_ru: 'Подготовка к открытию',
    name_en: 'Preparation for opening',
    position: 50,
    typical_days: 45,
    is_system: false,
  },
  {
    code: 'opened',
    name_ru: 'Центр открыт',
    name_en: 'Opened',
    position: 1000,
    typical_days: 0,
    is_system: true,
  },
  {
    code: 'changes_requested',
    name_ru: 'На доработке',
    name_en: 'Changes requested',
    position: 2000,
    typical_days: 14,
    is_system: true,
  },
  {
    code: 'rejected',
    name_ru: 'Отказано',
    name_en: 'Rejected',
    position: 2010,
    typical_days: 0,
    is_system: true,
  },
  {
    code: 'withdrawn',
    name_ru: 'Отозвана',
    name_en: 'Withdrawn',
    position: 2020,
    typical_days: 0,
    is_system: true,
  },
];

export const DEFAULT_DOCUMENT_KINDS = [
  {
    code: 'charter',
    name_ru: 'Устав организации',
    name_en: "Organization's charter",
    description: 'Действующая редакция устава базовой организации',
    required: true,
    needed_by_stage: 'submitted',
    position: 10,
  },
  {
    code: 'head_appointment',
    name_ru: 'Приказ о назначении руководителя центра',
    name_en: 'Order appointing the head of the centre',
    description: null,
    required: true,
    needed_by_stage: 'submitted',
    position: 20,
  },
  {
    code: 'premises',
    name_ru: 'Подтверждение помещения',
    name_en: 'Premises confirmation',
    description: 'Договор аренды или безвозмездного пользования, выписка о праве на помещение',
    required: true,
    needed_by_stage: 'interview_and_documents',
    position: 30,
  },
  {
    code: 'development_plan',
    name_ru: 'План развития центра',
    name_en: 'Development plan of the centre',
    description: null,
    required: true,
    needed_by_stage: 'acceleration',
    position: 40,
  },
  {
    code: 'licence_agreement',
    name_ru: 'Подписанный лицензионный договор',
    name_en: 'Signed licence agreement',
    description: null,
    required: true,
    needed_by_stage: 'licence_agreement',
    position: 50,
  },
];

/** Loads the default stages and document kinds into empty tables; returns whether it did anything. */
export async function seedApplicationDefaults(trx: Kysely<Database>): Promise<boolean> {
  let changed = false;
  const stage = await trx.selectFrom('application_stages').select('code').limit(1).executeTakeFirst();
  if (!stage) {
    await trx.insertInto('application_stages').values(DEFAULT_STAGES).execute();
    changed = true;
  }
  const kind = await trx.selectFrom('application_document_kinds').select('code').limit(1).executeTakeFirst();
  if (!kind) {
    await trx.insertInto('application_document_kinds').values(DEFAULT_DOCUMENT_KINDS).execute();
    changed = true;
  }
  return changed;
}
