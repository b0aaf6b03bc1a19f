/**
 * Demo data, generated deterministically (same seed → same people) and marked `is_demo`, so that
 * `dobroset seed --remove-demo` takes it all away again. Three demo accounts can log in; their
 * passwords are random per installation and returned to be printed once.
 */
import type { Kysely } from 'kysely';
import { prng } from '../lib/prng.js';
import { removeDemoWorkLog, seedDemoWorkLog } from '../modules/monitoring/index.js';
import { seedDemoOpportunities } from '../modules/opportunities/index.js';
import { hashPassword, oneTimePassword } from '../platform/crypto.js';
import type { Database } from '../platform/db/schema.js';
import { removeVolunteerDemo, seedVolunteerDemo } from './volunteers-defaults.js';

const FIRST_F = [
  'Анна',
  'Мария',
  'Елена',
  'Ольга',
  'Дарья',
  'Наталья',
  'Айгуль',
  'Светлана',
  'Алёна',
  'Галина',
  'Зарина',
  'Вера',
];
const FIRST_M = [
  'Иван',
  'Алексей',
  'Дмитрий',
  'Сергей',
  'Артём',
  'Николай',
  'Тимур',
  'Егор',
  'Виктор',
  'Рустам',
  'Пётр',
  'Фёдор',
];
const LAST = [
  'Иванов',
  'Кузнецов',
  'Смирнов',
  'Попов',
  'Соколов',
  'Лебедев',
  'Новиков',
  'Морозов',
  'Волков',
  'Алексеев',
  'Ахметов',
  'Ким',
];
const PROFESSIONS = [
  'студент',
  'школьник',
  'учитель',
  'врач',
  'инженер',
  'шахтёр',
  'библиотекарь',
  'водитель',
  'программист',
  'медсестра',
  'пенсионер',
  'бухгалтер',
  'психолог',
  'юрист',
];

export const DEMO_EMAIL_DOMAIN = 'demo.dobroset.invalid';
export type DemoAccount = { email: string; password: string; role: string };

/** Ages span 14 to 78, so every age group (14–17, 18–35, 36–54, 55+) is present. */
export async function seedDemo(trx: Kysely<Database>, now: Date, seed = 2023): Promise<DemoAccount[]> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const region = await trx
    .selectFrom('regions')
    .select('id')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirstOrThrow();
  const municipalities = await trx
    .selectFrom('municipalities')
    .select(['id', 'slug'])
    .where('region_id', '=', region.id)
    .where('effective_to', 'is', null)
    .orderBy('slug')
    .execute();
  const centers = await trx
    .selectFrom('centers')
    .select(['id'])
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();

  // Partner organizations, named as demo so nobody mistakes them for real ones.
  const kinds = [
    ['Демо-партнёр: предприятие (корпоративное волонтёрство)', 'business'],
    ['Демо-партнёр: некоммерческая организация', 'ngo'],
    ['Демо-партнёр: орган местного самоуправления', 'government'],
  ] as const;
  for (const [i, [name, kind]] of kinds.entries()) {
    await trx
      .insertInto('organizations')
      .values({
        region_id: region.id,
        municipality_id: (municipalities[i * 7] ?? municipalities[0])!.id,
        name,
        kind,
        is_demo: true,
      })
      .execute();
  }

  const accounts: DemoAccount[] = [];
  async function account(
    local: string,
    displayName: string,
    role: 'regional_admin' | 'center_coordinator' | 'volunteer',
  ) {
    const password = oneTimePassword(14);
    const email = `${local}@${DEMO_EMAIL_DOMAIN}`;
    const user = await trx
      .insertInto('users')
      .values({
        email,
        display_name: displayName,
        password_hash: await hashPassword(password),
        email_verified_at: now,
        is_demo: true,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scope =
      role === 'regional_admin'
        ? { scope_type: 'region' as const, scope_id: region.id }
        : role === 'center_coordinator'
          ? { scope_type: 'center' as const, scope_id: centers[0]?.id ?? null }
          : { scope_type: 'self' as const, scope_id: null };
    if (scope.scope_id !== null || scope.scope_type === 'self') {
      await trx
        .insertInto('role_assignments')
        .values({ user_id: user.id, role, ...scope })
        .execute();
    }
    accounts.push({ email, password, role });
    return user.id;
  }
  await account('operator', 'Демо-оператор региона', 'regional_admin');
  await account('coordinator', 'Демо-координатор центра', 'center_coordinator');
  const volunteerId = await account('volunteer', 'Демо-волонтёр', 'volunteer');
  await trx
    .insertInto('volunteer_profiles')
    .values({
      user_id: volunteerId,
      birth_date: '2004-05-12',
      profession: 'студент',
      municipality_id: municipalities[0]?.id ?? null,
      is_demo: true,
    })
    .execute();

  // The 60 volunteers in three statements (one per table); the generator is drawn in the same order as
  // one volunteer at a time, so the same seed still gives the same people.
  const thisYear = now.getUTCFullYear();
  const volunteers = Array.from({ length: 60 }, (_, i) => {
    const female = rnd() < 0.55;
    const last = pick(LAST);
    const name = `${female ? pick(FIRST_F) : pick(FIRST_M)} ${female ? (last.endsWith('Ким') ? last : `${last}а`) : last}`;
    const age =
      i < 8
        ? 14 + (i % 4)
        : i < 30
          ? 18 + Math.floor(rnd() * 18)
          : i < 45
            ? 36 + Math.floor(rnd() * 19)
            : 55 + Math.floor(rnd() * 24);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    return {
      email: `volunteer${String(i + 1).padStart(3, '0')}@${DEMO_EMAIL_DOMAIN}`,
      name,
      birthDate: `${thisYear - age - 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      profession: age < 18 ? 'школьник' : age >= 65 ? 'пенсионер' : pick(PROFESSIONS),
      municipalityId: pick(municipalities).id,
    };
  });
  const users = await trx
    .insertInto('users')
    .values(
      volunteers.map((v) => ({
        email: v.email,
        display_name: v.name,
        email_verified_at: now,
        is_demo: true,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'email'])
    .execute();
  const userId = new Map(users.map((u) => [u.email, u.id]));
  const idOf = (email: string) => userId.get(email) as string;
  await trx
    .insertInto('role_assignments')
    .values(
      volunteers.map((v) => ({
        user_id: idOf(v.email),
        role: 'volunteer' as const,
        scope_type: 'self' as const,
        scope_id: null,
      })),
    )
    .execute();
  await trx
    .insertInto('volunteer_profiles')
    .values(
      volunteers.map((v) => ({
        user_id: idOf(v.email),
        birth_date: v.birthDate,
        profession: v.profession,
        municipality_id: v.municipalityId,
        is_demo: true,
      })),
    )
    .execute();

  await seedDemoOpportunities(trx, now);
  await seedDemoWorkLog(trx, now);
  await seedVolunteerDemo(trx, now);
  return accounts;
}

/** Removes everything marked as demo, children first. Returns the number of demo users removed. */
export async function removeDemo(trx: Kysely<Database>): Promise<number> {
  await removeDemoWorkLog(trx);
  await removeVolunteerDemo(trx);
  await trx.deleteFrom('opportunities').where('is_demo', '=', true).execute();
  await trx.deleteFrom('center_applications').where('is_demo', '=', true).execute();
  await trx.deleteFrom('centers').where('is_demo', '=', true).execute();
  await trx.deleteFrom('organizations').where('is_demo', '=', true).execute();
  await trx.deleteFrom('volunteer_profiles').where('is_demo', '=', true).execute();
  const users = await trx.deleteFrom('users').where('is_demo', '=', true).executeTakeFirst();
  return Number(users.numDeletedRows);
}

export async function hasDemo(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('is_demo', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
