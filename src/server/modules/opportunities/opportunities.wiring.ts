/** Builds the opportunities module's services. */
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/schema.js';
import type { NetworkService } from '../network/index.js';
import { createCalendarRepo } from './ical.repo.js';
import { createIcalService } from './ical.service.js';
import { createOpportunitiesRepo } from './opportunities.repo.js';
import { createOpportunitiesService } from './opportunities.service.js';
import type { ShiftChangeListener } from './shift-changes.js';
import { createShiftsService } from './shifts.service.js';

export function createOpportunityServices(deps: {
  db: Kysely<Database>;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
  config: Pick<Config, 'publicUrl'>;
  /** Who is told when shifts change (the signups module); nobody by default. */
  shiftChanges?: ShiftChangeListener;
}) {
  const { db, clock, audit } = deps;
  const repo = createOpportunitiesRepo(db);
  const opportunities = createOpportunitiesService({
    db,
    repo,
    clock,
    audit,
    shiftChanges: deps.shiftChanges,
  });
  const shifts = createShiftsService({ db, repo, opportunities, clock });
  const calendar = createIcalService({
    db,
    feeds: createCalendarRepo(db),
    opportunities,
    clock,
    audit,
    publicUrl: deps.config.publicUrl,
  });
  return {
    opportunities,
    opportunityShifts: shifts,
    opportunityCalendar: calendar,
    opportunityNetwork: deps.network,
  };
}
export type OpportunityServices = ReturnType<typeof createOpportunityServices>;
