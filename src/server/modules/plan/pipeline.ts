/**
 * Expected opening dates of applications in progress. Pure.
 *
 * The operator's `expected_opening_on` wins. Otherwise: the day the application entered its current stage
 * + the typical days of that stage and of every later stage on the path, in position order, up to `opened`.
 * An application returned for changes adds the typical days of `changes_requested` and resumes at the stage
 * it was returned from (or the first review stage when that is unknown).
 */
import { addDays, daysBetween } from './dates.js';

export type StageDef = {
  code: string;
  name_ru: string;
  name_en: string;
  position: number;
  typical_days: number;
  active: boolean;
};

/** Not (or no longer) in progress. */
export const NOT_IN_PROGRESS = ['draft', 'opened', 'rejected', 'withdrawn'] as const;
/** States beside the path: they are not passed through on the way to `opened`. */
export const OFF_PATH = ['changes_requested', 'rejected', 'withdrawn'] as const;

export const isInProgress = (stage: string) => !(NOT_IN_PROGRESS as readonly string[]).includes(stage);

/**
 * Used only while the application_stages table is empty (before the seed loads the operator's stages): the
 * national practice's stages with rough typical durations.
 */
export const DEFAULT_STAGES: StageDef[] = [
  ['draft', 'Черновик', 'Draft', 0, 0],
  ['submitted', 'Подана', 'Submitted', 1, 14],
  ['interview_and_documents', 'Собеседование и документы', 'Interview and documents', 2, 30],
  ['acceleration', 'Акселерация', 'Acceleration', 3, 60],
  ['licence_agreement', 'Лицензионный договор', 'Licence agreement', 4, 30],
  ['preparation', 'Подготовка к открытию', 'Preparation for opening', 5, 30],
  ['opened', 'Открыт', 'Opened', 6, 0],
  ['changes_requested', 'Возвращена на доработку', 'Changes requested', 100, 14],
  ['rejected', 'Отклонена', 'Rejected', 101, 0],
  ['withdrawn', 'Отозвана', 'Withdrawn', 102, 0],
].map(([code, name_ru, name_en, position, typical_days]) => ({
  code: code as string,
  name_ru: name_ru as string,
  name_en: name_en as string,
  position: position as number,
  typical_days: typical_days as number,
  active: true,
}));

/** Stages one passes through on the way to `opened` (active, not off-path, before `opened`), in order. */
export function pathStages(stages: StageDef[]): StageDef[] {
  const opened = stages.find((s) => s.code === 'opened');
  return stages
    .filter(
      (s) =>
        s.active &&
        s.code !== 'draft' &&
        s.code !== 'opened' &&
        !(OFF_PATH as readonly string[]).includes(s.code) &&
        (opened === undefined || s.position < opened.position),
    )
    .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
}

export type ApplicationLike = {
  stage: string;
  stage_since: string | null;
  expected_opening_on: string | null;
  returned_from_stage: string | null;
};

export type Expected = { date: string | null; source: 'set' | 'estimated' | 'unknown' };

export function expectedOpening(app: ApplicationLike, stages: StageDef[]): Expected {
  if (app.expected_opening_on) return { date: app.expected_opening_on, source: 'set' };
  if (!app.stage_since) return { date: null, source: 'unknown' };
  const byCode = new Map(stages.map((s) => [s.code, s]));
  const path = pathStages(stages);
  let days = 0;
  let resumeAt: StageDef | undefined = byCode.get(app.stage);
  if (app.stage === 'changes_requested') {
    days += byCode.get('changes_requested')?.typical_days ?? 0;
    resumeAt = (app.returned_from_stage && byCode.get(app.returned_from_stage)) || path[0];
  }
  if (!resumeAt) return { date: null, source: 'unknown' };
  const from = resumeAt;
  // A retired stage is not on the path any more, but an application may still sit in it.
  if (!path.includes(from)) days += from.typical_days;
  days += path.filter((s) => s.position >= from.position).reduce((sum, s) => sum + s.typical_days, 0);
  return { date: addDays(app.stage_since, days), source: 'estimated' };
}

export const daysAtStage = (stageSince: string | null, today: string) =>
  stageSince === null ? null : Math.max(0, daysBetween(stageSince, today));
