/** Online backup for the operator: a consistent snapshot written to a temporary file, then streamed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { backupTo } from '../../platform/db/backup.js';
import type { Database } from '../../platform/db/schema.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import type { NetworkService } from '../network/index.js';
import { canDownloadBackup } from './admin.policy.js';

export function createAdminService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditWriter;
  network: NetworkService;
  /** Uploaded files travel inside the backup. */
  files: FileStore;
  /** The PostgreSQL server's URL: rows are streamed with COPY (null on the embedded database). */
  copyUrl: string | null;
}) {
  const { db, clock, audit, network, files, copyUrl } = deps;
  return {
    /**
     * Writes the backup to a temporary file first: on the embedded database the snapshot holds the only
     * connection, so it must not wait on a slow download. The caller streams the file and removes it.
     */
    async backup(actor: Actor) {
      const user = requireUser(actor);
      const region = await network.currentRegion();
      authorize(canDownloadBackup(actor, region));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-backup-'));
      const file = path.join(dir, 'backup.jsonl.gz');
      const { rows: counts, files: fileCount, missingFiles } = await backupTo(db, file, { files, copyUrl });
      const now = clock.now();
      await audit.record(db, {
        at: now,
        actorId: user.userId,
        action: 'backup.downloaded',
        target: 'database',
        targetId: null,
        data: { counts, files: fileCount, missingFiles: missingFiles.length },
      });
      return {
        file,
        filename: `dobroset-${now.toISOString().slice(0, 10)}.jsonl.gz`,
        size: fs.statSync(file).size,
        cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
  };
}
export type AdminService = ReturnType<typeof createAdminService>;
