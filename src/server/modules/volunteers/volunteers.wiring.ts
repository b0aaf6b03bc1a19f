/** The volunteers module's services with their repositories, for the module's manifest. */
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import { createMemoryFileStore } from '../../platform/storage/fs-file-store.js';
import type { ConsentRecords, RoleGrants } from '../accounts/index.js';
import type { ConsentChangeListener } from './consent-changes.js';
import { createConsentsService } from './consents.service.js';
import { createPhotosService } from './photos.service.js';
import { createProfilesService } from './profiles.service.js';
import { createSquadLeadersService } from './squad-leaders.service.js';
import { createSquadNotices, type SquadNoticeDeps } from './squads.notices.js';
import { createSquadsRepo } from './squads.repo.js';
import { createSquadsService } from './squads.service.js';
import { createVolunteersRepo } from './volunteers.repo.js';

export function createVolunteerServices(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditWriter;
  /** The region's time zone (default Moscow time, for tests without a region). */
  timeZone?: () => Promise<string>;
  /** Where profile photos are kept (the installation's file store; in memory when not given). */
  files?: FileStore;
  uploadMaxBytes?: number;
  /** Told when a consent is withdrawn (the signups module); nobody by default. */
  consentChanges?: ConsentChangeListener;
  /** In-app notices and mail about squad leadership (the notifications module, the mailer). */
  notices: SquadNoticeDeps;
  /** Grants and revokes the `squad_leader` role (the accounts module). */
  roles: RoleGrants;
  /** Records, locks and withdraws consents (the accounts module owns `consents`). */
  consentRecords: ConsentRecords;
}) {
  const volunteers = createVolunteersRepo(deps.db);
  const timeZone = deps.timeZone ?? (async () => 'Europe/Moscow');
  const { audit } = deps;
  const profiles = createProfilesService({
    db: deps.db,
    repo: volunteers,
    clock: deps.clock,
    audit,
    timeZone,
  });
  const squadsRepo = createSquadsRepo(deps.db);
  const notices = createSquadNotices({ ...deps.notices, repo: squadsRepo });
  const squads = createSquadsService({
    db: deps.db,
    repo: squadsRepo,
    volunteers,
    clock: deps.clock,
    audit,
    notices,
    roles: deps.roles,
  });
  return {
    profiles,
    photos: createPhotosService({
      db: deps.db,
      repo: volunteers,
      clock: deps.clock,
      audit,
      store: deps.files ?? createMemoryFileStore(),
      profiles,
      uploadMaxBytes: deps.uploadMaxBytes ?? 10 * 1_048_576,
    }),
    consents: createConsentsService({
      db: deps.db,
      repo: volunteers,
      records: deps.consentRecords,
      clock: deps.clock,
      audit,
      timeZone,
      consentChanges: deps.consentChanges,
    }),
    squads,
    squadLeaders: createSquadLeadersService({
      db: deps.db,
      repo: squadsRepo,
      squads,
      clock: deps.clock,
      audit,
      notices,
      roles: deps.roles,
    }),
  };
}
export type VolunteerServices = ReturnType<typeof createVolunteerServices>;
