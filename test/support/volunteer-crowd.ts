/**
 * Many volunteers at once, straight in the database: verified users with a volunteer role, a profile
 * (adult), the current consent to volunteering and a live session each, so a load test can send
 * authenticated requests without logging in (password hashing would dominate the run).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { tokenHash } from '../../src/server/platform/crypto.js';
import type { Database } from '../../src/server/platform/db/schema.js';
import { volunteeringDocument } from './signups.fixtures.js';

export type CrowdMember = { userId: string; email: string; cookie: string };

const CHUNK = 200;

export async function buildVolunteerCrowd(
  db: Kysely<Database>,
  count: number,
  prefix = randomBytes(4).toString('hex'),
): Promise<CrowdMember[]> {
  const now = new Date();
  const version = await volunteeringDocument(db);
  const out: CrowdMember[] = [];
  for (let from = 0; from < count; from += CHUNK) {
    const size = Math.min(CHUNK, count - from);
    const users = await db
      .insertInto('users')
      .values(
        Array.from({ length: size }, (_, i) => ({
          email: `${prefix}-${from + i}@crowd.example.ru`,
          display_name: `Доброволец ${from + i}`,
          password_hash: 'not-a-password',
          email_verified_at: now,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'email'])
      .execute();
    await db
      .insertInto('role_assignments')
      .values(users.map((u) => ({ user_id: u.id, role: 'volunteer' as const, scope_type: 'self' as const })))
      .execute();
    await db
      .insertInto('volunteer_profiles')
      .values(users.map((u) => ({ user_id: u.id, birth_date: '1990-01-01' }) as never))
      .execute();
    await db
      .insertInto('consents')
      .values(
        users.map((u) => ({
          user_id: u.id,
          purpose: 'volunteering',
          version,
          given_at: new Date('2020-01-01T00:00:00Z'),
        })),
      )
      .execute();
    const tokens = users.map(() => randomBytes(32).toString('base64url'));
    await db
      .insertInto('sessions')
      .values(
        users.map((u, i) => ({
          token_hash: tokenHash(tokens[i] as string),
          user_id: u.id,
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + 7 * 86_400_000),
          user_agent: 'crowd',
          ip: null,
        })),
      )
      .execute();
    users.forEach((u, i) => {
      out.push({ userId: u.id, email: u.email, cookie: `dobroset_session=${tokens[i]}` });
    });
  }
  return out;
}
