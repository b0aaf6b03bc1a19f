/**
 * SQL only in repositories, typed: query-builder calls and raw `sql` live in `*.repo.ts` files and in the
 * few places listed below; services, routes and rules call repository methods. Repositories take Kysely's
 * `Insertable`/`Updateable` row types, never `Record<string, unknown>` cast `as never`.
 */
import { describe, expect, it } from 'vitest';
import { hits, serverSources } from './server-sources.js';

const QUERIES = [
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\(/,
  /\.with(Recursive)?\(\s*['"`]/, // a CTE
  /\bsql\s*(<[^`;]*>)?\s*`/, // the raw sql tag, typed or not
  /\bsql\.(raw|ref|lit|id|join|table|val)\(/,
  /\.(executeQuery|executeSql)\(/,
];

/** Where SQL may be written, and why. */
const ALLOWED: { pattern: RegExp; why: string }[] = [
  { pattern: /\.repo\.ts$/, why: 'repositories' },
  { pattern: /^migrations\//, why: 'migrations' },
  { pattern: /^seed\//, why: 'reference and demo data' },
  { pattern: /\.seed\.ts$/, why: "a module's seed data" },
  { pattern: /^platform\/db\//, why: 'drivers, migrator, backup, versions (beginEdit)' },
  { pattern: /^platform\/audit\/audit\.ts$/, why: 'the audit writer' },
  { pattern: /^platform\/http\/idempotency\.store\.ts$/, why: 'store of idempotency keys' },
  { pattern: /^platform\/http\/rate-limits\.ts$/, why: 'store of shared rate-limit counters' },
  { pattern: /^platform\/auth\/device-cookie\.ts$/, why: 'store of the device-cookie signing key' },
  { pattern: /^platform\/mail\/mailer\.ts$/, why: 'the mail outbox' },
  { pattern: /^platform\/jobs\/jobs\.ts$/, why: 'the pg-boss executor' },
];

const allowed = (file: string) => ALLOWED.some((a) => a.pattern.test(file));

describe('SQL', () => {
  const sources = serverSources();

  it('is written only in repositories and the allowed places', () => {
    expect(sources.length).toBeGreaterThan(100);
    const outside = sources.filter((s) => !allowed(s.file)).flatMap((s) => hits(s, QUERIES));
    expect(outside, 'move these queries into the module’s *.repo.ts (every method takes trx = db)').toEqual(
      [],
    );
  });

  it('finds the queries it looks for (the check would pass vacuously otherwise)', () => {
    const repo = sources.find((s) => s.file === 'modules/accounts/accounts.repo.ts');
    expect(repo && hits(repo, QUERIES).length).toBeGreaterThan(5);
  });

  it('goes into repositories as typed rows (Insertable/Updateable), never cast', () => {
    const untyped = sources
      .filter((s) => s.file.endsWith('.repo.ts'))
      .flatMap((s) => hits(s, [/\bas (never|any)\b/, /Record<string, (unknown|any)>/]));
    expect(untyped).toEqual([]);
  });
});
