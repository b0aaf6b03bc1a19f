/** Builds check-in (part of signups): QR tokens, the volunteer's check-in/out, the desk, walk-ins. */
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/schema.js';
import type { RateLimits } from '../../platform/http/rate-limits.js';
import type { ShiftCheckinKeys } from '../opportunities/index.js';
import { createCheckinDesk } from './checkin.desk.js';
import { createAttemptLimiter } from './checkin.limiter.js';
import { createCheckinRepo } from './checkin.repo.js';
import { createCheckinService } from './checkin.service.js';
import { createCheckinSteps } from './checkin.steps.js';
import type { SignupServices } from './signups.wiring.js';

/** Wrong short codes allowed per user in the window (see docs/checkin.md). */
export const CODE_ATTEMPTS = { max: 5, windowMs: 15 * 60_000 };

export function createCheckinServices(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditWriter;
  config: Pick<Config, 'publicUrl'>;
  /** The signups services: their core, repository and attendance step are reused, not rebuilt. */
  signups: Pick<SignupServices, 'core' | 'repo' | 'service' | 'invitations'>;
  /** Counters shared by all instances: wrong short codes are limited per user across them. */
  limits: RateLimits;
  /** The shift's check-in key (the opportunities module owns `shifts`). */
  shiftKeys: ShiftCheckinKeys;
}) {
  const { db, clock, audit, config } = deps;
  const { core, repo: signups } = deps.signups;
  const repo = createCheckinRepo(db);
  const steps = createCheckinSteps({ signups, repo, clock, audit });
  return {
    service: createCheckinService({
      db,
      signups,
      repo,
      steps,
      clock,
      audit,
      publicUrl: config.publicUrl,
      limiter: createAttemptLimiter(deps.limits, CODE_ATTEMPTS),
      shiftKeys: deps.shiftKeys,
    }),
    desk: createCheckinDesk({
      db,
      signups,
      repo,
      steps,
      core,
      attendance: deps.signups.service.attendance,
      invitations: deps.signups.invitations,
      clock,
      audit,
    }),
  };
}
export type CheckinServices = ReturnType<typeof createCheckinServices>;
