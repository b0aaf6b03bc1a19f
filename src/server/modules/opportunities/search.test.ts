import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpportunityWorld, opportunityWorld } from '../../../../test/support/opportunity-world.js';
import { createAuditWriter } from '../../platform/audit/audit.js';
import { createOpportunitiesRepo } from './opportunities.repo.js';
import { createOpportunitiesService } from './opportunities.service.js';
import { NEAR_ME_RINGS_KM } from './search.repo.js';

let w: OpportunityWorld;
const ids: Record<string, string> = {};
const search = async (query: string, cookie?: string) => {
  const r = await w.t.request('GET', `/api/public/opportunities?${query}`, { cookie });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    items: { id: string; title: string; freePlaces: number; distanceKm: number | null }[];
    total: number;
  };
};
const titles = (r: { items: { title: string }[] }) => r.items.map((i) => i.title);

beforeAll(async () => {
  w = await opportunityWorld();
  // A code of the volunteers' skill vocabulary (its seed is not part of the test database).
  await sql`insert into skills (code, name_ru, name_en) values ('first_aid', 'Первая помощь', 'First aid')
    on conflict do nothing`.execute(w.t.db);
  // Kemerovo ≈ 55.35 N 86.09 E; Novokuznetsk ≈ 53.76 N 87.12 E; Mezhdurechensk ≈ 53.69 N 88.06 E.
  ids.park = await w.opportunity(
    { title: 'Волонтер в парке', description: 'Уборка аллей', category: 'ecology', lat: 55.35, lon: 86.09 },
    { shifts: [{ startsAt: '2026-12-01T03:00:00Z', capacity: 2 }] },
  );
  ids.festival = await w.opportunity(
    {
      title: 'Фестиваль ищет помощников',
      description: 'Нужны волонтёры для навигации гостей',
      category: 'events',
      minAge: 18,
      municipalityId: w.novokuznetsk.id,
      lat: 53.76,
      lon: 87.12,
    },
    { shifts: [{ startsAt: '2026-12-03T03:00:00Z' }, { startsAt: '2026-12-20T03:00:00Z' }] },
  );
  ids.elderly = await w.opportunity(
    {
      title: 'Ёлка для пожилых',
      description: 'Поздравление жителей дома престарелых',
      category: 'elderly',
      requiredSkills: ['first_aid'],
      lat: 53.69,
      lon: 88.06,
    },
    { shifts: [{ startsAt: '2026-12-28T03:00:00Z' }] },
  );
  ids.online = await w.opportunity(
    { title: 'Онлайн-наставничество', category: 'education', isOnline: true },
    { shifts: [{ startsAt: '2026-12-02T10:00:00Z' }] },
  );
  ids.draft = await w.opportunity({ title: 'Черновик волонтеров' }, { publish: false });
  ids.past = await w.opportunity(
    { title: 'Прошедшая акция волонтеров' },
    { shifts: [{ startsAt: '2026-11-01T03:00:00Z' }] },
  );
});
afterAll(async () => {
  await w.t.close();
});

describe('search in Russian', () => {
  it('stems and folds ё: «волонтёры» finds «волонтер» and «волонтер» finds «волонтёры»', async () => {
    expect(titles(await search(`q=${encodeURIComponent('волонтёры')}`)).sort()).toEqual(
      ['Волонтер в парке', 'Фестиваль ищет помощников'].sort(),
    );
    expect(titles(await search(`q=${encodeURIComponent('волонтерам')}`))).toHaveLength(2);
    expect(titles(await search(`q=${encodeURIComponent('елка')}`))).toEqual(['Ёлка для пожилых']);
    expect(titles(await search(`q=${encodeURIComponent('ЁЛКИ')}`))).toEqual(['Ёлка для пожилых']);
  });

  it('finds a renamed opportunity by its new words only, in every order', async () => {
    const id = await w.opportunity(
      { title: 'Покраска забора', description: 'Кисти выдадим', category: 'ecology' },
      { shifts: [{ startsAt: '2026-12-10T03:00:00Z' }] },
    );
    const found = async (q: string, more = '') =>
      titles(await search(`q=${encodeURIComponent(q)}${more}`)).includes('Посадка кедров');
    const renamed = await w.t.request('PATCH', `/api/opportunities/${id}`, {
      cookie: w.cookies.operator,
      body: { title: 'Посадка кедров', description: 'Саженцы привезёт лесхоз' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    for (const more of ['', '&sort=relevance', '&sort=start&limit=1', '&category=ecology']) {
      expect(await found('кедры', more)).toBe(true);
      expect(await found('саженцы лесхоз', more)).toBe(true);
      expect(await found('забор', more)).toBe(false);
    }
    // back to a draft and gone; the words of a draft are not searchable
    await w.t.request('PATCH', `/api/opportunities/${id}`, {
      cookie: w.cookies.operator,
      body: { status: 'draft' },
    });
    expect(await found('кедры')).toBe(false);
    await sql`delete from opportunities where id = ${id}`.execute(w.t.db);
  });

  it('hides drafts and opportunities with no upcoming shift', async () => {
    const all = titles(await search('limit=100'));
    expect(all).not.toContain('Черновик волонтеров');
    expect(all).not.toContain('Прошедшая акция волонтеров');
    expect(all).toEqual([
      'Волонтер в парке',
      'Онлайн-наставничество',
      'Фестиваль ищет помощников',
      'Ёлка для пожилых',
    ]);
  });

  it('filters: municipality, category, skill, date range, age, free places', async () => {
    expect(titles(await search(`municipalityId=${w.novokuznetsk.id}`))).toEqual([
      'Фестиваль ищет помощников',
    ]);
    expect(titles(await search('category=ecology'))).toEqual(['Волонтер в парке']);
    expect(titles(await search('skill=first_aid'))).toEqual(['Ёлка для пожилых']);
    expect(titles(await search('from=2026-12-10&to=2026-12-20'))).toEqual(['Фестиваль ищет помощников']);
    expect(titles(await search('from=2026-12-02&to=2026-12-02'))).toEqual(['Онлайн-наставничество']);
    expect(titles(await search('age=16&limit=100'))).not.toContain('Фестиваль ищет помощников');
    const park = await w.t.request('GET', `/api/public/opportunities/${ids.park}`);
    const shiftId = park.json().opportunity.shifts[0].id;
    await w.confirm(shiftId);
    expect((await search('category=ecology')).items[0]?.freePlaces).toBe(1);
    await w.confirm(shiftId, undefined, 'attended');
    expect(titles(await search('freeOnly=true&limit=100'))).not.toContain('Волонтер в парке');
  });

  it('near me: sorted by distance (online last), limited by radius', async () => {
    const near = await search('lat=53.70&lon=88.00&sort=distance');
    expect(titles(near)).toEqual([
      'Ёлка для пожилых',
      'Фестиваль ищет помощников',
      'Волонтер в парке',
      'Онлайн-наставничество',
    ]);
    expect(near.items[0]?.distanceKm).toBeLessThan(10);
    expect(near.items[3]?.distanceKm).toBeNull();
    expect(titles(await search('lat=53.70&lon=88.00&radiusKm=100'))).toEqual([
      'Фестиваль ищет помощников',
      'Ёлка для пожилых',
    ]);
    const bad = await w.t.request('GET', '/api/public/opportunities?sort=distance');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].code).toBe('point_required');
  });

  it('near me pages one by one agree with the whole list (the growing circles never skip a nearer one)', async () => {
    const all = titles(await search('lat=53.70&lon=88.00&sort=distance&limit=100'));
    expect(all).toHaveLength(4);
    const oneByOne = [];
    for (let offset = 0; offset < all.length; offset++) {
      const page = await search(`lat=53.70&lon=88.00&sort=distance&limit=1&offset=${offset}`);
      expect(page.total).toBe(4);
      oneByOne.push(...titles(page));
    }
    expect(oneByOne).toEqual(all);
    const two = await search('lat=53.70&lon=88.00&sort=distance&limit=2&offset=1&freeOnly=true');
    expect(titles(two)).toEqual(all.filter((t) => titles(two).includes(t)).slice(0, titles(two).length));
  });

  it('pages with a total', async () => {
    const first = await search('limit=2&offset=0');
    const second = await search('limit=2&offset=2');
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect([...titles(first), ...titles(second)]).toEqual(titles(await search('limit=100')));
  });

  it('runs one query for a page with its total, and a count besides only for near me without a radius', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = w.t.db.withPlugin(counter);
    const service = createOpportunitiesService({
      db,
      repo: createOpportunitiesRepo(db),
      clock: w.t.clock,
      audit: createAuditWriter({ clock: w.t.clock }),
    });
    await service.search({ kind: 'anonymous' }, { q: 'волонтёры' }, 'Asia/Novokuznetsk');
    queries = 0;
    const page = await service.search(
      { kind: 'anonymous' },
      { q: 'волонтёры', lat: 55, lon: 86, radiusKm: 1000, sort: 'distance', freeOnly: true, limit: 1 },
      'Asia/Novokuznetsk',
    );
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(queries).toBe(1);
    // past the end: no row, still the total
    queries = 0;
    const beyond = await service.search(
      { kind: 'anonymous' },
      { q: 'волонтёры', offset: 50, limit: 5 },
      'Asia/Novokuznetsk',
    );
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(2); // «Волонтер в парке», «Фестиваль ищет помощников»
    expect(queries).toBe(1);
    // near me without a radius: a page per circle until one is full, then the count (a circle's is not it)
    queries = 0;
    await service.search(
      { kind: 'anonymous' },
      { q: 'волонтёры', lat: 55, lon: 86, sort: 'distance', freeOnly: true, limit: 1 },
      'Asia/Novokuznetsk',
    );
    expect(queries).toBeGreaterThanOrEqual(2);
    expect(queries).toBeLessThanOrEqual(NEAR_ME_RINGS_KM.length + 2);
    queries = 0;
    const all = await service.search(
      { kind: 'anonymous' },
      { q: 'волонтёры', limit: 100 },
      'Asia/Novokuznetsk',
    );
    expect(all.items.length).toBeLessThan(100);
    expect(all.total).toBe(all.items.length);
    expect(all.totalCapped).toBe(false);
    expect(queries).toBe(1);
  });
});
