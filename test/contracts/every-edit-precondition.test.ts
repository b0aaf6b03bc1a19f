/**
 * Every editable record guards against lost updates. Table-driven over the endpoint table: each PATCH/PUT
 * endpoint must have a scenario here (a new one fails the first test until it gets one), and each must
 * expose the record's version, accept an edit with the current If-Match (answering the new ETag) and refuse
 * the same edit from the old version with 412 `edit_conflict`, changing nothing.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedApplicationDefaults } from '../../src/server/modules/applications/index.js';
import { seedOpportunityCategories } from '../../src/server/modules/opportunities/index.js';
import { seedServiceKinds } from '../../src/server/seed/service-kinds.js';
import { endpoints } from '../../src/shared/contracts/endpoints.js';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../support/app.js';
import {
  buildCenter,
  buildMunicipality,
  buildOrganization,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../support/factories.js';

type Edit = {
  cookie: string;
  params: Record<string, string>;
  /** Two different valid edits: the first is sent with the current version, the second with the old one. */
  bodies: [unknown, unknown];
  /** The record's version as the API shows it (GET, or the list the edit form reads). */
  version(): Promise<number>;
};
type Scenario = () => Promise<Edit>;

let t: TestPlatform;
let w: Awaited<ReturnType<typeof world>>;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const json = async (res: Promise<LightMyRequestResponse>) => {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
  return r.json();
};
const get = (url: string, cookie?: string) => json(t.request('GET', url, { cookie }));
const post = (url: string, body: unknown, cookie: string) => json(t.request('POST', url, { body, cookie }));
const fill = (path: string, params: Record<string, string>) =>
  path.replace(/:([A-Za-z]+)/g, (_, k: string) => params[k] as string);

async function world() {
  await seedServiceKinds(t.db);
  await seedApplicationDefaults(t.db);
  await seedOpportunityCategories(t.db);
  const region = await buildRegion(t.db);
  const municipality = await buildMunicipality(t.db, { regionId: region.id });
  const organization = await buildOrganization(t.db, { municipalityId: municipality.id });
  const center = await buildCenter(t.db, { municipalityId: municipality.id });
  await t.db.updateTable('centers').set({ opened_on: '2024-03-01' }).where('id', '=', center.id).execute();
  const operatorUser = await buildUser(t.db, { role: 'regional_admin', scopeId: region.id });
  const coordinatorUser = await buildUser(t.db, { role: 'center_coordinator', scopeId: center.id });
  const representative = await buildUser(t.db, { role: 'org_representative', scopeId: organization.id });
  const volunteer = await buildUser(t.db, { role: 'volunteer' });
  return {
    region,
    municipality,
    organization,
    center,
    operator: await login(operatorUser.email),
    coordinator: await login(coordinatorUser.email),
    representative: await login(representative.email),
    volunteer: await login(volunteer.email),
  };
}

async function draftOpportunity() {
  const { opportunity } = await post(
    `/api/centers/${w.center.id}/opportunities`,
    { title: 'Субботник', description: 'Уборка парка' },
    w.coordinator,
  );
  return opportunity.id as string;
}
const opportunityOf = async (id: string) =>
  (await get(`/api/public/opportunities/${id}`, w.coordinator)).opportunity;

const series = (capacity: number) => ({
  frequency: 'weekly',
  weekdays: [6],
  startsOn: '2026-12-05',
  until: '2027-01-30',
  startTime: '10:00',
  durationMinutes: 180,
  capacity,
});

const profile = (about: string) => ({
  fullName: 'Иван Волонтёров',
  birthDate: '1990-05-01',
  profession: null,
  skills: [],
  skillTags: [],
  languages: [],
  municipalityId: null,
  homeCenterId: null,
  homePoint: null,
  availability: [],
  interests: [],
  about,
  visibleFields: [],
});

const application = async () => {
  const { application: a } = await post(
    '/api/applications',
    { organizationId: w.organization.id, municipalityId: w.municipality.id, proposedName: 'Добро.Центр' },
    w.representative,
  );
  return a.id as string;
};

const inList = async (url: string, cookie: string, match: (item: Record<string, unknown>) => boolean) =>
  ((await get(url, cookie)).items as Record<string, unknown>[]).find(match)?.version as number;

const SCENARIOS: Record<string, Scenario> = {
  updateMe: async () => ({
    cookie: w.volunteer,
    params: {},
    bodies: [{ displayName: 'Иван Первый' }, { displayName: 'Иван Второй' }],
    version: async () => (await get('/api/me', w.volunteer)).user.version,
  }),
  updateOrganization: async () => ({
    cookie: w.operator,
    params: { id: w.organization.id },
    bodies: [{ address: 'ул. Первая, 1' }, { address: 'ул. Вторая, 2' }],
    version: async () =>
      (await get(`/api/organizations/${w.organization.id}`, w.operator)).organization.version,
  }),
  updateCenterProfile: async () => ({
    cookie: w.coordinator,
    params: { id: w.center.id },
    bodies: [{ openingHours: 'Пн–Пт 9–18' }, { openingHours: 'Сб 10–14' }],
    version: async () => (await get(`/api/public/centers/${w.center.id}`)).center.version,
  }),
  correctWorkLogEntry: async () => {
    const { entry } = await post(
      `/api/centers/${w.center.id}/work-log`,
      { kind: 'training', occurredOn: '2026-10-05', title: 'Обучение', quantity: 1 },
      w.coordinator,
    );
    return {
      cookie: w.coordinator,
      params: { id: w.center.id, entryId: entry.id },
      bodies: [{ title: 'Обучение координаторов' }, { title: 'Обучение наставников' }],
      version: () => inList(`/api/centers/${w.center.id}/work-log`, w.coordinator, (e) => e.id === entry.id),
    };
  },
  enterMonitoringScore: async () => {
    await get('/api/monitoring/indicators', w.operator);
    const { round } = await post('/api/monitoring/rounds', { year: 2025, half: 2 }, w.operator);
    const score = (value: number) => ({
      centerId: w.center.id,
      indicator: 'association',
      score: value,
      comment: 'по итогам встречи',
    });
    return {
      cookie: w.operator,
      params: { roundId: round.id },
      bodies: [score(5), score(7)],
      version: async () => (await get(`/api/monitoring/rounds/${round.id}`, w.operator)).round.version,
    };
  },
  updateOpportunity: async () => {
    const id = await draftOpportunity();
    return {
      cookie: w.coordinator,
      params: { id },
      bodies: [{ title: 'Субботник в парке' }, { title: 'Субботник у реки' }],
      version: async () => (await opportunityOf(id)).version,
    };
  },
  updateShift: async () => {
    const id = await draftOpportunity();
    const { opportunity } = await post(
      `/api/opportunities/${id}/shifts`,
      { startsAt: '2026-12-05T03:00:00Z', endsAt: '2026-12-05T06:00:00Z', capacity: 5 },
      w.coordinator,
    );
    const shiftId = opportunity.shifts[0].id as string;
    return {
      cookie: w.coordinator,
      params: { id, shiftId },
      bodies: [{ capacity: 6 }, { capacity: 8 }],
      version: async () =>
        (await opportunityOf(id)).shifts.find((s: { id: string }) => s.id === shiftId).version,
    };
  },
  updateSeries: async () => {
    const id = await draftOpportunity();
    const { opportunity } = await post(`/api/opportunities/${id}/series`, series(5), w.coordinator);
    const seriesId = opportunity.series[0].id as string;
    return {
      cookie: w.coordinator,
      params: { id, seriesId },
      bodies: [series(6), series(8)],
      version: async () =>
        (await opportunityOf(id)).series.find((s: { id: string }) => s.id === seriesId).version,
    };
  },
  updatePlanTarget: async () => {
    const { target } = await post(
      '/api/plan/targets',
      { kind: 'active_centers', dueDate: '2030-12-31', target: 10 },
      w.operator,
    );
    return {
      cookie: w.operator,
      params: { id: target.id },
      bodies: [
        { target: 11, comment: 'уточнили план' },
        { target: 12, comment: 'ещё раз' },
      ],
      version: () => inList('/api/plan/targets', w.operator, (x) => x.id === target.id),
    };
  },
  updateMyVolunteerProfile: async () => ({
    cookie: w.volunteer,
    params: {},
    bodies: [profile('Люблю субботники'), profile('Люблю походы')],
    version: async () => (await get('/api/volunteers/me', w.volunteer)).profile.version,
  }),
  updateSquad: async () => {
    const { squad } = await post(
      '/api/squads',
      { centerId: w.center.id, name: 'Зелёный патруль' },
      w.coordinator,
    );
    return {
      cookie: w.coordinator,
      params: { id: squad.id },
      bodies: [{ focus: 'Экология' }, { focus: 'Парки' }],
      version: async () => (await get(`/api/squads/${squad.id}`, w.coordinator)).squad.version,
    };
  },
  updateApplication: async () => {
    const id = await application();
    return {
      cookie: w.representative,
      params: { id },
      bodies: [{ proposedName: 'Добро.Центр «Исток»' }, { proposedName: 'Добро.Центр «Родник»' }],
      version: async () => (await get(`/api/applications/${id}`, w.representative)).application.version,
    };
  },
  manageApplication: async () => {
    const id = await application();
    // The operator manages applications under review (the submit flow itself is tested elsewhere).
    await t.db
      .updateTable('center_applications')
      .set({ stage: 'interview_and_documents', stage_since: '2026-11-01' })
      .where('id', '=', id)
      .execute();
    return {
      cookie: w.operator,
      params: { id },
      bodies: [{ expectedOpeningOn: '2027-03-01' }, { expectedOpeningOn: '2027-04-01' }],
      version: async () => (await get(`/api/applications/${id}`, w.operator)).application.version,
    };
  },
  updateApplicationStage: async () => ({
    cookie: w.operator,
    params: { code: 'acceleration' },
    bodies: [{ typicalDays: 30 }, { typicalDays: 40 }],
    version: () => inList('/api/application-stages', w.operator, (s) => s.code === 'acceleration'),
  }),
  updateApplicationDocumentKind: async () => ({
    cookie: w.operator,
    params: { code: 'charter' },
    bodies: [{ description: 'Устав с изменениями' }, { description: 'Устав последней редакции' }],
    version: () => inList('/api/application-document-kinds', w.operator, (k) => k.code === 'charter'),
  }),
  updateCenterServiceKind: async () => ({
    cookie: w.operator,
    params: { code: 'training' },
    bodies: [{ nameEn: 'Training courses' }, { nameEn: 'Courses' }],
    version: () => inList('/api/center-service-kinds', w.operator, (k) => k.code === 'training'),
  }),
};

const EDITS = Object.entries(endpoints).filter(([, e]) => e.method === 'PATCH' || e.method === 'PUT');

beforeAll(async () => {
  t = await createTestPlatform();
  w = await world();
});
afterAll(async () => {
  await t.close();
});

it('every PATCH/PUT endpoint has a scenario here (a new editable record must guard against lost updates)', () => {
  expect(EDITS.length).toBeGreaterThanOrEqual(16);
  expect(EDITS.map(([name]) => name).filter((name) => !SCENARIOS[name])).toEqual([]);
});

describe.each(EDITS)('%s', (name, endpoint) => {
  it('accepts an edit from the current version and refuses one from an older version with 412', async () => {
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`no scenario for ${name}`);
    const edit = await scenario();
    const url = fill(endpoint.path, edit.params);
    const send = (body: unknown, ifMatch: string) =>
      t.request(endpoint.method, url, { cookie: edit.cookie, body, headers: { 'if-match': ifMatch } });

    const version = await edit.version();
    expect(Number.isInteger(version) && version >= 1).toBe(true);
    const accepted = await send(edit.bodies[0], `"${version}"`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.headers.etag).toBe(`"${version + 1}"`);
    expect(await edit.version()).toBe(version + 1);

    const stale = await send(edit.bodies[1], `"${version}"`);
    expect(stale.statusCode, stale.body).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().code).toBe('edit_conflict');
    expect(stale.headers.etag).toBe(`"${version + 1}"`);
    expect(await edit.version()).toBe(version + 1);
  });
});
