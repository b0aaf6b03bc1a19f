/**
 * Registry exports for the regional operator: centres, organizations and applications for centre status,
 * each as CSV or XLSX, built in memory from one query (a region's registry is thousands of rows at most).
 */
import type { Kysely } from 'kysely';
import { localDay } from '../../../shared/time-zone.js';
import { CONTENT_TYPES, type ExportFormat, type Table, toCsv, toXlsx } from '../../lib/spreadsheet.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { NetworkService } from '../network/index.js';
import { canExportRegistry } from './exports.policy.js';
import { type ExportName, tables } from './exports.presenter.js';
import type { ExportsRepo } from './exports.repo.js';

export type ExportFile = { filename: string; contentType: string; body: Buffer; rows: number };

export function createExportsService(deps: {
  db: Kysely<Database>;
  repo: ExportsRepo;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
}) {
  const { db, repo, network, clock, audit } = deps;

  return {
    async download(
      actor: Actor,
      name: ExportName,
      format: ExportFormat,
      context: { requestId?: string } = {},
    ): Promise<ExportFile> {
      const user = requireUser(actor);
      const region = await network.currentRegion();
      authorize(canExportRegistry(actor, region));
      const now = clock.now();

      const write = async <R>(table: Table<R>) => ({
        body: format === 'csv' ? toCsv(table) : await toXlsx(table, now),
        rows: table.rows.length,
      });
      const { body, rows } =
        name === 'centers'
          ? await write(tables.centers(await repo.centers(region.id)))
          : name === 'organizations'
            ? await write(tables.organizations(await repo.organizations(region.id), region.timezone))
            : await write(tables.applications(await repo.applications(region.id), region.timezone));

      await audit.record(db, {
        at: now,
        actorId: user.userId,
        action: 'export.downloaded',
        target: 'registry',
        targetId: region.id,
        requestId: context.requestId ?? null,
        data: { export: name, format, rows },
      });

      return {
        filename: `dobroset-${name}-${localDay(now, region.timezone)}.${format}`,
        contentType: CONTENT_TYPES[format],
        body,
        rows,
      };
    },
  };
}
export type ExportsService = ReturnType<typeof createExportsService>;
