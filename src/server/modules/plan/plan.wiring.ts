/** The plan module's services with their repositories, for the module's manifest. */
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { NetworkService } from '../network/index.js';
import { createDashboardRepo } from './dashboard.repo.js';
import { createDashboardService } from './dashboard.service.js';
import { createPlanRepo } from './plan.repo.js';
import { createPlanService } from './plan.service.js';

export function createPlanServices(deps: {
  db: Kysely<Database>;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
}) {
  const repo = createPlanRepo(deps.db);
  return {
    plan: createPlanService({
      db: deps.db,
      repo,
      network: deps.network,
      clock: deps.clock,
      audit: deps.audit,
    }),
    dashboard: createDashboardService({
      repo: createDashboardRepo(deps.db),
      plan: repo,
      network: deps.network,
      clock: deps.clock,
    }),
  };
}
