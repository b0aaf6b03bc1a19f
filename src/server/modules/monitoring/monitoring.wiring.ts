/** Builds the module's two services (work log, monitoring) for the module's manifest. */
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { NetworkService } from '../network/index.js';
import { createMonitoringRepo } from './monitoring.repo.js';
import { createMonitoringService } from './monitoring.service.js';
import { createWorkLogRepo } from './worklog.repo.js';
import { createWorkLogService } from './worklog.service.js';

export function createMonitoringServices(deps: {
  db: Kysely<Database>;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
}) {
  const { db, network, clock, audit } = deps;
  const repo = createWorkLogRepo(db);
  return {
    workLog: createWorkLogService({ db, repo, network, clock, audit }),
    monitoring: createMonitoringService({
      db,
      repo: createMonitoringRepo(db),
      workLog: repo,
      network,
      clock,
      audit,
    }),
  };
}
