import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { type Factories, login, temporaryUploadDir } from '../../../../test/support/applications.fixtures.js';
import * as factories from '../../../../test/support/factories.js';
import { systemClock } from '../../platform/clock.js';
import { seedAll } from '../../seed/seed.js';

const f: Factories = { ...factories, sessionCookie };
let t: TestPlatform;
let operator: string;
let representative: string;
const uploads = temporaryUploadDir();

beforeAll(async () => {
  t = await createTestPlatform({ env: { UPLOAD_DIR: uploads.dir } });
  // The real seed: Kuzbass, its 4 applicants, the default stages, checklist and service kinds.
  await seedAll(t.db, systemClock, { demo: false });
  const region = await t.db.selectFrom('regions').select('id').executeTakeFirstOrThrow();
  const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  operator = await login(
    t,
    f,
    (await f.buildUser(t.db, { role: 'regional_admin', scopeId: region.id })).email,
  );
  representative = await login(
    t,
    f,
    (await f.buildUser(t.db, { role: 'org_representative', scopeId: org.id })).email,
  );
});
afterAll(async () => {
  await t.close();
  uploads.remove();
});

const get = (url: string, cookie?: string) => t.request('GET', url, { cookie });
const send = (method: 'POST' | 'PATCH', url: string, body: unknown, cookie = operator) =>
  t.request(method, url, { cookie, body });

describe('the seeded Kuzbass applicants', () => {
  it("appear in the operator's queue at licence_agreement since 2023-08-28, with the earlier documents accepted", async () => {
    const queue = (await get('/api/applications?stage=licence_agreement', operator)).json();
    expect(queue.total).toBe(4);
    expect(queue.stageCounts).toEqual([{ stage: 'licence_agreement', count: 4 }]);
    expect(
      queue.items.map((a: { municipality: { nameRu: string } }) => a.municipality.nameRu).sort(),
    ).toEqual(expect.arrayContaining([expect.stringContaining('Кемеров'), expect.stringContaining('Юрг')]));
    expect(queue.items[0]).toMatchObject({
      stage: 'licence_agreement',
      stageSince: '2023-08-28',
      documents: { required: 5, accepted: 4, pending: 0 },
    });
    const detail = (await get(`/api/applications/${queue.items[0].id}`, operator)).json();
    expect(detail.events).toMatchObject([{ from: null, to: 'licence_agreement' }]);
    expect(detail.allowedTransitions).toEqual(['preparation', 'changes_requested', 'rejected']);
    const refused = await send('POST', `/api/applications/${queue.items[0].id}/transitions`, {
      to: 'preparation',
    });
    expect(refused.json().errors).toMatchObject([{ field: 'documents.licence_agreement' }]);
    // They count as "in progress" for the coverage map.
    const summary = (await get('/api/public/summary')).json();
    expect(summary.applicationsInProgress).toBe(4);
  });
});

describe('settings', () => {
  it('lists stages in order with their kind; anyone may read them', async () => {
    const stages = (await get('/api/application-stages')).json().items;
    expect(stages.map((s: { code: string }) => s.code)).toEqual([
      'draft',
      'submitted',
      'interview_and_documents',
      'acceleration',
      'licence_agreement',
      'preparation',
      'opened',
      'changes_requested',
      'rejected',
      'withdrawn',
    ]);
    expect(stages[2]).toMatchObject({ kind: 'review', isSystem: false, typicalDays: 30 });
  });

  it('the operator adds a review stage between submitted and opened; nowhere else; not twice', async () => {
    const body = {
      code: 'site_visit',
      nameRu: 'Выезд на площадку',
      nameEn: 'Site visit',
      position: 25,
      typicalDays: 7,
    };
    expect((await send('POST', '/api/admin/application-stages', body, representative)).statusCode).toBe(403);
    const outside = await send('POST', '/api/admin/application-stages', { ...body, position: 5000 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toMatchObject([{ field: 'position', code: 'stage_position' }]);
    const created = await send('POST', '/api/admin/application-stages', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().stage).toMatchObject({ code: 'site_visit', kind: 'review', isSystem: false });
    expect((await send('POST', '/api/admin/application-stages', body)).statusCode).toBe(409);
  });

  it('renames and re-times any stage; system stages cannot be retired or moved; a busy stage cannot retire', async () => {
    const renamed = await send('PATCH', '/api/admin/application-stages/submitted', {
      nameRu: 'Заявка подана',
      typicalDays: 10,
    });
    expect(renamed.json().stage).toMatchObject({ nameRu: 'Заявка подана', typicalDays: 10 });
    const retireSystem = await send('PATCH', '/api/admin/application-stages/opened', { active: false });
    expect(retireSystem.statusCode).toBe(409);
    expect(retireSystem.json().code).toBe('system_stage');
    const busy = await send('PATCH', '/api/admin/application-stages/licence_agreement', { active: false });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('stage_in_use');
    const retired = await send('PATCH', '/api/admin/application-stages/site_visit', { active: false });
    expect(retired.json().stage.active).toBe(false);
    const active = (await get('/api/application-stages')).json().items;
    expect(active.some((s: { code: string }) => s.code === 'site_visit')).toBe(false);
    const all = (await get('/api/application-stages?includeRetired=true')).json().items;
    expect(all.some((s: { code: string }) => s.code === 'site_visit')).toBe(true);
  });

  it('document kinds: add, change, retire; the needed-by stage must be a review stage', async () => {
    const bad = await send('POST', '/api/admin/application-document-kinds', {
      code: 'budget',
      nameRu: 'Смета',
      nameEn: 'Budget',
      required: true,
      neededByStage: 'opened',
      position: 60,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toMatchObject([{ field: 'neededByStage', code: 'unknown_stage' }]);
    const created = await send('POST', '/api/admin/application-document-kinds', {
      code: 'budget',
      nameRu: 'Смета',
      nameEn: 'Budget',
      required: false,
      neededByStage: 'acceleration',
      position: 60,
    });
    expect(created.statusCode).toBe(201);
    const retired = await send('PATCH', '/api/admin/application-document-kinds/budget', { active: false });
    expect(retired.json().documentKind).toMatchObject({ code: 'budget', active: false });
    const kinds = (await get('/api/application-document-kinds')).json().items;
    expect(kinds.map((k: { code: string }) => k.code)).not.toContain('budget');
  });

  it('service kinds: add, rename, retire (operator only)', async () => {
    const created = await send('POST', '/api/admin/center-service-kinds', {
      code: 'legal_help',
      nameRu: 'Юридическая помощь',
      nameEn: 'Legal help',
      position: 70,
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await send('PATCH', '/api/admin/center-service-kinds/legal_help', { active: false }, representative))
        .statusCode,
    ).toBe(403);
    const retired = await send('PATCH', '/api/admin/center-service-kinds/legal_help', { active: false });
    expect(retired.json().serviceKind.active).toBe(false);
    const list = (await get('/api/center-service-kinds')).json().items;
    expect(list).toHaveLength(6);
    expect((await send('PATCH', '/api/admin/center-service-kinds/nope', { active: false })).statusCode).toBe(
      404,
    );
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'service_kind.%')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
