/**
 * Tells both sides of an application about a step: an in-app notification and a mail (through the outbox)
 * to the organization's representatives and to the region's operators, except the person who acted.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { NotificationsService } from '../notifications/index.js';
import type { ApplicationsRepo } from './applications.repo.js';

export type StepEvent =
  | 'submitted'
  | 'resubmitted'
  | 'advanced'
  | 'changes_requested'
  | 'rejected'
  | 'withdrawn'
  | 'opened'
  | 'document_uploaded'
  | 'document_accepted'
  | 'document_returned';

export type StepNotice = {
  event: StepEvent;
  application: {
    id: string;
    name: string;
    organizationId: string;
    organizationName: string;
    regionId: string;
  };
  actorId: string;
  /** Who hears about it: both sides (transitions), or one. */
  audience: 'both' | 'applicant' | 'operator';
  /** Also mail it (transitions and returned documents); otherwise in-app only. */
  mail: boolean;
  stage?: { code: string; nameRu: string; nameEn: string };
  document?: { code: string; nameRu: string; nameEn: string };
  comment?: string | null;
};

export function createApplicationNotifier(deps: {
  repo: ApplicationsRepo;
  notifications: NotificationsService;
  mailer: Mailer;
  publicUrl: string;
}) {
  const { repo, notifications, mailer, publicUrl } = deps;

  /** Writes the notifications and queued mail in `trx`; returns outbox ids to dispatch after commit. */
  return async function notifyStep(trx: Kysely<Database>, notice: StepNotice): Promise<string[]> {
    const { application: app } = notice;
    const applicants =
      notice.audience === 'operator' ? [] : await repo.holders('org_representative', app.organizationId, trx);
    const operators =
      notice.audience === 'applicant' ? [] : await repo.holders('regional_admin', app.regionId, trx);
    const recipients = [...applicants, ...operators].filter(
      (u, i, all) => u.id !== notice.actorId && all.findIndex((x) => x.id === u.id) === i,
    );
    if (recipients.length === 0) return [];
    const link = `/applications/${app.id}`;
    await notifications.notify(
      trx,
      recipients.map((u) => u.id),
      {
        kind: `application.${notice.event}`,
        link,
        params: {
          applicationId: app.id,
          application: app.name,
          organization: app.organizationName,
          stage: notice.stage?.code ?? null,
          stageNameRu: notice.stage?.nameRu ?? null,
          stageNameEn: notice.stage?.nameEn ?? null,
          document: notice.document?.code ?? null,
          documentNameRu: notice.document?.nameRu ?? null,
          documentNameEn: notice.document?.nameEn ?? null,
          comment: notice.comment ?? null,
        },
      },
    );
    if (!notice.mail) return [];
    const ids: string[] = [];
    for (const user of recipients) {
      const ru = user.locale === 'ru';
      ids.push(
        await mailer.enqueue(trx, user.email, user.locale, {
          template: 'application_step',
          vars: {
            name: user.display_name,
            event: notice.event,
            application: app.name,
            organization: app.organizationName,
            stage: (ru ? notice.stage?.nameRu : notice.stage?.nameEn) ?? '',
            document: (ru ? notice.document?.nameRu : notice.document?.nameEn) ?? '',
            comment: notice.comment ?? '',
            link: `${publicUrl}${link}`,
          },
        }),
      );
    }
    return ids;
  };
}
export type NotifyStep = ReturnType<typeof createApplicationNotifier>;
