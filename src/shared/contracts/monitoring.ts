/** A centre's work log and the twice-yearly monitoring of centres on the six national indicators. */
import { type Static, Type } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Uuid } from './common.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** What a centre records: the services it gives. */
export const WORK_LOG_KINDS = [
  'consultation',
  'training',
  'coworking',
  'help_desk',
  'event',
  'publication',
] as const;
export type WorkLogKind = (typeof WORK_LOG_KINDS)[number];
/** Who a consultation was given to (required for consultations, not allowed for other kinds). */
export const CONSULTATION_AUDIENCES = ['volunteers', 'activists', 'ngos'] as const;
export type ConsultationAudience = (typeof CONSULTATION_AUDIENCES)[number];

export const ZONES = ['green', 'yellow', 'red'] as const;
export type Zone = (typeof ZONES)[number];
/** How an indicator's score is obtained: entered by the operator, or computed from the work log. */
export const INDICATOR_METHODS = ['entered', 'infrastructure', 'services', 'information'] as const;
export type IndicatorMethod = (typeof INDICATOR_METHODS)[number];

const Person = Type.Object({ id: Uuid, displayName: Type.String() });

// ---- work log ----

const EntryFields = {
  kind: Type.Enum(WORK_LOG_KINDS),
  audience: Type.Optional(Nullable(Type.Enum(CONSULTATION_AUDIENCES))),
  occurredOn: IsoDate,
  title: Text(300),
  quantity: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100_000, description: 'How many (consultations, bookings…)' }),
  ),
  peopleReached: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
  link: Type.Optional(
    Nullable(
      Type.String({ maxLength: 2000, format: 'uri', pattern: '^https?://', description: 'http(s) URL' }),
    ),
  ),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};

export const CreateWorkLogEntryBody = Type.Object(EntryFields, { additionalProperties: false });
export type CreateWorkLogEntryBody = Static<typeof CreateWorkLogEntryBody>;

export const UpdateWorkLogEntryBody = Type.Object(
  {
    kind: Type.Optional(EntryFields.kind),
    audience: EntryFields.audience,
    occurredOn: Type.Optional(IsoDate),
    title: Type.Optional(EntryFields.title),
    quantity: EntryFields.quantity,
    peopleReached: EntryFields.peopleReached,
    link: EntryFields.link,
    note: EntryFields.note,
    reason: Type.Optional(Type.String({ maxLength: 1000, description: 'Why it was corrected (optional)' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateWorkLogEntryBody = Static<typeof UpdateWorkLogEntryBody>;

export const RemoveWorkLogEntryBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type RemoveWorkLogEntryBody = Static<typeof RemoveWorkLogEntryBody>;

export const WorkLogEntry = Type.Object({
  id: Uuid,
  centerId: Uuid,
  kind: Type.Enum(WORK_LOG_KINDS),
  audience: Nullable(Type.Enum(CONSULTATION_AUDIENCES)),
  occurredOn: IsoDate,
  title: Type.String(),
  quantity: Type.Integer(),
  peopleReached: Nullable(Type.Integer()),
  link: Nullable(Type.String()),
  note: Nullable(Type.String()),
  version: Type.Integer({ description: '1 for a new entry, +1 per correction or removal' }),
  author: Nullable(Person),
  createdAt: IsoDateTime,
  updatedBy: Nullable(Person),
  updatedAt: Nullable(IsoDateTime),
  removed: Nullable(Type.Object({ by: Nullable(Person), at: IsoDateTime, reason: Type.String() })),
});
export type WorkLogEntry = Static<typeof WorkLogEntry>;
export const WorkLogEntryEnvelope = Type.Object({ entry: WorkLogEntry });

export const WorkLogTotal = Type.Object({
  kind: Type.Enum(WORK_LOG_KINDS),
  entries: Type.Integer(),
  quantity: Type.Integer(),
  peopleReached: Type.Integer(),
});

export const WorkLogCenter = Type.Object({
  id: Uuid,
  name: Type.String(),
  status: Type.String(),
  openedOn: Nullable(IsoDate),
  municipality: Type.Object({ id: Uuid, nameRu: Type.String(), nameEn: Type.String() }),
});

export const WorkLogQuery = Type.Object(
  {
    kind: Type.Optional(Type.Enum(WORK_LOG_KINDS)),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    removed: Type.Optional(Type.Boolean({ default: false, description: 'Include removed entries' })),
  },
  { additionalProperties: false },
);
export type WorkLogQuery = Static<typeof WorkLogQuery>;

export const WorkLog = Type.Object({
  center: WorkLogCenter,
  items: Type.Array(WorkLogEntry),
  /** Over the filtered period and kind; removed entries never count. */
  totals: Type.Array(WorkLogTotal),
  today: IsoDate,
  canEdit: Type.Boolean(),
});

export const WorkLogParams = Type.Object({ id: Uuid, entryId: Uuid });

export const WorkLogRevision = Type.Object({
  version: Type.Integer(),
  action: Type.Union([Type.Literal('corrected'), Type.Literal('removed')]),
  /** The entry as it was before this change. */
  before: Type.Object({
    kind: Type.Enum(WORK_LOG_KINDS),
    audience: Nullable(Type.Enum(CONSULTATION_AUDIENCES)),
    occurredOn: IsoDate,
    title: Type.String(),
    quantity: Type.Integer(),
    peopleReached: Nullable(Type.Integer()),
    link: Nullable(Type.String()),
    note: Nullable(Type.String()),
  }),
  actor: Nullable(Person),
  at: IsoDateTime,
  reason: Nullable(Type.String()),
});
export const WorkLogEntryHistory = Type.Object({
  entry: WorkLogEntry,
  revisions: Type.Array(WorkLogRevision),
});

// ---- monitoring ----

export const Indicator = Type.Object({
  code: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  maxScore: Type.Number(),
  weight: Type.Number(),
  method: Type.Enum(INDICATOR_METHODS),
  position: Type.Integer(),
});
export type Indicator = Static<typeof Indicator>;
export const IndicatorList = Type.Object({ items: Type.Array(Indicator) });

export const RoundStatus = Type.Union([Type.Literal('open'), Type.Literal('closed')]);

export const Round = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  half: Type.Integer({ minimum: 1, maximum: 2 }),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  status: RoundStatus,
  greenFrom: Type.Number(),
  yellowFrom: Type.Number(),
  centers: Type.Integer(),
  openedBy: Nullable(Person),
  openedAt: IsoDateTime,
  closedBy: Nullable(Person),
  closedAt: Nullable(IsoDateTime),
  version: Type.Integer({ description: "The round's scores sheet version (+1 per score entered): its ETag" }),
});
export type Round = Static<typeof Round>;
export const RoundList = Type.Object({ items: Type.Array(Round) });

export const OpenRoundBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    half: Type.Integer({ minimum: 1, maximum: 2, description: '1 = January–June, 2 = July–December' }),
    greenFrom: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Percent; default 80' })),
    yellowFrom: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Percent; default 50' })),
  },
  { additionalProperties: false },
);
export type OpenRoundBody = Static<typeof OpenRoundBody>;

export const RoundParams = Type.Object({ roundId: Uuid });
/** The rating downloads match the id by pattern, as they always have (a malformed one is `invalid_format`). */
export const RatingFileParams = Type.Object({
  roundId: Type.String({
    pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  }),
});

export const Score = Type.Object({
  indicator: Type.String(),
  /** From the work log (null for entered-only indicators). */
  computed: Nullable(Type.Number()),
  /** What the work-log formula counted (entries' quantities in the period). */
  basis: Nullable(Type.Integer()),
  entered: Nullable(Type.Number()),
  comment: Nullable(Type.String()),
  enteredBy: Nullable(Person),
  enteredAt: Nullable(IsoDateTime),
  /** The score that counts: entered if any, else computed, else null (counts as 0). */
  final: Nullable(Type.Number()),
});

export const RatingRow = Type.Object({
  rank: Type.Integer(),
  center: Type.Object({
    id: Uuid,
    name: Type.String(),
    municipality: Type.Object({ id: Uuid, nameRu: Type.String(), nameEn: Type.String() }),
  }),
  scores: Type.Array(Score),
  points: Type.Number(),
  percent: Type.Number(),
  zone: Type.Enum(ZONES),
  /** False while some indicator has no score (it counts as 0). */
  complete: Type.Boolean(),
});
export type RatingRow = Static<typeof RatingRow>;

export const RoundDetail = Type.Object({
  round: Round,
  indicators: Type.Array(Indicator),
  rows: Type.Array(RatingRow),
});
export type RoundDetail = Static<typeof RoundDetail>;

export const EnterScoreBody = Type.Object(
  {
    centerId: Uuid,
    indicator: Type.String({ minLength: 1, maxLength: 40 }),
    /** null removes the entered score (the computed one counts again). */
    score: Nullable(Type.Number({ minimum: 0, maximum: 1000 })),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type EnterScoreBody = Static<typeof EnterScoreBody>;

export const CenterMonitoringParams = Type.Object({ id: Uuid });
export const CenterMonitoringHistory = Type.Object({
  center: WorkLogCenter,
  items: Type.Array(
    Type.Object({
      round: Round,
      indicators: Type.Array(Indicator),
      row: RatingRow,
      of: Type.Integer({ description: 'Centres in the round' }),
    }),
  ),
});
