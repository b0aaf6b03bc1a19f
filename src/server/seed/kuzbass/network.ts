/**
 * The Kuzbass network as the source document (regional news, 28 Aug 2023) states it. The source names
 * no organizations and does not say how the 9 split across the 6 cities, so organizations are seeded as
 * clearly marked placeholders for the operator to rename, one per city and the rest in the two largest.
 */
export const KUZBASS_REGION = {
  slug: 'kuzbass',
  name_ru: 'Кемеровская область — Кузбасс',
  name_en: 'Kemerovo Oblast — Kuzbass',
  timezone: 'Asia/Novokuznetsk',
  population: 2_600_923,
  program_since: 2021,
};

/** Municipality slug per operating centre (9 organizations in Белово, Калтан, Кемерово, Мариинск, Новокузнецк, Юрга). */
export const OPERATING_CENTERS = [
  'kemerovo',
  'kemerovo',
  'kemerovo',
  'novokuznetsk',
  'novokuznetsk',
  'belovo',
  'kaltan',
  'mariinsky-mo',
  'yurga',
] as const;

/** 4 organizations in Кемерово, Ленинск-Кузнецкий, Юрга at the final stage of documents for status. */
export const APPLICANTS = ['kemerovo', 'kemerovo', 'leninsk-kuznetsky', 'yurga'] as const;

export const CITY_NAMES: Record<string, string> = {
  kemerovo: 'Кемерово',
  novokuznetsk: 'Новокузнецк',
  belovo: 'Белово',
  kaltan: 'Калтан',
  'mariinsky-mo': 'Мариинск',
  yurga: 'Юрга',
  'leninsk-kuznetsky': 'Ленинск-Кузнецкий',
};

export const ROLLOUT_TARGETS = [
  {
    kind: 'active_centers' as const,
    due_date: '2024-12-31',
    target: 18,
    note: '18 центров к концу 2024 года',
  },
  { kind: 'active_centers' as const, due_date: '2025-12-31', target: 22, note: 'ещё 4 центра в 2025 году' },
  {
    kind: 'municipal_coverage' as const,
    due_date: '2025-12-31',
    target: 34,
    note: 'центр в каждом муниципалитете к концу 2025 года',
  },
];

/**
 * Municipal history known at seeding: Таштагольский was a municipal district until 2025-04-23 and is a
 * municipal okrug since. The okrug row is the successor of the district row, and the conversion is
 * recorded as a municipal change with its lineage, as the operator would record it.
 */
export const HISTORY = [
  {
    slug: 'tashtagolsky-md',
    successor: 'tashtagolsky-mo',
    name_ru: 'Таштагольский муниципальный район',
    name_en: 'Tashtagol Municipal District',
    kind: 'municipal_district' as const,
    effective_to: '2025-04-23',
    change: 'conversion' as const,
    comment: 'Таштагольский муниципальный район преобразован в Таштагольский муниципальный округ',
  },
];
