/**
 * Uploaded files are data (application documents, volunteer photos): a backup carries them and a restore
 * puts them back, byte for byte.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildWorld,
  completeDraft,
  type Factories,
  JPEG,
  PDF,
  PNG,
  seedDefaults,
  upload,
} from '../../../../test/support/applications.fixtures.js';
import * as factories from '../../../../test/support/factories.js';
import { backupTo, RestoreError, restoreFrom } from '../../platform/db/backup.js';
import { openPglite } from '../../platform/db/database.js';
import { createFsFileStore, createMemoryFileStore } from '../../platform/storage/fs-file-store.js';

const f: Factories = { ...factories, sessionCookie };
let t: TestPlatform;
let tmp: string;
let volunteerId: string;
beforeAll(async () => {
  t = await createTestPlatform();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-backup-files-'));
  await seedDefaults(t.db);
  const w = await buildWorld(t, f);
  const created = await t.request('POST', '/api/applications', {
    cookie: w.cookies.representative,
    body: completeDraft(w),
  });
  const id = created.json().application.id as string;
  expect((await upload(t, w.cookies.representative, id, 'charter', 'Устав.pdf', PDF)).statusCode).toBe(201);
  expect((await upload(t, w.cookies.representative, id, 'charter', 'Устав v2.png', PNG)).statusCode).toBe(
    201,
  );
  const volunteer = await factories.buildUser(t.db, { role: 'volunteer', displayName: 'Фотогенична Ольга' });
  volunteerId = volunteer.id;
  const cookie = sessionCookie(
    await t.request('POST', '/api/auth/login', {
      body: { email: volunteer.email, password: factories.TEST_PASSWORD },
    }),
  );
  const photo = await t.app.inject({
    method: 'PUT',
    url: '/api/volunteers/me/photo',
    headers: { cookie, 'x-requested-with': 'dobroset', 'content-type': 'image/jpeg' },
    payload: JPEG,
  });
  expect(photo.statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backups with uploaded files', () => {
  it('carries every stored version and restores it into the target store', async () => {
    const source = createFsFileStore(t.runtime.config.uploadDir);
    const file = path.join(tmp, 'with-files.jsonl.gz');
    const written = await backupTo(t.db, file, { files: source });
    expect(written.rows.application_document_versions).toBe(2);
    expect(written.files).toBe(3);
    expect(written.missingFiles).toEqual([]);

    const target = await openPglite({ dataDir: 'memory://' });
    const store = createMemoryFileStore();
    try {
      const restored = await restoreFrom(target.db, file, { files: store });
      expect(restored.files).toBe(3);
      const versions = await target.db
        .selectFrom('application_document_versions')
        .select(['storage_key', 'file_name'])
        .orderBy('version')
        .execute();
      expect(versions.map((v) => v.file_name)).toEqual(['Устав.pdf', 'Устав v2.png']);
      expect(await store.get(versions[0]?.storage_key ?? '')).toEqual(PDF);
      expect(await store.get(versions[1]?.storage_key ?? '')).toEqual(PNG);
      const profile = await target.db
        .selectFrom('volunteer_profiles')
        .select(['photo_key', 'photo_type'])
        .where('user_id', '=', volunteerId)
        .executeTakeFirstOrThrow();
      expect(profile.photo_type).toBe('image/jpeg');
      expect(await store.get(profile.photo_key ?? '')).toEqual(JPEG);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore files without a store, and reports files missing at backup time', async () => {
    const file = path.join(tmp, 'with-files-2.jsonl.gz');
    await backupTo(t.db, file, { files: createFsFileStore(t.runtime.config.uploadDir) });
    const target = await openPglite({ dataDir: 'memory://' });
    try {
      await expect(restoreFrom(target.db, file)).rejects.toThrow(RestoreError);
    } finally {
      await target.close();
    }

    const empty = createMemoryFileStore();
    const partial = await backupTo(t.db, path.join(tmp, 'missing.jsonl.gz'), { files: empty });
    expect(partial.files).toBe(0);
    expect(partial.missingFiles).toHaveLength(3);
  });
});
