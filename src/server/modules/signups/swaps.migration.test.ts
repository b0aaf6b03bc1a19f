/**
 * Migration 0018 turns swap offers to a person into offers to an address and keeps every existing offer
 * valid: each gets its person's address, a pending one forgets the person until someone accepts it with
 * that verified address (and can then be accepted as before), answered ones keep who answered them.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../../test/support/signups.fixtures.js';
import * as m0018 from '../../migrations/0018_swap_offers_by_address.js';

let t: TestPlatform;
let centerId: string;
const DEC = (day: number) => new Date(Date.UTC(2026, 11, day, 2));
const volunteer = async () => {
  const user = await buildUser(t.db, { role: 'volunteer' });
  await setProfile(t.db, user.id, { birthDate: '1990-01-01' });
  return user;
};
const confirmed = async (userId: string, day: number) => {
  const shift = await buildShift(t.db, { centerId, startsAt: DEC(day), capacity: 2 });
  const { rows } = await sql<{
    id: string;
  }>`insert into signups (shift_id, user_id, status, created_at, updated_at)
    values (${shift.id}, ${userId}, 'confirmed', now(), now()) returning id`.execute(t.db);
  return (rows[0] as { id: string }).id;
};
/** The migration's own view of the database: no row types. */
const raw = () => t.db as unknown as Kysely<unknown>;
type Row = { id: string; to_email: string; to_user_id: string | null; status: string };
const rows = async () =>
  (await sql<Row>`select id, to_email, to_user_id, status from signup_swaps`.execute(t.db)).rows;

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
});
afterAll(async () => {
  await t.close();
});

describe('migration 0018: swap offers by address', () => {
  it('keeps existing offers valid, and the way back keeps the ones that name a person', async () => {
    const giver = await volunteer();
    const peer = await volunteer();
    const other = await volunteer();
    const first = await confirmed(giver.id, 1);
    const second = await confirmed(giver.id, 2);

    // The table as it was before 0018, with offers made then.
    await m0018.down(raw());
    const old = async (signupId: string, to: string, status: string) => {
      const decided = status === 'pending' ? null : new Date();
      const { rows: made } = await sql<{ id: string }>`insert into signup_swaps
        (signup_id, from_user_id, to_user_id, status, created_at, decided_at)
        values (${signupId}, ${giver.id}, ${to}, ${status}, now(), ${decided}) returning id`.execute(t.db);
      return (made[0] as { id: string }).id;
    };
    const pending = await old(first, peer.id, 'pending');
    const declined = await old(first, other.id, 'declined');
    const withdrawn = await old(second, peer.id, 'withdrawn');

    await m0018.up(raw());
    const byId = new Map((await rows()).map((r) => [r.id, r]));
    expect(byId.get(pending)).toMatchObject({ to_email: peer.email, to_user_id: null, status: 'pending' });
    expect(byId.get(declined)).toMatchObject({ to_email: other.email, to_user_id: other.id });
    expect(byId.get(withdrawn)).toMatchObject({ to_email: peer.email, to_user_id: peer.id });
    // the rules of the new table hold: one open offer per signup and address, addresses in lower case
    await expect(
      sql`insert into signup_swaps (signup_id, from_user_id, to_email, created_at)
        values (${first}, ${giver.id}, ${peer.email}, now())`.execute(t.db),
    ).rejects.toThrow(/signup_swaps_one_pending/);
    await expect(
      sql`insert into signup_swaps (signup_id, from_user_id, to_email, created_at)
        values (${first}, ${giver.id}, 'Someone@Example.RU', now())`.execute(t.db),
    ).rejects.toThrow(/signup_swaps_to_email_check/);

    // the migrated pending offer is answered as a new one: the peer accepts it in their account
    const cookie = sessionCookie(
      await t.request('POST', '/api/auth/login', { body: { email: peer.email, password: TEST_PASSWORD } }),
    );
    const accepted = await t.request('POST', `/api/swaps/${pending}/accept`, { cookie });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().swap).toMatchObject({ status: 'accepted', to: { email: peer.email } });

    // Back down: an offer to an address without an account cannot be kept, the others name their person.
    const nobody = await confirmed(giver.id, 3);
    const { rows: made } = await sql<{ id: string }>`insert into signup_swaps
      (signup_id, from_user_id, to_email, created_at)
      values (${nobody}, ${giver.id}, 'nobody-here@example.ru', now()) returning id`.execute(t.db);
    const unknown = (made[0] as { id: string }).id;
    const open = await sql`insert into signup_swaps (signup_id, from_user_id, to_email, created_at)
      values (${second}, ${giver.id}, ${other.email}, now()) returning id`.execute(t.db);
    const openId = (open.rows[0] as { id: string }).id;
    await m0018.down(raw());
    const back = new Map(
      (
        await sql<{ id: string; to_user_id: string }>`select id, to_user_id from signup_swaps`.execute(t.db)
      ).rows.map((r) => [r.id, r.to_user_id]),
    );
    expect(back.has(unknown)).toBe(false);
    expect(back.get(openId)).toBe(other.id);
    expect(back.get(pending)).toBe(peer.id);
    expect(back.get(declined)).toBe(other.id);
    await m0018.up(raw());
    expect((await rows()).find((r) => r.id === openId)).toMatchObject({
      to_email: other.email,
      to_user_id: null,
    });
  });
});
