import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildWorld,
  completeDraft,
  type Factories,
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
let id: string;
const uploads = temporaryUploadDir();

beforeAll(async () => {
  t = await createTestPlatform({ env: { UPLOAD_DIR: uploads.dir } });
  await seedDefaults(t.db);
  w = await buildWorld(t, f);
  const draft = await t.request('POST', '/api/applications', {
    cookie: w.cookies.representative,
    body: completeDraft(w),
  });
  id = draft.json().application.id;
  await upload(t, w.cookies.representative, id, 'charter', 'устав.pdf', PDF);
  await upload(t, w.cookies.representative, id, 'head_appointment', 'приказ.pdf', PDF);
});
afterAll(async () => {
  await t.close();
  uploads.remove();
});

const list = (cookie: string, query = '') => t.request('GET', `/api/me/notifications${query}`, { cookie });

describe('notifications of application steps', () => {
  it('submission: the operator gets an in-app notification and a mail; the applicant (who acted) does not', async () => {
    const res = await t.request('POST', `/api/applications/${id}/transitions`, {
      cookie: w.cookies.representative,
      body: { to: 'submitted' },
    });
    expect(res.statusCode).toBe(200);
    const mine = (await list(w.cookies.operator)).json();
    expect(mine.items[0]).toMatchObject({
      kind: 'application.submitted',
      link: `/applications/${id}`,
      readAt: null,
      params: { applicationId: id, application: 'Добро.Центр Юрги', organization: 'Дом молодёжи «Юрга»' },
    });
    const mail = await t.mailbox(w.operator.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.template).toBe('application_step');
    expect(mail[0]?.text_body).toContain('подала заявку «Добро.Центр Юрги»');
    expect(mail[0]?.text_body).toContain(`http://localhost:3000/applications/${id}`);
    const applicantKinds = (await list(w.cookies.representative))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(applicantKinds).not.toContain('application.submitted');
  });

  it('a returned document reaches the applicant in-app and by mail, with the comment', async () => {
    await t.request('POST', `/api/applications/${id}/documents/charter/review`, {
      cookie: w.cookies.operator,
      body: { decision: 'returned', comment: 'Нет последней страницы' },
    });
    const items = (await list(w.cookies.representative)).json().items;
    expect(items[0]).toMatchObject({
      kind: 'application.document_returned',
      params: { document: 'charter', documentNameRu: 'Устав организации', comment: 'Нет последней страницы' },
    });
    const mail = await t.mailbox(w.representative.email);
    expect(mail.at(-1)?.text_body).toContain('Документ «Устав организации»');
    expect(mail.at(-1)?.text_body).toContain('Комментарий: Нет последней страницы');
  });

  it('a step by the operator notifies the applicant (mail + in-app)', async () => {
    await upload(t, w.cookies.representative, id, 'charter', 'устав-2.pdf', PDF);
    const operatorItems = (await list(w.cookies.operator)).json().items;
    expect(operatorItems[0].kind).toBe('application.document_uploaded');
    const res = await t.request('POST', `/api/applications/${id}/transitions`, {
      cookie: w.cookies.operator,
      body: { to: 'changes_requested', comment: 'Дополните план' },
    });
    expect(res.statusCode).toBe(200);
    const items = (await list(w.cookies.representative)).json().items;
    expect(items[0]).toMatchObject({
      kind: 'application.changes_requested',
      params: { comment: 'Дополните план' },
    });
    const mail = await t.mailbox(w.representative.email);
    expect(mail.at(-1)?.text_body).toContain('возвращена на доработку');
  });

  it('unread first, count, mark one, mark all; another user’s notification is not found', async () => {
    const before = (await list(w.cookies.representative)).json();
    expect(before.unread).toBe(before.items.length);
    expect(before.unread).toBeGreaterThanOrEqual(2);
    const first = before.items[0].id;
    const read = await t.request('POST', `/api/me/notifications/${first}/read`, {
      cookie: w.cookies.representative,
    });
    expect(read.statusCode).toBe(204);
    const after = (await list(w.cookies.representative)).json();
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.at(-1).id).toBe(first);
    expect(after.items.at(-1).readAt).not.toBeNull();
    const count = await t.request('GET', '/api/me/notifications/unread-count', {
      cookie: w.cookies.representative,
    });
    expect(count.json()).toEqual({ unread: before.unread - 1 });
    const onlyUnread = (await list(w.cookies.representative, '?unreadOnly=true')).json();
    expect(onlyUnread.items.some((n: { id: string }) => n.id === first)).toBe(false);

    const foreign = await t.request('POST', `/api/me/notifications/${first}/read`, {
      cookie: w.cookies.operator,
    });
    expect(foreign.statusCode).toBe(404);
    const all = await t.request('POST', '/api/me/notifications/read-all', {
      cookie: w.cookies.representative,
    });
    expect(all.json()).toEqual({ unread: 0 });
    expect((await list(w.cookies.representative)).json().unread).toBe(0);
    expect((await t.request('GET', '/api/me/notifications')).statusCode).toBe(401);
  });
});
