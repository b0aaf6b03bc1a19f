/**
 * Device cookies (OWASP "Slow down online guessing attacks with device cookies"): a browser that has
 * logged in to an account carries `dobroset_device = <nonce>.<HMAC(account, nonce)>`. On a later login
 * to the same account, a valid cookie lets the attempt skip the account's progressive delay (it is
 * throttled per device instead), so a stranger hammering the account cannot lock its owner out.
 *
 * The account is named by a hash of its normalised address, so the cookie says nothing about who it
 * belongs to. The signing key lives in `security_keys` (created on first use), shared by all instances.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export const DEVICE_COOKIE = 'dobroset_device';
const KEY_NAME = 'device_cookie';
const MAX_AGE_DAYS = 180;

/** The hash that names an account in limits and device cookies (never the address itself). */
export const accountKey = (normalizedEmail: string) =>
  createHash('sha256').update(`account:${normalizedEmail}`).digest('base64url');

export function createDeviceCookies(deps: { db: Kysely<Database> }) {
  let secret: Promise<Buffer> | null = null;

  const loadSecret = () => {
    secret ??= (async () => {
      await deps.db
        .insertInto('security_keys')
        .values({ name: KEY_NAME, secret: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await deps.db
        .selectFrom('security_keys')
        .select('secret')
        .where('name', '=', KEY_NAME)
        .executeTakeFirstOrThrow();
      return Buffer.from(row.secret, 'base64url');
    })().catch((error: unknown) => {
      secret = null;
      throw error;
    });
    return secret;
  };

  const sign = async (account: string, nonce: string) =>
    createHmac('sha256', await loadSecret())
      .update(`${account}.${nonce}`)
      .digest('base64url');

  return {
    /** A new cookie value for this account. */
    async issue(account: string): Promise<string> {
      const nonce = randomBytes(16).toString('base64url');
      return `${nonce}.${await sign(account, nonce)}`;
    },

    /** The device's nonce when the cookie is valid for this account, else null. */
    async verify(value: string | undefined, account: string): Promise<string | null> {
      if (!value || value.length > 200) return null;
      const [nonce, signature, extra] = value.split('.');
      if (!nonce || !signature || extra !== undefined) return null;
      const expected = Buffer.from(await sign(account, nonce));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given) ? nonce : null;
    },
  };
}
export type DeviceCookies = ReturnType<typeof createDeviceCookies>;

/** Sent only to the login endpoint; httpOnly and same-site strict. */
export function setDeviceCookie(reply: FastifyReply, value: string, secure: boolean) {
  reply.setCookie(DEVICE_COOKIE, value, {
    path: '/api/auth/login',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: MAX_AGE_DAYS * 86_400,
  });
}
