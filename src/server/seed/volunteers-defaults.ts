/**
 * Reference data of the volunteers feature, loaded by the seed into empty tables (never by the migration,
 * so a restore finds them empty): the skills vocabulary, interest categories and the consent documents
 * (152-FZ: one document per purpose, versioned). Afterwards they belong to the operator. Also the demo
 * additions to the demo volunteers (skills, languages, consents, a squad), removed with the demo data.
 */
import { type Kysely, sql } from 'kysely';
import { isMinorOn } from '../../shared/age.js';
import type { Database } from '../platform/db/schema.js';

export const DEFAULT_SKILLS: [code: string, ru: string, en: string][] = [
  ['first_aid', 'Первая помощь', 'First aid'],
  ['driving', 'Вождение автомобиля', 'Driving'],
  ['cooking', 'Приготовление еды', 'Cooking'],
  ['tutoring', 'Репетиторство', 'Tutoring'],
  ['it_support', 'Компьютерная помощь', 'IT support'],
  ['photo_video', 'Фото и видео', 'Photo and video'],
  ['design', 'Дизайн', 'Design'],
  ['smm', 'Соцсети и тексты', 'Social media and writing'],
  ['event_management', 'Организация мероприятий', 'Event management'],
  ['sign_language', 'Русский жестовый язык', 'Russian sign language'],
  ['translation', 'Перевод', 'Translation'],
  ['elderly_care', 'Помощь пожилым', 'Care for the elderly'],
  ['child_care', 'Работа с детьми', 'Working with children'],
  ['animal_care', 'Уход за животными', 'Animal care'],
  ['construction', 'Ремонт и строительство', 'Repair and construction'],
  ['sewing', 'Шитьё и рукоделие', 'Sewing and crafts'],
  ['psychology', 'Психологическая поддержка', 'Psychological support'],
  ['legal', 'Юридическая помощь', 'Legal help'],
  ['logistics', 'Логистика и склад', 'Logistics and warehouse'],
  ['music', 'Музыка и творчество', 'Music and arts'],
];

export const DEFAULT_INTERESTS: [code: string, ru: string, en: string][] = [
  ['social', 'Социальное', 'Social'],
  [
    'svo_support',
    'Помощь участникам СВО и их семьям (#МЫВМЕСТЕ)',
    'Support for servicemen and families (#МЫВМЕСТЕ)',
  ],
  ['elderly', 'Старшее поколение', 'Older people'],
  ['children', 'Дети и молодёжь', 'Children and youth'],
  ['disability', 'Люди с инвалидностью', 'People with disabilities'],
  ['ecology', 'Экология', 'Environment'],
  ['animals', 'Животные', 'Animals'],
  ['culture', 'Культура и наследие', 'Culture and heritage'],
  ['events', 'Событийное', 'Events'],
  ['sports', 'Спорт', 'Sports'],
  ['healthcare', 'Здравоохранение', 'Healthcare'],
  ['emergency', 'Чрезвычайные ситуации', 'Emergencies'],
  ['urban', 'Городская среда', 'Urban environment'],
  ['education', 'Просвещение', 'Education'],
];

/** Date the separate-consent rule of 152-FZ took effect; the first version of each document. */
export const CONSENT_VERSION = '2025-09-01';
const PUBLISHED = new Date('2025-09-01T00:00:00Z');

type Doc = {
  purpose: Database['consent_documents']['purpose'];
  required: boolean;
  title_ru: string;
  title_en: string;
  text_ru: string;
  text_en: string;
};
export const DEFAULT_CONSENT_DOCUMENTS: Doc[] = [
  {
    purpose: 'volunteering',
    required: true,
    title_ru: 'Согласие на обработку персональных данных для участия в добровольческой деятельности',
    title_en: 'Consent to processing of personal data for volunteering',
    text_ru:
      'Я даю согласие оператору платформы и добровольческим центрам, в которых участвую, на обработку моих ' +
      'персональных данных (ФИО, дата рождения, контакты, муниципалитет, навыки, профессия, языки, ' +
      'доступность, сведения об участии и часах) в целях организации моего участия в добровольческой ' +
      'деятельности (запись на смены, учёт часов, книжка волонтёра) в соответствии с 152-ФЗ и 135-ФЗ. ' +
      'Согласие действует до его отзыва; отозвать его можно в любой момент в личном кабинете.',
    text_en:
      'I consent to the platform operator and the volunteer centres I take part in processing my personal ' +
      'data (name, birth date, contacts, municipality, skills, profession, languages, availability, records ' +
      'of participation and hours) to organise my volunteering (shift signups, hours, volunteer book) under ' +
      'Federal Laws 152-FZ and 135-FZ. The consent lasts until withdrawn; it can be withdrawn at any time.',
  },
  {
    purpose: 'guardian_consent',
    required: false,
    title_ru: 'Согласие законного представителя несовершеннолетнего волонтёра (14–17 лет)',
    title_en: 'Consent of the legal guardian of a minor volunteer (aged 14–17)',
    text_ru:
      'Я, законный представитель, согласен(на) на участие несовершеннолетнего в добровольческой ' +
      'деятельности и на обработку его персональных данных в этих целях. Центр вправе связаться со мной ' +
      'по указанным контактам для подтверждения.',
    text_en:
      'I, the legal guardian, agree to the minor taking part in volunteering and to the processing of their ' +
      'personal data for that purpose. The centre may contact me to confirm.',
  },
  {
    purpose: 'newsletters',
    required: false,
    title_ru: 'Согласие на получение рассылок',
    title_en: 'Consent to newsletters',
    text_ru:
      'Я согласен(на) получать по электронной почте новости центров и подборки добровольческих возможностей. ' +
      'Отказ не влияет на участие в добровольческой деятельности.',
    text_en:
      'I agree to receive centre news and selections of volunteering opportunities by email. Declining does ' +
      'not affect volunteering.',
  },
  {
    purpose: 'publication',
    required: false,
    title_ru: 'Согласие на публикацию имени и фотографий',
    title_en: 'Consent to publication of name and photos',
    text_ru:
      'Я согласен(на) на публикацию моих имени и фотографий с мероприятий на сайте и в социальных сетях ' +
      'центров (персональные данные, разрешённые для распространения). Отказ не влияет на участие.',
    text_en:
      "I agree to the publication of my name and event photos on the centres' website and social media. " +
      'Declining does not affect volunteering.',
  },
  {
    purpose: 'partner_transfer',
    required: false,
    title_ru: 'Согласие на передачу данных партнёрам',
    title_en: 'Consent to transfer of data to partners',
    text_ru:
      'Я согласен(на) на передачу моих имени и контактов партнёрам центра (организаторам мероприятий, ' +
      'транспортным и страховым компаниям) для участия в совместных проектах. Отказ не влияет на участие.',
    text_en:
      'I agree to my name and contacts being passed to the centre’s partners (event organisers, transport and ' +
      'insurance companies) for joint projects. Declining does not affect volunteering.',
  },
];

/** Loads the vocabularies and consent documents where absent. Safe to run on every start. */
export async function seedVolunteerDefaults(trx: Kysely<Database>): Promise<void> {
  const vocab = (rows: [string, string, string][]) =>
    rows.map(([code, name_ru, name_en], i) => ({ code, name_ru, name_en, position: (i + 1) * 10 }));
  await trx
    .insertInto('skills')
    .values(vocab(DEFAULT_SKILLS))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await trx
    .insertInto('interest_categories')
    .values(vocab(DEFAULT_INTERESTS))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await trx
    .insertInto('consent_documents')
    .values(
      DEFAULT_CONSENT_DOCUMENTS.map((d) => ({ ...d, version: CONSENT_VERSION, published_at: PUBLISHED })),
    )
    .onConflict((oc) => oc.columns(['purpose', 'version']).doNothing())
    .execute();
}

/**
 * Fills the demo volunteers' profiles (skills, languages, interests, visibility), records their
 * volunteering consent (and a guardian's for minors), and creates one demo squad in the first active centre.
 */
export async function seedVolunteerDemo(trx: Kysely<Database>, now: Date): Promise<void> {
  const profiles = await trx
    .selectFrom('volunteer_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'p.birth_date', 'u.display_name', 'u.email'])
    .where('p.is_demo', '=', true)
    .orderBy('u.email')
    .execute();
  if (profiles.length === 0) return;
  const today = now.toISOString().slice(0, 10);
  // A handful of statements for all of them (per volunteer, the seed would cost hundreds of round trips).
  const filled = profiles.map((p, i) => ({
    user_id: p.user_id,
    full_name: p.display_name,
    skills: [
      ...new Set([
        DEFAULT_SKILLS[i % DEFAULT_SKILLS.length]![0],
        DEFAULT_SKILLS[(i * 7 + 3) % DEFAULT_SKILLS.length]![0],
      ]),
    ],
    languages: i % 9 === 0 ? ['ru', 'en'] : ['ru'],
    interests: [DEFAULT_INTERESTS[i % DEFAULT_INTERESTS.length]![0]],
  }));
  await sql`update volunteer_profiles as p
    set full_name = v.full_name, skills = v.skills, languages = v.languages, interests = v.interests,
      availability = ${JSON.stringify([{ day: 6, from: '10:00', to: '14:00' }])}::jsonb, updated_at = ${now}
    from jsonb_to_recordset(${JSON.stringify(filled)}::jsonb)
      as v(user_id uuid, full_name text, skills text[], languages text[], interests text[])
    where p.user_id = v.user_id`.execute(trx);
  await trx
    .insertInto('consents')
    .values(
      profiles.map((p) => ({
        user_id: p.user_id,
        purpose: 'volunteering' as const,
        version: CONSENT_VERSION,
        given_at: now,
      })),
    )
    .execute();
  const minors = profiles.filter((p) => p.birth_date && isMinorOn(p.birth_date, today));
  if (minors.length > 0) {
    const guardianConsents = await trx
      .insertInto('consents')
      .values(
        minors.map((p) => ({
          user_id: p.user_id,
          purpose: 'guardian_consent' as const,
          version: CONSENT_VERSION,
          given_at: now,
        })),
      )
      .returning('id')
      .execute();
    await trx
      .insertInto('guardian_consents')
      .values(
        guardianConsents.map((g) => ({
          consent_id: g.id,
          guardian_name: 'Демо-родитель',
          guardian_contact: '+7 900 000-00-00',
          relation: 'parent' as const,
        })),
      )
      .execute();
  }
  const center = await trx
    .selectFrom('centers')
    .select('id')
    .where('status', '=', 'active')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  if (!center) return;
  const squad = await trx
    .insertInto('squads')
    .values({
      center_id: center.id,
      name: 'Демо-отряд «Мы вместе»',
      focus: 'Помощь семьям участников СВО',
      tags: ['#МЫВМЕСТЕ'],
      invite_code: 'DEMO2026',
      is_demo: true,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!squad) return;
  // The demo volunteer account leads the squad, so the demo shows a leader's view.
  const leader = profiles.find((p) => p.email.startsWith('volunteer@'));
  const members = [...(leader ? [leader] : []), ...profiles.filter((p) => p !== leader).slice(0, 7)];
  if (leader) {
    await sql`insert into role_assignments (user_id, role, scope_type, scope_id)
      values (${leader.user_id}, 'squad_leader', 'squad', ${squad.id})`.execute(trx);
  }
  await trx
    .insertInto('squad_members')
    .values(
      members.map((p, i) => ({
        squad_id: squad.id,
        user_id: p.user_id,
        status: i === 7 ? ('requested' as const) : ('active' as const),
        joined_via: i === 7 ? ('request' as const) : ('code' as const),
        requested_at: now,
        decided_at: i === 7 ? null : now,
      })),
    )
    .execute();
}

/** Removes the demo squads (demo users' memberships and consents go with the users). */
export async function removeVolunteerDemo(trx: Kysely<Database>): Promise<void> {
  await trx.deleteFrom('squads').where('is_demo', '=', true).execute();
}
