/**
 * Uploaded file names: no invisible or direction-changing characters, and always the extension of the
 * type the bytes are — checked on the function and through the application document upload, which
 * stores the name, lists it and serves the file under it.
 */
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
import { safeFileName } from './uploads.js';

const PDF_TYPE = 'application/pdf';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('safe file names', () => {
  it('drops bidi overrides and isolates, marks, zero widths and controls', () => {
    expect(safeFileName('устав\u202Efdp.exe', PDF_TYPE)).toBe('уставfdp.pdf');
    for (const hidden of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(safeFileName(`a${hidden}b.pdf`, PDF_TYPE)).toBe('ab.pdf');
    }
    expect(safeFileName('a\u200Eb\u200F\u061Cc\u200B\uFEFF.pdf', PDF_TYPE)).toBe('abc.pdf');
    expect(safeFileName('a\u0000b\u001Fc\u007F\u0085\u2028.pdf', PDF_TYPE)).toBe('abc.pdf');
  });

  it('serves the extension of the detected type, never the uploader’s', () => {
    expect(safeFileName('устав.pdf', PDF_TYPE)).toBe('устав.pdf');
    expect(safeFileName('устав.PDF', PDF_TYPE)).toBe('устав.pdf');
    expect(safeFileName('photo.exe', 'image/jpeg')).toBe('photo.jpg');
    expect(safeFileName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(safeFileName('отчёт.pdf.exe', PDF_TYPE)).toBe('отчёт.pdf');
    expect(safeFileName('Устав (ред. 2024)', DOCX_TYPE)).toBe('Устав (ред. 2024).docx');
    expect(safeFileName('report.pdf', DOCX_TYPE)).toBe('report.docx');
    expect(safeFileName('script.sh', 'application/x-unknown')).toBe('script.bin');
  });

  it('no path, no hidden file, no reserved characters, a bounded length, a fallback', () => {
    expect(safeFileName('C:\\Users\\me\\..\\устав.pdf', PDF_TYPE)).toBe('устав.pdf');
    expect(safeFileName('../../etc/passwd', PDF_TYPE)).toBe('passwd.pdf');
    expect(safeFileName('.htaccess', PDF_TYPE)).toBe('document.pdf');
    expect(safeFileName('..устав.pdf', PDF_TYPE)).toBe('устав.pdf');
    expect(safeFileName('a"b<c>d|e?.pdf', PDF_TYPE)).toBe('a_b_c_d_e_.pdf');
    expect(safeFileName('\u202E', PDF_TYPE)).toBe('document.pdf');
    expect(safeFileName('.pdf', PDF_TYPE)).toBe('document.pdf');
    const long = safeFileName(`${'я'.repeat(500)}.pdf`, PDF_TYPE);
    expect(long.length).toBe(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('an uploaded document keeps a safe name', () => {
  const f: Factories = { ...factories, sessionCookie };
  let t: TestPlatform;
  let w: World;
  let id: string;
  const uploads = temporaryUploadDir();

  beforeAll(async () => {
    t = await createTestPlatform({ env: { UPLOAD_DIR: uploads.dir } });
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

  it('`устав\\u202Efdp.exe` with PDF bytes is stored, listed and served as `уставfdp.pdf`', async () => {
    const res = await upload(t, w.cookies.representative, id, 'charter', 'устав\u202Efdp.exe', PDF);
    expect(res.statusCode).toBe(201);
    expect(res.json().document.versions[0].fileName).toBe('уставfdp.pdf');
    const served = await t.request('GET', `/api/applications/${id}/documents/charter/versions/1`, {
      cookie: w.cookies.operator,
    });
    expect(served.statusCode).toBe(200);
    const disposition = String(served.headers['content-disposition']);
    expect(disposition).toContain(encodeURIComponent('уставfdp.pdf'));
    expect(disposition).not.toMatch(/exe|%E2%80%AE/i);
  });
});
