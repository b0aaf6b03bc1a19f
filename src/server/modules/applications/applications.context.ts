/** What the application use cases share: dependencies, "today", loading with the visibility rule, the detail. */
import type { Kysely } from 'kysely';
import type { ApplicationDetail } from '../../../shared/contracts/applications.js';
import { localDay } from '../../../shared/time-zone.js';
import type { AuditAction, AuditData, AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import type { RoleGrants } from '../accounts/index.js';
import type { CenterOpenings } from '../centers/index.js';
import type { NetworkService } from '../network/index.js';
import { allowedTargets } from './application-workflow.js';
import type { NotifyStep } from './applications.notify.js';
import {
  canEditApplication,
  canReviewApplication,
  canSeeApplication,
  canUploadDocuments,
  isApplicant,
  isOperator,
} from './applications.policy.js';
import { toApplication, toDocument, toEvent } from './applications.presenter.js';
import type { ApplicationRow, ApplicationsRepo } from './applications.repo.js';
import { type SettingsService, toDocumentKindView } from './settings.service.js';

export type ApplicationsDeps = {
  db: Kysely<Database>;
  repo: ApplicationsRepo;
  settings: SettingsService;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
  mailer: Mailer;
  notifyStep: NotifyStep;
  store: FileStore;
  uploadMaxBytes: number;
  centers: CenterOpenings;
  roles: RoleGrants;
};

export function createApplicationsContext(deps: ApplicationsDeps) {
  const { repo, settings, network, clock } = deps;

  async function today() {
    const region = await network.currentRegion();
    return localDay(clock.now(), region.timezone);
  }

  /** The application if the actor may see it; otherwise 404 (its existence stays private). */
  async function loadVisible(actor: Actor, id: string, trx?: Kysely<Database>): Promise<ApplicationRow> {
    requireUser(actor);
    const row = await repo.find(id, trx);
    authorize(row !== undefined && canSeeApplication(actor, row), { hide: true, what: 'application' });
    return row as ApplicationRow;
  }

  /** Target stages this actor may choose now (the union of their sides). */
  async function allowedFor(actor: Actor, row: ApplicationRow) {
    const stages = await settings.stageRows();
    const targets = new Set<string>();
    if (isApplicant(actor, row)) for (const t of allowedTargets(row, 'applicant', stages)) targets.add(t);
    if (isOperator(actor, row)) for (const t of allowedTargets(row, 'operator', stages)) targets.add(t);
    return [...targets];
  }

  async function detail(actor: Actor, id: string): Promise<ApplicationDetail> {
    const row = await loadVisible(actor, id);
    const [kinds, docs, events, requiredKinds, day] = await Promise.all([
      settings.documentKindRows(),
      repo.documents(id),
      repo.events(id),
      repo.requiredKindCount(),
      today(),
    ]);
    const versions = await repo.versions(docs.map((d) => d.id));
    const shown = kinds.filter((k) => k.active || docs.some((d) => d.kind_code === k.code));
    return {
      application: toApplication(row, day, requiredKinds),
      documents: shown.map((k) =>
        toDocument(
          toDocumentKindView(k),
          docs.find((d) => d.kind_code === k.code),
          versions,
        ),
      ),
      events: events.map(toEvent),
      allowedTransitions: await allowedFor(actor, row),
      permissions: {
        edit: canEditApplication(actor, row),
        upload: canUploadDocuments(actor, row),
        review: canReviewApplication(actor, row),
      },
    };
  }

  /** An audit row about the application (`center.opened`: about the centre it opened). */
  const audit = (
    trx: Kysely<Database>,
    actorId: string,
    action: AuditAction<'center_application'> | 'center.opened',
    entityId: string,
    data: AuditData,
  ) =>
    action === 'center.opened'
      ? deps.audit.record(trx, { actorId, action, target: 'center', targetId: entityId, data })
      : deps.audit.record(trx, { actorId, action, target: 'center_application', targetId: entityId, data });

  /** The notice's application block from a row. */
  const noticeApp = (row: ApplicationRow) => ({
    id: row.id,
    name: row.proposed_name ?? row.organization_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    regionId: row.region_id,
  });

  return { ...deps, today, loadVisible, detail, audit, noticeApp };
}
export type ApplicationsContext = ReturnType<typeof createApplicationsContext>;
