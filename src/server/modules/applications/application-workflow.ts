/**
 * The application workflow as pure functions: which stages form the path, who may move an application
 * where, and which documents a move needs. The stages come from `application_stages` (configurable); the
 * system stages draft, submitted, opened, changes_requested, rejected and withdrawn are fixed.
 *
 *   draft → submitted → [review stages by position] → opened
 *   any review stage → changes_requested (back to the applicant) → the stage it was returned from
 *   any review stage → rejected;  any stage but the final ones → withdrawn (by the applicant)
 */
import { FINAL_STAGES, OFF_PATH_STAGES } from '../../../shared/contracts/applications.js';

export type StageDef = { code: string; position: number; active: boolean };
export type DocumentKindDef = { code: string; required: boolean; needed_by_stage: string; active: boolean };
export type DocumentState = { kind_code: string; status: 'pending' | 'accepted' | 'returned' };
export type Side = 'applicant' | 'operator';
export type WorkflowState = { stage: string; returned_from_stage: string | null };

export type StageKind = 'draft' | 'review' | 'final' | 'off_path';

export function stageKind(code: string): StageKind {
  if (code === 'draft') return 'draft';
  if (code === 'opened') return 'final';
  if ((OFF_PATH_STAGES as readonly string[]).includes(code)) return 'off_path';
  return 'review';
}

export const isFinal = (stage: string) => (FINAL_STAGES as readonly string[]).includes(stage);
export const isReviewStage = (stage: string) => stageKind(stage) === 'review';

/** The active review stages in order: submitted first, then the operator's stages by position. */
export function reviewPath(stages: readonly StageDef[]): StageDef[] {
  return stages
    .filter((s) => stageKind(s.code) === 'review' && (s.active || s.code === 'submitted'))
    .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
}

/** The stage after `stage` on the path (a retired stage continues with the next active one), or opened. */
export function nextStage(stage: string, stages: readonly StageDef[]): string {
  const path = reviewPath(stages);
  const current = stages.find((s) => s.code === stage);
  const index = path.findIndex((s) => s.code === stage);
  if (index >= 0) return path[index + 1]?.code ?? 'opened';
  const later = current ? path.find((s) => s.position > current.position) : undefined;
  return later?.code ?? 'opened';
}

/** Where a resubmitted application resumes: the stage it was returned from, if still active. */
export function resumeStage(returnedFrom: string | null, stages: readonly StageDef[]): string {
  const path = reviewPath(stages);
  if (returnedFrom && path.some((s) => s.code === returnedFrom)) return returnedFrom;
  const from = stages.find((s) => s.code === returnedFrom);
  if (from) {
    const later = path.find((s) => s.position >= from.position);
    if (later) return later.code;
  }
  return 'submitted';
}

/** Targets one side may move an application to from its current state. */
export function allowedTargets(state: WorkflowState, side: Side, stages: readonly StageDef[]): string[] {
  const { stage } = state;
  if (isFinal(stage)) return [];
  if (side === 'applicant') {
    if (stage === 'draft') return ['submitted', 'withdrawn'];
    if (stage === 'changes_requested') return [resumeStage(state.returned_from_stage, stages), 'withdrawn'];
    return ['withdrawn'];
  }
  if (!isReviewStage(stage)) return [];
  return [nextStage(stage, stages), 'changes_requested', 'rejected'];
}

/** A comment is required when the operator sends an application back or rejects it. */
export const commentRequired = (to: string) => to === 'changes_requested' || to === 'rejected';

/** The position a kind's `needed_by_stage` stands for (unknown stage → needed at submission). */
function neededPosition(kind: DocumentKindDef, stages: readonly StageDef[]): number {
  const stage = stages.find((s) => s.code === kind.needed_by_stage);
  if (stage) return stage.position;
  return stages.find((s) => s.code === 'submitted')?.position ?? 0;
}

/** Required, active kinds needed by `stage` (needed-by stage at or before it on the path). */
export function kindsNeededBy(
  stage: string,
  kinds: readonly DocumentKindDef[],
  stages: readonly StageDef[],
): DocumentKindDef[] {
  const position =
    stage === 'opened'
      ? Number.POSITIVE_INFINITY
      : (stages.find((s) => s.code === stage)?.position ?? Number.NEGATIVE_INFINITY);
  return kinds.filter((k) => k.active && k.required && neededPosition(k, stages) <= position);
}

export type DocumentGap = { kind: string; problem: 'missing' | 'returned' | 'not_accepted' };

/**
 * Entering `stage` by (re)submission needs each document it requires uploaded and not returned; leaving a
 * review stage forward needs each document required by it accepted.
 */
export function documentGaps(
  mode: 'uploaded' | 'accepted',
  stage: string,
  kinds: readonly DocumentKindDef[],
  stages: readonly StageDef[],
  documents: readonly DocumentState[],
): DocumentGap[] {
  const gaps: DocumentGap[] = [];
  for (const kind of kindsNeededBy(stage, kinds, stages)) {
    const doc = documents.find((d) => d.kind_code === kind.code);
    if (!doc) gaps.push({ kind: kind.code, problem: 'missing' });
    else if (doc.status === 'returned') gaps.push({ kind: kind.code, problem: 'returned' });
    else if (mode === 'accepted' && doc.status !== 'accepted')
      gaps.push({ kind: kind.code, problem: 'not_accepted' });
  }
  return gaps;
}

/** Fields an application must have before it is submitted. */
export function missingFields(app: {
  proposed_name: string | null;
  premises_address: string | null;
  services: readonly string[];
  head_name: string | null;
}): string[] {
  const missing: string[] = [];
  if (!app.proposed_name) missing.push('proposedName');
  if (!app.premises_address) missing.push('premises.address');
  if (app.services.length === 0) missing.push('services');
  if (!app.head_name) missing.push('head.name');
  return missing;
}
