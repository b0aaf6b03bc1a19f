/**
 * Moving an application along the workflow (rules in application-workflow.ts). Each transition locks the
 * application row, checks the side, comment and documents, records an event and an audit row, notifies
 * both sides and — for `opened` — creates the active centre.
 */
import type { Kysely } from 'kysely';
import type { TransitionBody } from '../../../shared/contracts/applications.js';
import { type Actor, requireUser, type UserActor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, forbidden, invalid } from '../../platform/errors.js';
import {
  allowedTargets,
  commentRequired,
  documentGaps,
  missingFields,
  type Side,
  type StageDef,
} from './application-workflow.js';
import type { ApplicationsContext } from './applications.context.js';
import type { StepEvent } from './applications.notify.js';
import { isApplicant, isOperator } from './applications.policy.js';
import type { ApplicationRow, ApplicationUpdate } from './applications.repo.js';

const GAP_CODE = {
  missing: 'document_missing',
  returned: 'document_returned',
  not_accepted: 'document_not_accepted',
} as const;

function illegal(from: string, to: string, allowed: string[]) {
  return conflict('illegal_transition', `An application at ${from} cannot move to ${to}.`, [
    {
      field: 'to',
      code: 'illegal_transition',
      message: allowed.length ? `Allowed: ${allowed.join(', ')}.` : 'Nothing follows this stage.',
      params: { from, to, allowed: allowed.join(', ') || '—' },
    },
  ]);
}

/** Which event a transition is, for notifications and mail. */
function eventOf(from: string, to: string, side: Side): StepEvent {
  if (to === 'withdrawn') return 'withdrawn';
  if (side === 'applicant') return from === 'draft' ? 'submitted' : 'resubmitted';
  if (to === 'changes_requested' || to === 'rejected' || to === 'opened') return to;
  return 'advanced';
}

export function createTransitionUseCases(ctx: ApplicationsContext) {
  const { db, repo, settings, clock, mailer, centers, roles } = ctx;

  /**
   * Opens the centre of an application at its last stage (through the centers module) and makes the head
   * and coordinators it names who have accounts the centre's coordinators (through accounts); returns the
   * centre's id.
   */
  async function openCenter(trx: Kysely<Database>, app: ApplicationRow, user: UserActor, day: string) {
    const centerId = await centers.open(
      trx,
      {
        organizationId: app.organization_id,
        municipalityId: app.municipality_id,
        name: app.proposed_name ?? app.organization_name,
        address: app.premises_address,
        lat: app.premises_lat,
        lon: app.premises_lon,
        openedOn: day,
        services: app.services,
      },
      { actorId: user.userId, at: clock.now(), comment: `Status granted on application ${app.id}` },
    );
    await ctx.audit(trx, user.userId, 'center.opened', centerId, { applicationId: app.id });
    const emails = [app.head_email, ...(app.coordinators ?? []).map((c) => c.email)].filter(
      (e): e is string => !!e,
    );
    const users = await repo.usersByEmail(emails, trx);
    await roles.grant(
      trx,
      users.map((u) => ({
        userId: u.id,
        role: 'center_coordinator',
        scopeType: 'center',
        scopeId: centerId,
      })),
      user.userId,
    );
    return centerId;
  }

  function checkDocuments(
    mode: 'uploaded' | 'accepted',
    stage: string,
    stages: StageDef[],
    kinds: Awaited<ReturnType<typeof settings.documentKindRows>>,
    docs: Awaited<ReturnType<typeof repo.documents>>,
  ) {
    const gaps = documentGaps(mode, stage, kinds, stages, docs);
    if (gaps.length === 0) return;
    throw conflict(
      'documents_incomplete',
      'Not all required documents of this stage are in order.',
      gaps.map((g) => ({
        field: `documents.${g.kind}`,
        code: GAP_CODE[g.problem],
        message: `${g.kind}: ${g.problem.replace('_', ' ')}.`,
      })),
    );
  }

  return {
    async transition(actor: Actor, id: string, body: TransitionBody) {
      const user = requireUser(actor);
      const visible = await ctx.loadVisible(actor, id);
      const comment = body.comment?.normalize('NFC').trim() || null;
      const to = body.to;
      const [stages, kinds, day] = await Promise.all([
        settings.stageRows(),
        settings.documentKindRows(),
        ctx.today(),
      ]);
      const applicant = isApplicant(actor, visible);
      const operator = isOperator(actor, visible);

      const mailIds = await db.transaction().execute(async (trx) => {
        await repo.lock(id, trx);
        const app = (await repo.find(id, trx)) as ApplicationRow;
        const from = app.stage;
        const mine = {
          applicant: applicant ? allowedTargets(app, 'applicant', stages) : [],
          operator: operator ? allowedTargets(app, 'operator', stages) : [],
        };
        const side: Side | null = mine.applicant.includes(to)
          ? 'applicant'
          : mine.operator.includes(to)
            ? 'operator'
            : null;
        if (!side) {
          // A move only the operator could make, asked by someone else: a permission problem.
          if (!operator && allowedTargets(app, 'operator', stages).includes(to)) {
            throw forbidden('Only the regional operator decides on applications.');
          }
          throw illegal(from, to, [...new Set([...mine.applicant, ...mine.operator])]);
        }
        if (side === 'operator' && commentRequired(to) && !comment) {
          throw invalid('comment_required', 'Write a comment.', [
            { field: 'comment', code: 'comment_required', message: 'Write a comment.' },
          ]);
        }
        const docs = await repo.documents(id, trx);
        if (side === 'applicant' && to !== 'withdrawn') {
          const missing = missingFields(app);
          if (missing.length > 0) {
            throw invalid(
              'application_incomplete',
              'Complete the application before submitting it.',
              missing.map((field) => ({ field, code: 'blank', message: 'Fill in this field.' })),
            );
          }
          // (Re)submission: the submission documents are there and nothing returned is left unreplaced.
          checkDocuments('uploaded', 'submitted', stages, kinds, docs);
          const returned = docs.filter((d) => d.status === 'returned');
          if (returned.length > 0) {
            throw conflict(
              'documents_incomplete',
              'Replace the returned documents first.',
              returned.map((d) => ({
                field: `documents.${d.kind_code}`,
                code: 'document_returned',
                message: `${d.kind_code}: returned.`,
              })),
            );
          }
        }
        if (side === 'operator' && to !== 'changes_requested' && to !== 'rejected') {
          checkDocuments('accepted', to === 'opened' ? 'opened' : from, stages, kinds, docs);
        }

        const now = clock.now();
        const values: ApplicationUpdate = { stage: to, stage_since: day, updated_at: now };
        if (to === 'submitted' && !app.submitted_at) values.submitted_at = now;
        if (to === 'changes_requested') values.returned_from_stage = from;
        if (from === 'changes_requested') values.returned_from_stage = null;
        if (to === 'opened' || to === 'rejected' || to === 'withdrawn') values.decided_at = now;
        if (to === 'opened') values.center_id = await openCenter(trx, app, user, day);
        await repo.update(id, values, trx);
        await repo.insertEvent(
          { application_id: id, from_stage: from, to_stage: to, actor_id: user.userId, at: now, comment },
          trx,
        );
        await ctx.audit(trx, user.userId, 'application.transition', id, { from, to, comment });
        const target = stages.find((s) => s.code === to);
        return ctx.notifyStep(trx, {
          event: eventOf(from, to, side),
          application: ctx.noticeApp(app),
          actorId: user.userId,
          audience: 'both',
          mail: true,
          stage: target ? { code: to, nameRu: target.name_ru, nameEn: target.name_en } : undefined,
          comment,
        });
      });
      await mailer.dispatch(mailIds);
      return ctx.detail(actor, id);
    },
  };
}
