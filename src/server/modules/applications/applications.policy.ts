/**
 * Who may see and act on an application. The applicant side is the organization's representatives; the
 * deciding side is the regional operator (regional_admin of the organization's region). A centre
 * coordinator holds neither role over an application, so it can never decide.
 */
import { type Actor, holds } from '../../platform/auth/actor.js';
import { isFinal } from './application-workflow.js';

type Scope = { organization_id: string; region_id: string; stage: string };

export const isApplicant = (actor: Actor, app: Pick<Scope, 'organization_id'>) =>
  holds(actor, 'org_representative', { organizationId: app.organization_id });

export const isOperator = (actor: Actor, app: Pick<Scope, 'region_id'>) =>
  holds(actor, 'regional_admin', { regionId: app.region_id });

/** Others get 404: an application's existence is private to both sides. */
export const canSeeApplication = (actor: Actor, app: Scope) =>
  isApplicant(actor, app) || isOperator(actor, app);

/** A representative creates applications for their own organizations only. */
export const canApplyFor = (actor: Actor, org: { id: string }) =>
  holds(actor, 'org_representative', { organizationId: org.id });

export const canEditApplication = (actor: Actor, app: Scope) =>
  isApplicant(actor, app) && (app.stage === 'draft' || app.stage === 'changes_requested');

export const canUploadDocuments = (actor: Actor, app: Scope) =>
  isApplicant(actor, app) && !isFinal(app.stage);

/** Document review, the stage owner and the expected opening date: the operator, once submitted. */
export const canReviewApplication = (actor: Actor, app: Scope) =>
  isOperator(actor, app) && app.stage !== 'draft' && !isFinal(app.stage);
