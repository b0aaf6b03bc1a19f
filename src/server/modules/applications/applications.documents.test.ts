import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildWorld,
  completeDraft,
  DOCX,
  EXE,
  type Factories,
  GIF,
  JPEG,
  PDF,
  PLAIN_ZIP,
  PNG,
  seedDefaults,
  temporaryUploadDir,
  upload,
  type World,
} from '../../../../test/support/applications.fixtures.js';
import * as factories from '../../../../test/support/factories.js';
import { contentDisposition } from '../../platform/http/file-route.js';
import { sniffDocumentType, zipEntryNames } from './uploads.js';

const f: Factories = { ...factories, sessionCookie };
let t: TestPlatform;
let w: World;
let id: string;
const uploads = temporaryUploadDir();

beforeAll(async () => {
  // A 1 MB limit keeps the oversize test small.
  t = await createTestPlatform({ env: { UPLOAD_DIR: uploads.dir, UPLOAD_MAX_MB: '1' } });
  await seedDefaults(t.db);
  w = await buildWorld(t, f);
  const res = await t.request('POST', '/api/applications', {
    cookie: w.cookies.representative,
    body: completeDraft(w),
  });
  id = res.json().application.id;
});
afterAll(async () => {
  await t.close();
  uploads.remove();
});

const documentOf = async (cookie: string, kind: string) =>
  (await t.request('GET', `/api/applications/${id}`, { cookie }))
    .json()
    .documents.find((d: { kind: { code: string } }) => d.kind.code === kind);

describe('sniffing', () => {
  it('decides by the bytes: PDF, JPEG, PNG, DOCX yes; GIF, text, executables, plain ZIPs no', async () => {
    expect(await sniffDocumentType(PDF)).toBe('application/pdf');
    expect(await sniffDocumentType(JPEG)).toBe('image/jpeg');
    expect(await sniffDocumentType(PNG)).toBe('image/png');
    expect(await sniffDocumentType(DOCX)).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(zipEntryNames(DOCX)).toContain('word/document.xml');
    for (const bad of [GIF, Buffer.from('просто текст'), EXE, PLAIN_ZIP]) {
      expect(await sniffDocumentType(bad)).toBeNull();
    }
  });

  it('Content-Disposition keeps a Cyrillic name (RFC 5987) with an ASCII fallback', () => {
    expect(contentDisposition('Устав (ред. 2024).pdf')).toBe(
      `attachment; filename="_____ (___. 2024).pdf"; filename*=UTF-8''${encodeURIComponent('Устав')}%20%28${encodeURIComponent('ред.')}%202024%29.pdf`,
    );
  });
});

describe('upload validation', () => {
  const refused = async (name: string, bytes: Buffer, status: number, code: string) => {
    const res = await upload(t, w.cookies.representative, id, 'charter', name, bytes);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code, errors: [{ field: 'file', code }] });
  };

  it('refuses a GIF, a text file, an executable renamed to .pdf and a ZIP that is not a DOCX (415)', async () => {
    await refused('картинка.gif', GIF, 415, 'unsupported_file_type');
    await refused('notes.txt', Buffer.from('hello'), 415, 'unsupported_file_type');
    await refused('устав.pdf', EXE, 415, 'unsupported_file_type');
    await refused('устав.docx', PLAIN_ZIP, 415, 'unsupported_file_type');
    const res = await upload(t, w.cookies.representative, id, 'charter', 'устав.pdf', EXE, {
      'content-type': 'application/pdf',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().errors[0].message).toBe('Принимаются только файлы PDF, JPEG, PNG и DOCX.');
    expect((await documentOf(w.cookies.representative, 'charter')).versions).toEqual([]);
  });

  it('refuses an oversize file (413) and an empty one (400)', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(1_048_576)]);
    await refused('big.pdf', big, 413, 'file_too_large');
    await refused('empty.pdf', Buffer.alloc(0), 400, 'file_empty');
  });

  it('needs the CSRF header, a name, an applicant; an unknown kind is 404', async () => {
    const url = `/api/applications/${id}/documents/charter?name=a.pdf`;
    const noCsrf = await t.request('POST', url, {
      cookie: w.cookies.representative,
      body: PDF,
      csrf: false,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_rejected');
    const noName = await t.request('POST', `/api/applications/${id}/documents/charter`, {
      cookie: w.cookies.representative,
      body: PDF,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(noName.statusCode).toBe(400);
    expect((await upload(t, w.cookies.operator, id, 'charter', 'a.pdf', PDF)).statusCode).toBe(403);
    expect((await upload(t, w.cookies.outsider, id, 'charter', 'a.pdf', PDF)).statusCode).toBe(404);
    expect((await upload(t, w.cookies.representative, id, 'no_such_kind', 'a.pdf', PDF)).statusCode).toBe(
      404,
    );
  });
});

describe('transport', () => {
  it('ignores the declared type (or its absence): the bytes decide', async () => {
    const declaredGif = await upload(t, w.cookies.representative, id, 'premises', 'план.png', PNG, {
      'content-type': 'image/gif',
    });
    expect(declaredGif.statusCode).toBe(201);
    expect(declaredGif.json().document.versions[0].contentType).toBe('image/png');
    const undeclared = await t.runtime.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/documents/premises?name=${encodeURIComponent('план.jpg')}`,
      headers: { 'x-requested-with': 'dobroset', cookie: w.cookies.representative },
      payload: JPEG,
    });
    expect(undeclared.statusCode).toBe(201);
    expect(undeclared.json().document.versions[0]).toMatchObject({ version: 2, contentType: 'image/jpeg' });
  });
});

describe('versions and review', () => {
  it('return → v2 uploaded → v1 still downloadable; Cyrillic names survive; others cannot download', async () => {
    const v1 = await upload(t, w.cookies.representative, id, 'charter', 'Устав организации.pdf', PDF);
    expect(v1.statusCode).toBe(201);
    expect(v1.json().document).toMatchObject({
      status: 'pending',
      versions: [
        { version: 1, fileName: 'Устав организации.pdf', contentType: 'application/pdf', size: PDF.length },
      ],
    });
    const stored = fs.readdirSync(path.join(uploads.dir, 'applications', id));
    expect(stored).toHaveLength(3); // the two premises uploads above and this one
    // The operator reviews once the application is submitted.
    const early = await t.request('POST', `/api/applications/${id}/documents/charter/review`, {
      cookie: w.cookies.operator,
      body: { decision: 'accepted' },
    });
    expect(early.statusCode).toBe(403);
    await upload(t, w.cookies.representative, id, 'head_appointment', 'приказ.png', PNG);
    const submit = await t.request('POST', `/api/applications/${id}/transitions`, {
      cookie: w.cookies.representative,
      body: { to: 'submitted' },
    });
    expect(submit.statusCode).toBe(200);

    const noComment = await t.request('POST', `/api/applications/${id}/documents/charter/review`, {
      cookie: w.cookies.operator,
      body: { decision: 'returned' },
    });
    expect(noComment.statusCode).toBe(400);
    // Its own words, not another module's text for the same code (issue 9, item 17).
    expect(noComment.json()).toMatchObject({
      code: 'return_comment_required',
      detail: 'Напишите, что исправить в документе.',
      errors: [{ field: 'comment', code: 'return_comment_required' }],
    });
    const noCommentEn = await t.request('POST', `/api/applications/${id}/documents/charter/review`, {
      cookie: w.cookies.operator,
      headers: { 'accept-language': 'en' },
      body: { decision: 'returned', comment: '  ' },
    });
    expect(noCommentEn.json()).toMatchObject({ status: 400, detail: 'Say what to fix in the document.' });
    const returned = await t.request('POST', `/api/applications/${id}/documents/charter/review`, {
      cookie: w.cookies.operator,
      body: { decision: 'returned', comment: 'Нужна редакция 2024 года' },
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().document).toMatchObject({
      status: 'returned',
      reviewComment: 'Нужна редакция 2024 года',
      reviewedBy: { displayName: 'Олег Оператор' },
    });

    const v2 = await upload(t, w.cookies.representative, id, 'charter', 'Устав (ред. 2024).docx', DOCX);
    expect(v2.statusCode).toBe(201);
    expect(v2.json().document.status).toBe('pending');
    expect(v2.json().document.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    for (const cookie of [w.cookies.representative, w.cookies.operator]) {
      const old = await t.request('GET', `/api/applications/${id}/documents/charter/versions/1`, { cookie });
      expect(old.statusCode).toBe(200);
      expect(old.rawPayload.equals(PDF)).toBe(true);
      expect(old.headers['content-type']).toBe('application/pdf');
      expect(old.headers['x-content-type-options']).toBe('nosniff');
      expect(old.headers['content-disposition']).toBe(contentDisposition('Устав организации.pdf'));
    }
    const latest = await t.request('GET', `/api/applications/${id}/documents/charter/versions/2`, {
      cookie: w.cookies.representative,
    });
    expect(latest.rawPayload.equals(DOCX)).toBe(true);
    const decoded = decodeURIComponent(
      String(latest.headers['content-disposition']).split("filename*=UTF-8''")[1] as string,
    );
    expect(decoded).toBe('Устав (ред. 2024).docx');

    const outsider = await t.request('GET', `/api/applications/${id}/documents/charter/versions/1`, {
      cookie: w.cookies.outsider,
    });
    expect(outsider.statusCode).toBe(404);
    expect((await t.request('GET', `/api/applications/${id}/documents/charter/versions/1`)).statusCode).toBe(
      401,
    );
    expect(
      (
        await t.request('GET', `/api/applications/${id}/documents/charter/versions/3`, {
          cookie: w.cookies.operator,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('an accepted document takes no new version; the operator cannot review a missing one', async () => {
    const accepted = await t.request('POST', `/api/applications/${id}/documents/head_appointment/review`, {
      cookie: w.cookies.operator,
      body: { decision: 'accepted' },
    });
    expect(accepted.json().document.status).toBe('accepted');
    const again = await upload(t, w.cookies.representative, id, 'head_appointment', 'приказ.jpg', JPEG);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('document_accepted');
    const missing = await t.request('POST', `/api/applications/${id}/documents/development_plan/review`, {
      cookie: w.cookies.operator,
      body: { decision: 'accepted' },
    });
    expect(missing.statusCode).toBe(409);
  });

  it('every upload and review is audited; versions are never deleted', async () => {
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', 'like', 'application.document_%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'application.document_uploaded',
        'application.document_returned',
        'application.document_accepted',
      ]),
    );
    const versions = await t.db.selectFrom('application_document_versions').select('version').execute();
    expect(versions.length).toBe(5);
  });
});
