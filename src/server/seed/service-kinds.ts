/** The default services of a «Добро.Центр» (national practice); the operator can extend or retire them. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

export const DEFAULT_SERVICE_KINDS = [
  { code: 'consultations', name_ru: 'Консультации', name_en: 'Consultations', position: 10 },
  { code: 'training', name_ru: 'Обучение', name_en: 'Training', position: 20 },
  {
    code: 'volunteer_support',
    name_ru: 'Привлечение и сопровождение добровольцев',
    name_en: 'Recruiting and supporting volunteers',
    position: 30,
  },
  {
    code: 'coworking',
    name_ru: 'Коворкинг и инфраструктура для инициатив',
    name_en: 'Coworking and infrastructure for initiatives',
    position: 40,
  },
  { code: 'ngo_support', name_ru: 'Поддержка НКО', name_en: 'Support to NGOs', position: 50 },
  { code: 'help_desk', name_ru: 'Приём заявок о помощи', name_en: 'Help-request desk', position: 60 },
];

/** Loads the defaults into an empty vocabulary; returns whether it did. */
export async function seedServiceKinds(trx: Kysely<Database>): Promise<boolean> {
  const existing = await trx.selectFrom('center_service_kinds').select('code').limit(1).executeTakeFirst();
  if (existing) return false;
  await trx.insertInto('center_service_kinds').values(DEFAULT_SERVICE_KINDS).execute();
  return true;
}
