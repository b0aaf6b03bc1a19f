/** The audit row of a squad action (one shape for the squad services), through the platform's writer. */
import type { Kysely } from 'kysely';
import type { AuditAction, AuditData, AuditWriter } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';

export const squadAudit =
  (audit: AuditWriter) =>
  (actorId: string, action: AuditAction<'squad'>, squadId: string, data: AuditData, trx: Kysely<Database>) =>
    audit.record(trx, { actorId, action, target: 'squad', targetId: squadId, data });
