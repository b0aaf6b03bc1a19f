/**
 * One writer of the audit log: `audit_events` is written only by platform/audit (its action union is the
 * list of what the application records). Migrations create the table; platform/db/schema.ts types it.
 */
import { describe, expect, it } from 'vitest';
import { hits, serverSources } from './server-sources.js';

const WRITES = [
  /\.(insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(\s*['"`]audit_events\b/,
  /\b(insert\s+into|update|delete\s+from|merge\s+into|truncate(\s+table)?)\s+audit_events\b/i,
];

const ALLOWED = [/^platform\/audit\//, /^migrations\//, /^platform\/db\/schema\.ts$/];

describe('the audit log', () => {
  it('is written only through platform/audit', () => {
    const sources = serverSources();
    expect(sources.length).toBeGreaterThan(100);
    const writers = sources
      .filter((s) => !ALLOWED.some((allowed) => allowed.test(s.file)))
      .flatMap((s) => hits(s, WRITES));
    expect(writers, 'write audit rows with AuditWriter.record (platform/audit/audit.ts)').toEqual([]);
  });

  it('has a writer (the check would pass vacuously without one)', () => {
    const writer = serverSources().find((s) => s.file === 'platform/audit/audit.ts');
    expect(writer && hits(writer, WRITES)).toHaveLength(1);
  });
});
