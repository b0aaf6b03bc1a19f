import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF, createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { EXE, GIF, JPEG, PNG } from '../../../../test/support/applications.fixtures.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { createFsFileStore } from '../../platform/storage/fs-file-store.js';

let t: TestPlatform;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const put = (cookie: string | null, bytes: Buffer, contentType = 'image/jpeg', name = 'фото.jpg') =>
  t.app.inject({
    method: 'PUT',
    url: `/api/volunteers/me/photo?name=${encodeURIComponent(name)}`,
    headers: { ...CSRF, 'content-type': contentType, ...(cookie ? { cookie } : {}) },
    payload: bytes,
  });
const photoOf = (userId: string, cookie?: string) =>
  t.request('GET', `/api/volunteers/${userId}/photo`, { cookie: cookie ?? null });
const keyOf = async (userId: string) =>
  (
    await t.db
      .selectFrom('volunteer_profiles')
      .select('photo_key')
      .where('user_id', '=', userId)
      .executeTakeFirst()
  )?.photo_key ?? null;

let centerId: string;
let ownCoordinator: string;
let otherCoordinator: string;
beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  const other = await buildCenter(t.db);
  ownCoordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId })).email,
  );
  otherCoordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: other.id })).email,
  );
});
afterAll(async () => {
  await t.close();
});

const volunteer = async () => {
  const user = await buildUser(t.db, { role: 'volunteer', displayName: 'Ёжикова Дарья' });
  return { ...user, cookie: await login(user.email) };
};

describe('profile photo upload', () => {
  it('stores a JPEG, shows its URL in the own profile and serves it privately to the owner', async () => {
    const v = await volunteer();
    const res = await put(v.cookie, JPEG);
    expect(res.statusCode).toBe(200);
    const url = res.json().profile.photoUrl as string;
    expect(url).toMatch(new RegExp(`^/api/volunteers/${v.id}/photo\\?v=[0-9a-f-]+$`));
    expect((await t.request('GET', '/api/volunteers/me', { cookie: v.cookie })).json().profile.photoUrl).toBe(
      url,
    );
    const image = await t.request('GET', url, { cookie: v.cookie });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['cache-control']).toContain('private');
    expect(image.rawPayload).toEqual(JPEG);
  });

  it('refuses a program renamed .jpg and a GIF (415), an empty body (400), anonymous uploads (401)', async () => {
    const v = await volunteer();
    const exe = await put(v.cookie, EXE, 'image/jpeg', 'котик.jpg');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('unsupported_photo_type');
    expect(exe.json().errors[0]).toMatchObject({ field: 'file', code: 'unsupported_photo_type' });
    expect((await put(v.cookie, GIF, 'image/gif', 'a.gif')).statusCode).toBe(415);
    expect((await put(v.cookie, Buffer.alloc(0))).statusCode).toBe(400);
    expect((await put(null, JPEG)).statusCode).toBe(401);
    expect(await keyOf(v.id)).toBeNull();
  });

  it('refuses a photo over 5 MB with 413 even though documents may be larger', async () => {
    expect(t.runtime.config.uploadMaxMb).toBeGreaterThan(5);
    const v = await volunteer();
    const big = Buffer.concat([JPEG, Buffer.alloc(5 * 1_048_576)]);
    const res = await put(v.cookie, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0]).toMatchObject({ field: 'file', code: 'file_too_large' });
    expect(res.json().errors[0].message).toContain('5');
    expect(await keyOf(v.id)).toBeNull();
  });

  it('replaces the previous photo (the old file is removed) and deletes it on request', async () => {
    const v = await volunteer();
    const store = createFsFileStore(t.runtime.config.uploadDir);
    await put(v.cookie, JPEG);
    const first = (await keyOf(v.id)) as string;
    expect(await store.has(first)).toBe(true);
    const second = await put(v.cookie, PNG, 'application/octet-stream', 'me.png');
    expect(second.statusCode).toBe(200);
    const key = (await keyOf(v.id)) as string;
    expect(key).not.toBe(first);
    expect(await store.has(first)).toBe(false);
    const image = await photoOf(v.id, v.cookie);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload).toEqual(PNG);

    const removed = await t.request('DELETE', '/api/volunteers/me/photo', { cookie: v.cookie });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().profile.photoUrl).toBeNull();
    expect(await keyOf(v.id)).toBeNull();
    expect(await store.has(key)).toBe(false);
    expect((await photoOf(v.id, v.cookie)).statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', v.id)
      .where('action', 'like', 'volunteer.photo_%')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'volunteer.photo_updated',
      'volunteer.photo_updated',
      'volunteer.photo_removed',
    ]);
  });
});

describe('who sees the photo', () => {
  it("the own centre's coordinators; other coordinators only when shown; never volunteers or the public", async () => {
    const v = await volunteer();
    await put(v.cookie, JPEG);
    await t.db
      .updateTable('volunteer_profiles')
      .set({ home_center_id: centerId })
      .where('user_id', '=', v.id)
      .execute();
    const peer = await volunteer();

    expect((await photoOf(v.id, ownCoordinator)).statusCode).toBe(200);
    expect((await photoOf(v.id, otherCoordinator)).statusCode).toBe(404);
    expect((await photoOf(v.id, peer.cookie)).statusCode).toBe(404);
    expect((await photoOf(v.id)).statusCode).toBe(401);
    const own = await t.request('GET', `/api/volunteers/${v.id}`, { cookie: ownCoordinator });
    expect(own.json().profile.photoUrl).toMatch(/\/photo\?v=/);
    const hidden = await t.request('GET', `/api/volunteers/${v.id}`, { cookie: otherCoordinator });
    expect(hidden.json().profile.photoUrl).toBeNull();

    await t.db
      .updateTable('volunteer_profiles')
      .set({ visible_fields: ['photo'] })
      .where('user_id', '=', v.id)
      .execute();
    const shown = await photoOf(v.id, otherCoordinator);
    expect(shown.statusCode).toBe(200);
    expect(shown.rawPayload).toEqual(JPEG);
    expect(
      (await t.request('GET', `/api/volunteers/${v.id}`, { cookie: otherCoordinator })).json().profile
        .photoUrl,
    ).toMatch(/\/photo\?v=/);
    // Showing it to coordinators does not make it public or visible to other volunteers.
    expect((await photoOf(v.id, peer.cookie)).statusCode).toBe(404);
    expect((await photoOf(v.id)).statusCode).toBe(401);
  });

  it('accepts `photo` in the visible fields of the profile form', async () => {
    const v = await volunteer();
    const res = await t.request('PUT', '/api/volunteers/me', {
      cookie: v.cookie,
      body: {
        fullName: null,
        birthDate: null,
        profession: null,
        skills: [],
        skillTags: [],
        languages: [],
        municipalityId: null,
        homeCenterId: null,
        homePoint: null,
        availability: [],
        interests: [],
        about: null,
        visibleFields: ['photo'],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().profile.visibleFields).toEqual(['photo']);
  });
});
