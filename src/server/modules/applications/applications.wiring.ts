/** Builds the applications module's services. */
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import { createFsFileStore } from '../../platform/storage/fs-file-store.js';
import type { RoleGrants } from '../accounts/index.js';
import type { CenterOpenings, ServiceKinds } from '../centers/index.js';
import type { NetworkService } from '../network/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { createApplicationNotifier } from './applications.notify.js';
import { createApplicationsRepo } from './applications.repo.js';
import { createApplicationsService } from './applications.service.js';
import { createSettingsRepo } from './settings.repo.js';
import { createSettingsService } from './settings.service.js';

export function createApplicationServices(deps: {
  db: Kysely<Database>;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
  mailer: Mailer;
  config: Pick<Config, 'publicUrl' | 'uploadDir' | 'uploadMaxMb'>;
  /** Defaults to the filesystem store in config.uploadDir. */
  store?: FileStore;
  notifications: NotificationsService;
  /** Opening a centre (the last stage) creates it through the centers module … */
  centers: CenterOpenings;
  /** … and grants its coordinators their role through the accounts module. */
  roles: RoleGrants;
  /** The settings page edits the centre service vocabulary through the centers module. */
  serviceKinds: ServiceKinds;
}) {
  const { db, network, clock, audit, mailer, config, notifications } = deps;
  const repo = createApplicationsRepo(db);
  const applicationSettings = createSettingsService({
    db,
    repo: createSettingsRepo(db),
    network,
    audit,
    serviceKinds: deps.serviceKinds,
  });
  const uploadMaxBytes = config.uploadMaxMb * 1_048_576;
  const applications = {
    ...createApplicationsService({
      db,
      repo,
      settings: applicationSettings,
      network,
      clock,
      audit,
      mailer,
      centers: deps.centers,
      roles: deps.roles,
      notifyStep: createApplicationNotifier({ repo, notifications, mailer, publicUrl: config.publicUrl }),
      store: deps.store ?? createFsFileStore(config.uploadDir),
      uploadMaxBytes,
    }),
    uploadMaxBytes,
  };
  return { applications, applicationSettings };
}
