import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random URL-safe token (256 bits) for cookies and mailed links. */
export const newToken = () => randomBytes(32).toString('base64url');
/** Tokens are stored only as their SHA-256, so a database leak yields no usable session or link. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** argon2id (Algorithm.Argon2id = 2; a const enum, so written as its value) with OWASP's minimum cost. */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const hashPassword = (password: string) => hash(password.normalize('NFC'), ARGON2);
export const verifyPassword = async (stored: string, password: string) => {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
};
let dummy: Promise<string> | null = null;
/** Verified against when an account does not exist, so both paths take the same time. */
export const dummyHash = () => {
  dummy ??= hashPassword(newToken());
  return dummy;
};

/** A readable one-time password for the first admin (no look-alike characters). */
export function oneTimePassword(length = 16): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
