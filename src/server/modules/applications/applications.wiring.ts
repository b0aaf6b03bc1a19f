/** Builds the applications module's services (and the in-app notifications they use). */
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import { createFsFileStore } from '../../platform/storage/fs-file-store.js';
import type { NetworkService } from '../network/network.service.js';
import { createNotificationsRepo } from '../notifications/notifications.repo.js';
import { createNotificationsService } from '../notifications/notifications.service.js';
import { createApplicationNotifier } from './applications.notify.js';
import { createApplicationsRepo } from './applications.repo.js';
import { createApplicationsService } from './applications.service.js';
import { createSettingsService } from './settings.service.js';

export function createApplicationServices(deps: {
  db: Kysely<Database>;
  network: NetworkService;
  clock: Clock;
  mailer: Mailer;
  config: Pick<Config, 'publicUrl' | 'uploadDir' | 'uploadMaxMb'>;
  /** Defaults to the filesystem store in config.uploadDir. */
  store?: FileStore;
}) {
  const { db, network, clock, mailer, config } = deps;
  const notifications = createNotificationsService({ db, repo: createNotificationsRepo(db), clock });
  const repo = createApplicationsRepo(db);
  const applicationSettings = createSettingsService({ db, network, clock });
  const uploadMaxBytes = config.uploadMaxMb * 1_048_576;
  const applications = {
    ...createApplicationsService({
      db,
      repo,
      settings: applicationSettings,
      network,
      clock,
      mailer,
      notifyStep: createApplicationNotifier({ repo, notifications, mailer, publicUrl: config.publicUrl }),
      store: deps.store ?? createFsFileStore(config.uploadDir),
      uploadMaxBytes,
    }),
    uploadMaxBytes,
  };
  return { applications, applicationSettings, notifications };
}
