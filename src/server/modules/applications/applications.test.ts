import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildWorld,
  completeDraft,
  type Factories,
  login,
  PDF,
  seedDefaults,
  temporaryUploadDir,
  upload,
  type World,
} from '../../../../test/support/applications.fixtures.js';
import * as factories from '../../../../test/support/factories.js';

const f: Factories = { ...factories, sessionCookie };
let t: TestPlatform;
let w: World;
const uploads = temporaryUploadDir();

beforeAll(async () => {
  t = await createTestPlatform({ env: { UPLOAD_DIR: uploads.dir } });
  await seedDefaults(t.db);
  w = await buildWorld(t, f);
});
afterAll(async () => {
  await t.close();
  uploads.remove();
});

const as = (cookie: string) => ({
  get: (url: string) => t.request('GET', url, { cookie }),
  post: (url: string, body?: unknown) => t.request('POST', url, { cookie, body }),
  patch: (url: string, body: unknown) => t.request('PATCH', url, { cookie, body }),
});

async function newDraft(body: object = completeDraft(w)) {
  const res = await as(w.cookies.representative).post('/api/applications', body);
  expect(res.statusCode).toBe(201);
  return res.json().application.id as string;
}
const move = (cookie: string, id: string, to: string, comment?: string) =>
  as(cookie).post(`/api/applications/${id}/transitions`, { to, ...(comment ? { comment } : {}) });
const stageOf = async (id: string) =>
  (
    await t.db
      .selectFrom('center_applications')
      .select('stage')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).stage;

async function uploadAll(id: string, kinds: string[]) {
  for (const kind of kinds) {
    expect((await upload(t, w.cookies.representative, id, kind, `${kind}.pdf`, PDF)).statusCode).toBe(201);
  }
}
async function acceptAll(id: string, kinds: string[]) {
  for (const kind of kinds) {
    const res = await as(w.cookies.operator).post(`/api/applications/${id}/documents/${kind}/review`, {
      decision: 'accepted',
    });
    expect(res.statusCode).toBe(200);
  }
}
async function submitted() {
  const id = await newDraft();
  await uploadAll(id, ['charter', 'head_appointment']);
  expect((await move(w.cookies.representative, id, 'submitted')).statusCode).toBe(200);
  return id;
}

describe('the draft', () => {
  it('a representative creates a draft for their organization; the timeline starts', async () => {
    const res = await as(w.cookies.representative).post('/api/applications', completeDraft(w));
    expect(res.statusCode).toBe(201);
    const detail = res.json();
    expect(detail.application).toMatchObject({
      stage: 'draft',
      proposedName: 'Добро.Центр Юрги',
      services: ['consultations', 'volunteer_support'],
      head: { name: 'Иван Руководитель', email: 'head@example.ru' },
      coordinators: [{ name: 'Мария Координатор', email: 'coordinator@example.ru', phone: null }],
    });
    expect(detail.events).toMatchObject([{ from: null, to: 'draft' }]);
    expect(detail.allowedTransitions).toEqual(['submitted', 'withdrawn']);
    expect(detail.permissions).toEqual({ edit: true, upload: true, review: false });
    expect(detail.documents.map((d: { kind: { code: string } }) => d.kind.code)).toEqual([
      'charter',
      'head_appointment',
      'premises',
      'development_plan',
      'licence_agreement',
    ]);
  });

  it('nobody applies for an organization they do not represent; unknown services are refused', async () => {
    const foreign = await as(w.cookies.outsider).post('/api/applications', completeDraft(w));
    expect(foreign.statusCode).toBe(403);
    const bad = await as(w.cookies.representative).post('/api/applications', {
      ...completeDraft(w),
      services: ['consultations', 'teleportation'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toMatchObject([{ field: 'services.1', code: 'unknown_service_kind' }]);
  });

  it('the applicant edits a draft; an incomplete one cannot be submitted', async () => {
    const id = await newDraft({ organizationId: w.organization.id, municipalityId: w.municipality.id });
    const refused = await move(w.cookies.representative, id, 'submitted');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('application_incomplete');
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'proposedName',
      'premises.address',
      'services',
      'head.name',
    ]);
    const { organizationId: _o, ...rest } = completeDraft(w);
    const edited = await as(w.cookies.representative).patch(`/api/applications/${id}`, rest);
    expect(edited.statusCode).toBe(200);
    expect(edited.json().application.proposedName).toBe('Добро.Центр Юрги');
  });

  it('submission needs the submission documents; then the draft is no longer editable', async () => {
    const id = await newDraft();
    const refused = await move(w.cookies.representative, id, 'submitted');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'documents_incomplete',
      errors: [
        { field: 'documents.charter', code: 'document_missing' },
        { field: 'documents.head_appointment', code: 'document_missing' },
      ],
    });
    await uploadAll(id, ['charter', 'head_appointment']);
    const ok = await move(w.cookies.representative, id, 'submitted');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().application).toMatchObject({ stage: 'submitted', stageSince: '2026-11-24' });
    expect(ok.json().application.submittedAt).toBeTruthy();
    const edit = await as(w.cookies.representative).patch(`/api/applications/${id}`, {
      proposedName: 'Другое',
    });
    expect(edit.statusCode).toBe(409);
  });
});

describe('transitions', () => {
  it('an illegal transition is refused with the allowed targets and changes nothing', async () => {
    const id = await submitted();
    const res = await move(w.cookies.operator, id, 'licence_agreement');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'illegal_transition', errors: [{ field: 'to' }] });
    expect(res.json().errors[0].message).toContain('interview_and_documents, changes_requested, rejected');
    expect(await stageOf(id)).toBe('submitted');
  });

  it('the operator cannot advance while the stage documents are not accepted', async () => {
    const id = await submitted();
    const res = await move(w.cookies.operator, id, 'interview_and_documents');
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toMatchObject([
      { field: 'documents.charter', code: 'document_not_accepted' },
      { field: 'documents.head_appointment', code: 'document_not_accepted' },
    ]);
    await acceptAll(id, ['charter', 'head_appointment']);
    expect((await move(w.cookies.operator, id, 'interview_and_documents')).statusCode).toBe(200);
  });

  it('changes requested (comment required) → the applicant resubmits to the same stage', async () => {
    const id = await submitted();
    await acceptAll(id, ['charter', 'head_appointment']);
    await move(w.cookies.operator, id, 'interview_and_documents');
    const noComment = await move(w.cookies.operator, id, 'changes_requested');
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().errors).toMatchObject([{ field: 'comment', code: 'comment_required' }]);
    const back = await move(w.cookies.operator, id, 'changes_requested', 'Уточните адрес помещения');
    expect(back.statusCode).toBe(200);
    expect(back.json().application.returnedFromStage).toBe('interview_and_documents');

    const mine = await as(w.cookies.representative).get(`/api/applications/${id}`);
    expect(mine.json().allowedTransitions).toEqual(['interview_and_documents', 'withdrawn']);
    expect(mine.json().permissions.edit).toBe(true);
    const wrong = await move(w.cookies.representative, id, 'submitted');
    expect(wrong.statusCode).toBe(409);
    await as(w.cookies.representative).patch(`/api/applications/${id}`, {
      premises: { address: 'г. Юрга, ул. Московская, 3' },
    });
    const again = await move(w.cookies.representative, id, 'interview_and_documents');
    expect(again.statusCode).toBe(200);
    expect(again.json().application).toMatchObject({
      stage: 'interview_and_documents',
      returnedFromStage: null,
    });
    expect(again.json().events.map((e: { to: string }) => e.to)).toEqual([
      'draft',
      'submitted',
      'interview_and_documents',
      'changes_requested',
      'interview_and_documents',
    ]);
    expect(again.json().events[3]).toMatchObject({
      comment: 'Уточните адрес помещения',
      actor: { displayName: 'Олег Оператор' },
    });
  });

  it('rejection needs a comment and is final; withdrawal is the applicant’s', async () => {
    const id = await submitted();
    expect((await move(w.cookies.operator, id, 'rejected')).statusCode).toBe(400);
    const rejected = await move(w.cookies.operator, id, 'rejected', 'Нет помещения');
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().application.decidedAt).toBeTruthy();
    expect((await move(w.cookies.representative, id, 'withdrawn')).statusCode).toBe(409);
    expect((await move(w.cookies.operator, id, 'submitted')).statusCode).toBe(409);

    const other = await submitted();
    expect((await move(w.cookies.operator, other, 'withdrawn')).statusCode).toBe(409);
    expect((await move(w.cookies.representative, other, 'withdrawn')).statusCode).toBe(200);
    expect(await stageOf(other)).toBe('withdrawn');
  });

  it('a representative cannot decide (403); an outsider or a coordinator cannot even see it (404)', async () => {
    const id = await submitted();
    await acceptAll(id, ['charter', 'head_appointment']);
    const rep = await move(w.cookies.representative, id, 'interview_and_documents');
    expect(rep.statusCode).toBe(403);
    const review = await as(w.cookies.representative).post(
      `/api/applications/${id}/documents/charter/review`,
      {
        decision: 'returned',
        comment: 'сам себе',
      },
    );
    expect(review.statusCode).toBe(403);
    const center = await factories.buildCenter(t.db);
    const coordinator = await f.buildUser(t.db, { role: 'center_coordinator', scopeId: center.id });
    const coordinatorCookie = await login(t, f, coordinator.email);
    for (const cookie of [w.cookies.outsider, coordinatorCookie]) {
      expect((await as(cookie).get(`/api/applications/${id}`)).statusCode).toBe(404);
      expect((await move(cookie, id, 'interview_and_documents')).statusCode).toBe(404);
    }
    expect(await stageOf(id)).toBe('submitted');
    expect((await t.request('GET', `/api/applications/${id}`)).statusCode).toBe(401);
  });
});

describe('opening', () => {
  it('all stages through to opened: the centre is created active and the municipality is covered', async () => {
    const coordinatorUser = await f.buildUser(t.db, { email: 'coordinator@example.ru' });
    const before = (await t.request('GET', '/api/public/municipalities')).json();
    const row = before.items.find((m: { id: string }) => m.id === w.municipality.id);
    expect(row.coverage).not.toBe('covered');

    const id = await submitted();
    const steps: [string, string[]][] = [
      ['interview_and_documents', ['charter', 'head_appointment']],
      ['acceleration', ['premises']],
      ['licence_agreement', ['development_plan']],
      ['preparation', ['licence_agreement']],
    ];
    for (const [to, docs] of steps) {
      const needing = docs.filter((d) => !['charter', 'head_appointment'].includes(d));
      await uploadAll(id, needing);
      await acceptAll(id, docs);
      const res = await move(w.cookies.operator, id, to);
      expect(res.statusCode).toBe(200);
    }
    const opened = await move(w.cookies.operator, id, 'opened');
    expect(opened.statusCode).toBe(200);
    const app = opened.json().application;
    expect(app).toMatchObject({ stage: 'opened' });
    expect(app.centerId).toBeTruthy();

    const center = await t.db
      .selectFrom('centers')
      .selectAll()
      .where('id', '=', app.centerId)
      .executeTakeFirstOrThrow();
    expect(center).toMatchObject({
      name: 'Добро.Центр Юрги',
      status: 'active',
      organization_id: w.organization.id,
      municipality_id: w.municipality.id,
      address: 'г. Юрга, ул. Московская, 1',
      services: ['consultations', 'volunteer_support'],
      opened_on: '2026-11-24',
    });
    const history = await t.db
      .selectFrom('center_status_events')
      .selectAll()
      .where('center_id', '=', center.id)
      .execute();
    expect(history).toMatchObject([{ from_status: null, to_status: 'active' }]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', center.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('center.opened');
    const grant = await t.db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', '=', coordinatorUser.id)
      .executeTakeFirst();
    expect(grant).toMatchObject({ role: 'center_coordinator', scope_id: center.id });

    const after = (await t.request('GET', '/api/public/municipalities')).json();
    expect(after.items.find((m: { id: string }) => m.id === w.municipality.id).coverage).toBe('covered');
    expect((await move(w.cookies.operator, id, 'rejected', 'поздно')).statusCode).toBe(409);
  });
});

describe('management and queue', () => {
  it('the operator sets the stage owner (an operator) and the expected opening date', async () => {
    const id = await submitted();
    const owners = (await as(w.cookies.operator).get('/api/applications/stage-owners')).json();
    expect(owners.items).toContainEqual({ id: w.operator.id, displayName: 'Олег Оператор' });
    const notOperator = await as(w.cookies.operator).patch(`/api/applications/${id}/management`, {
      stageOwnerId: w.representative.id,
    });
    expect(notOperator.statusCode).toBe(400);
    const res = await as(w.cookies.operator).patch(`/api/applications/${id}/management`, {
      stageOwnerId: w.operator.id,
      expectedOpeningOn: '2027-03-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().application).toMatchObject({
      stageOwner: { id: w.operator.id },
      expectedOpeningOn: '2027-03-01',
    });
    const rep = await as(w.cookies.representative).patch(`/api/applications/${id}/management`, {
      expectedOpeningOn: '2026-12-01',
    });
    expect(rep.statusCode).toBe(403);
  });

  it('queue: no drafts, filters, counts per stage, age; a representative sees only their own', async () => {
    const draft = await newDraft();
    const queue = (await as(w.cookies.operator).get('/api/applications?state=all&limit=200')).json();
    expect(queue.items.some((a: { id: string }) => a.id === draft)).toBe(false);
    expect(queue.stageCounts).toEqual(
      expect.arrayContaining([{ stage: 'submitted', count: expect.any(Number) }]),
    );
    const filtered = (await as(w.cookies.operator).get('/api/applications?stage=submitted&q=ЮРГ')).json();
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((a: { stage: string }) => a.stage === 'submitted')).toBe(true);
    expect(filtered.items[0]).toMatchObject({ daysAtStage: 0, documents: { required: 5 } });
    const none = (await as(w.cookies.operator).get('/api/applications?olderThanDays=1')).json();
    expect(none.total).toBe(0);
    await t.db
      .updateTable('center_applications')
      .set({ stage_since: '2026-11-14' })
      .where('organization_id', '=', w.organization.id)
      .execute();
    const older = (await as(w.cookies.operator).get('/api/applications?olderThanDays=7')).json();
    expect(older.total).toBeGreaterThan(0);
    expect(older.items[0].daysAtStage).toBe(10);

    const mine = (
      await as(w.cookies.representative).get('/api/applications/mine?state=all&limit=200')
    ).json();
    expect(mine.items.some((a: { id: string }) => a.id === draft)).toBe(true);
    const theirs = (await as(w.cookies.outsider).get('/api/applications?state=all')).json();
    expect(theirs.total).toBe(0);
  });
});
