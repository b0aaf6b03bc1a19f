/**
 * A module writes only its own tables: another module's rows change through a function that module
 * publishes (`roles.grant(trx, …)`, `consentRecords.give(trx, …)`, `centerOpenings.open(trx, …)`,
 * `serviceKinds`, the shift check-in keys), never by an insert, update, delete or `beginEdit` of its
 * table (docs/ARCHITECTURE.md, Module boundaries). Reads across modules are fine.
 */
import { describe, expect, it } from 'vitest';
import { serverSources } from './server-sources.js';

/** The module that writes each table. */
const OWNERS: Record<string, string> = {
  users: 'accounts',
  sessions: 'accounts',
  one_time_tokens: 'accounts',
  role_assignments: 'accounts',
  // a consent is the account holder's; the first is recorded with the account (registration, one
  // transaction); volunteers records its purposes through accounts' `consentRecords`
  consents: 'accounts',
  municipalities: 'network',
  municipality_changes: 'network',
  municipality_lineage: 'network',
  centers: 'centers',
  center_status_events: 'centers',
  center_service_kinds: 'centers',
  organizations: 'organizations',
  organization_invitations: 'organizations',
  center_applications: 'applications',
  application_stages: 'applications',
  application_document_kinds: 'applications',
  application_events: 'applications',
  application_documents: 'applications',
  application_document_versions: 'applications',
  notifications: 'notifications',
  rollout_targets: 'plan',
  rollout_target_revisions: 'plan',
  work_log_entries: 'monitoring',
  work_log_revisions: 'monitoring',
  monitoring_indicators: 'monitoring',
  monitoring_rounds: 'monitoring',
  monitoring_round_centers: 'monitoring',
  monitoring_round_indicators: 'monitoring',
  monitoring_scores: 'monitoring',
  volunteer_profiles: 'volunteers',
  guardian_consents: 'volunteers',
  squads: 'volunteers',
  squad_members: 'volunteers',
  squad_leader_invitations: 'volunteers',
  opportunities: 'opportunities',
  opportunity_categories: 'opportunities',
  shifts: 'opportunities',
  shift_roles: 'opportunities',
  shift_series: 'opportunities',
  shift_templates: 'opportunities',
  calendar_feeds: 'opportunities',
  signups: 'signups',
  signup_swaps: 'signups',
  shift_invitations: 'signups',
  shift_walk_ins: 'signups',
};

const WRITES = [
  /\.(?:insertInto|updateTable|deleteFrom)\(\s*'([a-z_]+)/g,
  /\bbeginEdit\(\s*\w+,\s*'([a-z_]+)'/g,
  /\binsert\s+into\s+([a-z_]+)/gi,
  /\bdelete\s+from\s+([a-z_]+)/gi,
  /\bupdate\s+([a-z_]+)\s+set\b/gi,
];

describe('table owners', () => {
  const modules = serverSources()
    .map((s) => ({ ...s, module: /^modules\/([^/]+)\//.exec(s.file)?.[1] }))
    .filter((s) => s.module && !/\.seed\.ts$/.test(s.file));
  const writes = modules.flatMap((s) =>
    s.code.split('\n').flatMap((line, i) =>
      WRITES.flatMap((pattern) =>
        [...line.matchAll(pattern)].map((m) => ({
          module: s.module as string,
          table: (m[1] as string).toLowerCase(),
          at: `${s.file}:${i + 1}`,
        })),
      ),
    ),
  );

  it('finds the writes it looks for (the check would pass vacuously otherwise)', () => {
    expect(writes.length).toBeGreaterThan(100);
  });

  it('every table a module writes has an owner here', () => {
    const unknown = writes.filter((w) => !OWNERS[w.table]).map((w) => `${w.at} ${w.table}`);
    expect(unknown, 'add the new table to OWNERS').toEqual([]);
  });

  it("no module writes another module's table", () => {
    const foreign = writes
      .filter((w) => OWNERS[w.table] !== w.module)
      .map((w) => `${w.at} ${w.module} writes ${w.table} (owner: ${OWNERS[w.table]})`);
    expect(
      foreign,
      "call a function the owning module publishes (it takes the caller's transaction)",
    ).toEqual([]);
  });
});
