/** Test fixtures for the check-in tests: a centre with its coordinator, another centre, the operator, volunteers. */

import { createTestPlatform, sessionCookie, type TestPlatform } from './app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from './factories.js';
import { buildShift, setProfile } from './signups.fixtures.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A centre with its coordinator, another centre, the region's operator, volunteers and shifts. */
export async function checkinScene() {
  const t: TestPlatform = await createTestPlatform();
  const login = async (email: string) =>
    sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
  const center = await buildCenter(t.db);
  const { region_id } = await t.db
    .selectFrom('organizations')
    .select('region_id')
    .where('id', '=', center.organization_id)
    .executeTakeFirstOrThrow();
  const coordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: center.id, displayName: 'Координатор' }))
      .email,
  );
  const other = await buildCenter(t.db);
  const otherCoordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: other.id })).email,
  );
  const operator = await login((await buildUser(t.db, { role: 'regional_admin', scopeId: region_id })).email);

  const volunteer = async (displayName = 'Иван Петров') => {
    const user = await buildUser(t.db, { role: 'volunteer', displayName });
    await setProfile(t.db, user.id, { birthDate: '1995-05-05' });
    return { ...user, cookie: await login(user.email) };
  };
  /** A shift starting 30 minutes from the test clock (check-in is already open), 3 hours long. */
  const shift = (opts: { capacity?: number; roles?: { name: string; capacity: number }[] } = {}) =>
    buildShift(t.db, {
      centerId: center.id,
      startsAt: new Date(t.clock.now().getTime() + 30 * MINUTE),
      hours: 3,
      capacity: opts.capacity ?? 3,
      roles: opts.roles,
    });
  const signUp = async (cookie: string, shiftId: string) =>
    (await t.request('POST', `/api/shifts/${shiftId}/signups`, { cookie, body: {} })).json().signup;
  /** Moves the test clock forward (tests only ever move it forward, so shifts never collide). */
  const advance = (ms: number) => t.clock.advance(ms);
  return { t, center, coordinator, otherCoordinator, operator, volunteer, shift, signUp, advance };
}
export type CheckinScene = Awaited<ReturnType<typeof checkinScene>>;
