/**
 * The rollout plan (targets, editable with history) and the operator's dashboard: plan vs actual over time,
 * the gap and forecast per target, and the pipeline of applications with expected opening dates.
 */
import { type Static, Type } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Uuid } from './common.js';

export const TargetKind = Type.Union([Type.Literal('active_centers'), Type.Literal('municipal_coverage')]);
export type TargetKind = Static<typeof TargetKind>;

const Note = Type.String({ maxLength: 500 });
const Comment = Type.String({ minLength: 1, maxLength: 2000 });
const TargetValue = Type.Integer({ minimum: 0, maximum: 100_000 });

export const PlanTargetItem = Type.Object({
  id: Uuid,
  kind: TargetKind,
  dueDate: IsoDate,
  target: Type.Integer(),
  note: Nullable(Type.String()),
  version: Type.Integer({ description: 'Its version (the ETag): send it back as If-Match to edit' }),
});
export type PlanTargetItem = Static<typeof PlanTargetItem>;

export const PlanTargetList = Type.Object({
  programStart: Nullable(IsoDate),
  items: Type.Array(PlanTargetItem),
});
export const PlanTargetEnvelope = Type.Object({ target: PlanTargetItem });
export const PlanTargetParams = Type.Object({ id: Uuid });

export const CreatePlanTargetBody = Type.Object(
  {
    kind: TargetKind,
    dueDate: IsoDate,
    target: TargetValue,
    note: Type.Optional(Nullable(Note)),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CreatePlanTargetBody = Static<typeof CreatePlanTargetBody>;

/** A change names at least one field and always says why (`comment`). */
export const UpdatePlanTargetBody = Type.Object(
  {
    dueDate: Type.Optional(IsoDate),
    target: Type.Optional(TargetValue),
    note: Type.Optional(Nullable(Note)),
    comment: Comment,
  },
  { additionalProperties: false },
);
export type UpdatePlanTargetBody = Static<typeof UpdatePlanTargetBody>;

export const RemovePlanTargetBody = Type.Object({ comment: Comment }, { additionalProperties: false });
export type RemovePlanTargetBody = Static<typeof RemovePlanTargetBody>;

const TargetValues = Type.Object({ dueDate: IsoDate, target: Type.Integer(), note: Nullable(Type.String()) });
export const PlanRevision = Type.Object({
  id: Uuid,
  targetId: Uuid,
  action: Type.Union([Type.Literal('created'), Type.Literal('changed'), Type.Literal('removed')]),
  kind: TargetKind,
  before: Nullable(TargetValues),
  after: Nullable(TargetValues),
  comment: Nullable(Type.String()),
  actor: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  at: IsoDateTime,
});
export type PlanRevision = Static<typeof PlanRevision>;
export const PlanHistoryQuery = Type.Object(
  { targetId: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
  { additionalProperties: false },
);
export const PlanHistory = Type.Object({ items: Type.Array(PlanRevision) });

export const Forecast = Type.Object({
  /** Date the target is met at the recent pace; null: not at this pace (or already met). */
  atPace: Nullable(IsoDate),
  /** Same, when the applications in progress open on their expected dates first. */
  withPipeline: Nullable(IsoDate),
});

export const DashboardTarget = Type.Object({
  id: Uuid,
  kind: TargetKind,
  dueDate: IsoDate,
  target: Type.Integer(),
  note: Nullable(Type.String()),
  actual: Type.Integer(),
  /** target − actual, never below 0. */
  gap: Type.Integer(),
  met: Type.Boolean(),
  status: Type.Union([
    Type.Literal('met'),
    Type.Literal('on_track'),
    Type.Literal('behind'),
    Type.Literal('missed'),
  ]),
  forecast: Forecast,
});
export type DashboardTarget = Static<typeof DashboardTarget>;

export const SeriesPoint = Type.Object({
  /** The month, YYYY-MM; figures are as of `date` (month end, or today for the current month). */
  month: Type.String(),
  date: IsoDate,
  activeCenters: Nullable(Type.Integer()),
  coveredMunicipalities: Nullable(Type.Integer()),
  municipalitiesTotal: Nullable(Type.Integer()),
  planActiveCenters: Nullable(Type.Integer()),
  planCoverage: Nullable(Type.Integer()),
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const PipelineItem = Type.Object({
  id: Uuid,
  organizationName: Type.String(),
  municipality: Type.Object({ id: Uuid, nameRu: Type.String(), nameEn: Type.String() }),
  stage: Type.String(),
  stageNameRu: Type.String(),
  stageNameEn: Type.String(),
  stageSince: Nullable(IsoDate),
  daysAtStage: Nullable(Type.Integer()),
  expectedOpeningOn: Nullable(IsoDate),
  /** `set` by the operator, or `estimated` from the typical days of the remaining stages. */
  expectedSource: Type.Union([Type.Literal('set'), Type.Literal('estimated'), Type.Literal('unknown')]),
  overdue: Type.Boolean(),
  /** Would its opening cover a municipality with no active centre today? */
  coversNewMunicipality: Type.Boolean(),
});
export type PipelineItem = Static<typeof PipelineItem>;

export const Dashboard = Type.Object({
  today: IsoDate,
  programStart: Nullable(IsoDate),
  actual: Type.Object({
    activeCenters: Type.Integer(),
    coveredMunicipalities: Type.Integer(),
    inProgressMunicipalities: Type.Integer(),
    municipalitiesTotal: Type.Integer(),
    populationCoveredShare: Nullable(Type.Number()),
  }),
  pace: Type.Object({
    /** Centres opened in the last 12 months (by their opening date), per month. */
    openingsPerMonth: Type.Number(),
    /** Net change of covered municipalities over the last 12 months, per month. */
    coveragePerMonth: Type.Number(),
    windowStart: IsoDate,
  }),
  /** Active centres without an opening date: counted in the series from the programme start. */
  undatedCenters: Type.Integer(),
  targets: Type.Array(DashboardTarget),
  series: Type.Array(SeriesPoint),
  pipeline: Type.Array(PipelineItem),
});
export type Dashboard = Static<typeof Dashboard>;
