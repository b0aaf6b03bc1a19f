import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildRegion, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { restoreFrom } from '../../platform/db/backup.js';
import { openPglite } from '../../platform/db/database.js';
import { canDownloadBackup } from './admin.policy.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

describe('online backup download', () => {
  it('policy: only a regional admin of the region', () => {
    const actor = (role: 'regional_admin' | 'center_coordinator', scopeId: string) => ({
      kind: 'user' as const,
      userId: 'u',
      sessionId: 's',
      email: 'e',
      mustChangePassword: false,
      grants: [
        { role, scopeType: role === 'regional_admin' ? ('region' as const) : ('center' as const), scopeId },
      ],
    });
    expect(canDownloadBackup(actor('regional_admin', 'R1'), { id: 'R1' })).toBe(true);
    expect(canDownloadBackup(actor('regional_admin', 'R2'), { id: 'R1' })).toBe(false);
    expect(canDownloadBackup(actor('center_coordinator', 'R1'), { id: 'R1' })).toBe(false);
  });

  it('anonymous → 401, a volunteer → 403, the regional admin gets a restorable snapshot and the download is audited', async () => {
    const region = await buildRegion(t.db);
    await buildCenter(t.db, { name: 'Добро.Центр для резервной копии' });
    expect((await t.request('GET', '/api/admin/backup')).statusCode).toBe(401);
    const volunteer = await buildUser(t.db, { role: 'volunteer' });
    expect(
      (await t.request('GET', '/api/admin/backup', { cookie: await login(volunteer.email) })).statusCode,
    ).toBe(403);

    const admin = await buildUser(t.db, { role: 'regional_admin', scopeId: region.id });
    const res = await t.request('GET', '/api/admin/backup', { cookie: await login(admin.email) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="dobroset-\d{4}-\d{2}-\d{2}\.jsonl\.gz"/,
    );

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-admin-')), 'b.gz');
    fs.writeFileSync(file, res.rawPayload);
    const target = await openPglite({ dataDir: 'memory://' });
    try {
      await restoreFrom(target.db, file);
      const names = await target.db.selectFrom('centers').select('name').execute();
      expect(names.map((n) => n.name)).toContain('Добро.Центр для резервной копии');
    } finally {
      await target.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'backup.downloaded')
      .execute();
    expect(audit.map((a) => a.actor_id)).toEqual([admin.id]);
  });
});
