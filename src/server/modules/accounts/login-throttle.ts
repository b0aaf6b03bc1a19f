/**
 * The per-account login delay. Every attempt is counted BEFORE the password is checked, in PostgreSQL
 * (one atomic statement, shared by all instances): five attempts go at once, then one per 1 s, 2 s, 4 s …
 * up to 30 s; a quiet quarter of an hour forgets the count. An attempt refused by the delay is answered
 * 429 with `Retry-After`, without looking at the password — on the server nothing sleeps.
 *
 * A browser that logged in to the account before carries a device cookie: its attempts are counted per
 * device, not per account, so whoever sprays the account slows down only themselves, never its owner.
 * Unknown addresses are counted exactly like known ones (the key is a hash of the address), so the
 * delay tells nothing about which addresses are registered.
 */
import { accountKey, type DeviceCookies } from '../../platform/auth/device-cookie.js';
import {
  type DelayPolicy,
  type RateLimits,
  RetryLaterError,
  secondsUntil,
} from '../../platform/http/rate-limits.js';

export const LOGIN_DELAY: DelayPolicy = { free: 5, baseMs: 1000, maxMs: 30_000, windowMs: 15 * 60_000 };

export type LoginAdmission = { key: string; account: string; trustedDevice: boolean };

export function createLoginThrottle(deps: { limits: RateLimits; devices: DeviceCookies }) {
  const { limits, devices } = deps;
  return {
    /** Counts the attempt or refuses it with 429 (the caller has not looked at the password yet). */
    async admit(normalizedEmail: string, deviceCookie: string | undefined): Promise<LoginAdmission> {
      const account = accountKey(normalizedEmail);
      const device = await devices.verify(deviceCookie, account);
      const key = device ? `login-device:${device}` : `login:${account}`;
      const claim = await limits.claim(key, LOGIN_DELAY);
      if (!claim.allowed) {
        const seconds = secondsUntil(claim.retryAt, limits.now());
        throw new RetryLaterError(
          'login_throttled',
          `Too many failed attempts for this account; try again in ${seconds} s.`,
          seconds,
          [
            {
              field: 'password',
              code: 'login_throttled',
              message: 'Too many failed attempts.',
              params: { seconds: String(seconds) },
            },
          ],
        );
      }
      return { key, account, trustedDevice: device !== null };
    },

    /** The password was right: the count starts over; returns a fresh device cookie for this account. */
    async passed(admission: LoginAdmission): Promise<string> {
      await limits.clear(admission.key);
      return devices.issue(admission.account);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
