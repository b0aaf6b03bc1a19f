/** Reference data (opportunity categories) and the demo opportunities with their shifts. */
import type { Kysely } from 'kysely';
import { localDay } from '../../../shared/time-zone.js';
import type { Database } from '../../platform/db/schema.js';
import { expand } from './recurrence.js';

const CATEGORIES: [code: string, ru: string, en: string][] = [
  ['social', 'Социальная помощь', 'Social support'],
  ['elderly', 'Помощь старшему поколению', 'Older people'],
  ['children', 'Дети и молодёжь', 'Children and youth'],
  ['svo_support', 'Поддержка участников СВО и их семей (#МЫВМЕСТЕ)', 'Support for servicemen and families'],
  ['ecology', 'Экология', 'Environment'],
  ['animals', 'Помощь животным', 'Animals'],
  ['culture', 'Культура и искусство', 'Culture and arts'],
  ['events', 'Событийное волонтёрство', 'Events'],
  ['sport', 'Спорт', 'Sport'],
  ['health', 'Здоровье и донорство', 'Health and blood donation'],
  ['education', 'Образование и наставничество', 'Education and mentoring'],
  ['emergency', 'Чрезвычайные ситуации', 'Emergencies'],
  ['urban', 'Городская среда', 'Urban environment'],
  ['digital', 'Цифровое и онлайн-волонтёрство', 'Digital and online'],
];

/** Inserts missing categories; existing ones (maybe renamed by the operator) are left alone. */
export async function seedOpportunityCategories(trx: Kysely<Database>): Promise<void> {
  await trx
    .insertInto('opportunity_categories')
    .values(
      CATEGORIES.map(([code, name_ru, name_en], i) => ({ code, name_ru, name_en, sort_order: (i + 1) * 10 })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

const DEMO: {
  title: string;
  category: string;
  minAge: number | null;
  description: string;
  online?: boolean;
}[] = [
  {
    title: 'Помощь семьям участников СВО (#МЫВМЕСТЕ): сбор гуманитарной помощи',
    category: 'svo_support',
    minAge: 16,
    description: 'Приём, сортировка и упаковка гуманитарной помощи на пункте сбора.',
  },
  {
    title: 'Сопровождение пожилых людей в поликлинику',
    category: 'elderly',
    minAge: 18,
    description: 'Волонтёры встречают пожилых людей дома и помогают дойти до поликлиники и обратно.',
  },
  {
    title: 'Экологический субботник в городском парке',
    category: 'ecology',
    minAge: null,
    description: 'Уборка территории парка, посадка деревьев. Перчатки и мешки выдаём.',
  },
  {
    title: 'Чтения для детей в библиотеке',
    category: 'children',
    minAge: 14,
    description: 'Громкие чтения и настольные игры для детей 6–10 лет по субботам.',
  },
  {
    title: 'Плетение маскировочных сетей',
    category: 'svo_support',
    minAge: 14,
    description: 'Плетём сети вместе; научим на месте. Еженедельно по средам.',
  },
  {
    title: 'Волонтёры на городском фестивале',
    category: 'events',
    minAge: 16,
    description: 'Навигация гостей, регистрация участников, помощь организаторам фестиваля.',
  },
];

/**
 * The six demo opportunities: published, placed at their centre, each with a few one-off shifts; the
 * library readings and the net-weaving run as weekly series for eight weeks.
 */
export async function seedDemoOpportunities(trx: Kysely<Database>, now: Date): Promise<void> {
  await seedOpportunityCategories(trx);
  const centers = await trx
    .selectFrom('centers as c')
    .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
    .innerJoin('regions as r', 'r.id', 'm.region_id')
    .select([
      'c.id',
      'c.municipality_id',
      'c.address',
      'c.lat',
      'c.lon',
      'm.lat as m_lat',
      'm.lon as m_lon',
      'r.timezone',
    ])
    .where('c.status', '=', 'active')
    .orderBy('c.name')
    .execute();
  for (const [i, d] of DEMO.entries()) {
    const center = centers[i % Math.max(centers.length, 1)];
    if (!center) break;
    const lat = center.lat ?? center.m_lat;
    const lon = center.lon ?? center.m_lon;
    const opportunity = await trx
      .insertInto('opportunities')
      .values({
        center_id: center.id,
        title: d.title,
        description: `${d.description}\n\nДемонстрационная возможность: создана вместе с демо-данными и будет удалена с ними.`,
        status: 'published',
        category: d.category,
        min_age: d.minAge,
        municipality_id: center.municipality_id,
        address: center.address,
        lat,
        lon,
        contact: 'Координатор центра, через форму на сайте',
        is_demo: true,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const today = localDay(now, center.timezone);
    if (i === 3 || i === 4) {
      const until = new Date(Date.parse(`${today}T00:00:00Z`) + 56 * 86_400_000).toISOString().slice(0, 10);
      const rule = {
        frequency: 'weekly' as const,
        interval: 1,
        weekdays: [i === 3 ? 6 : 3],
        monthDay: null,
        startsOn: today,
        until,
        startTime: i === 3 ? '11:00' : '17:00',
        durationMinutes: 120,
        timeZone: center.timezone,
      };
      const series = await trx
        .insertInto('shift_series')
        .values({
          opportunity_id: opportunity.id,
          frequency: 'weekly',
          weekdays: rule.weekdays,
          starts_on: rule.startsOn,
          until: rule.until,
          start_time: rule.startTime,
          duration_minutes: rule.durationMinutes,
          capacity: 8,
          time_zone: rule.timeZone,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const occurrences = expand(rule).filter((o) => o.startsAt > now);
      if (occurrences.length)
        await trx
          .insertInto('shifts')
          .values(
            occurrences.map((o) => ({
              opportunity_id: opportunity.id,
              series_id: series.id,
              occurrence_date: o.date,
              starts_at: o.startsAt,
              ends_at: o.endsAt,
              capacity: 8,
              is_demo: true,
            })),
          )
          .execute();
      continue;
    }
    for (let k = 0; k < 3; k++) {
      const start = new Date(now.getTime() + (i + 2 + k * 7) * 86_400_000);
      start.setUTCHours(3, 0, 0, 0);
      const shift = await trx
        .insertInto('shifts')
        .values({
          opportunity_id: opportunity.id,
          starts_at: start,
          ends_at: new Date(start.getTime() + 3 * 3_600_000),
          capacity: 10 + i * 2,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (i === 5)
        await trx
          .insertInto('shift_roles')
          .values([
            { shift_id: shift.id, name: 'Навигация', capacity: 6 },
            { shift_id: shift.id, name: 'Регистрация', capacity: 4 },
          ])
          .execute();
    }
  }
}
