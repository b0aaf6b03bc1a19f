/**
 * Applications for «Добро.Центр» status: schemas of the workflow, the document checklist, the operator's
 * settings (stages, document kinds, service kinds). See applications.endpoints.ts
 * for the endpoints, the upload transport and the download addresses.
 */
import { type Static, Type } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Uuid } from './common.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** Codes of stages, document kinds and service kinds: lower-case latin, digits and `_`. */
export const Code = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', maxLength: 40 });

/** The stages the system itself relies on (they cannot be retired). Review stages between are configurable. */
export const SYSTEM_STAGES = [
  'draft',
  'submitted',
  'opened',
  'changes_requested',
  'rejected',
  'withdrawn',
] as const;
/** Off-path states: not part of the ordered path draft → … → opened. */
export const OFF_PATH_STAGES = ['changes_requested', 'rejected', 'withdrawn'] as const;
/** Final states: nothing follows. */
export const FINAL_STAGES = ['opened', 'rejected', 'withdrawn'] as const;

/** Upload rules, shared with the web form (the server is configurable: UPLOAD_MAX_MB, default 10). */
export const UPLOAD_ACCEPT = {
  mimeTypes: [
    'application/pdf',
    'image/jpeg',
    'image/png',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  extensions: ['.pdf', '.jpg', '.jpeg', '.png', '.docx'],
  defaultMaxMegabytes: 10,
} as const;

export const Person = Type.Object({ id: Uuid, displayName: Type.String() });

// ——— Stages ———

export const StageKind = Type.Union([
  Type.Literal('draft'),
  Type.Literal('review'),
  Type.Literal('final'),
  Type.Literal('off_path'),
]);
export const ApplicationStage = Type.Object({
  code: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  position: Type.Integer(),
  typicalDays: Type.Integer(),
  isSystem: Type.Boolean(),
  active: Type.Boolean(),
  /** draft; review (submitted and the operator's stages up to opened); final (opened); off_path. */
  kind: StageKind,
  version: Type.Integer({ description: 'Its version: the ETag; send it back as If-Match to edit' }),
});
export type ApplicationStage = Static<typeof ApplicationStage>;
export const ApplicationStageList = Type.Object({ items: Type.Array(ApplicationStage) });
export const ApplicationStageListQuery = Type.Object(
  { includeRetired: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const CreateApplicationStageBody = Type.Object(
  {
    code: Code,
    nameRu: Text(100),
    nameEn: Text(100),
    /** Must lie strictly between the positions of `submitted` and `opened`. */
    position: Type.Integer({ minimum: 0, maximum: 100_000 }),
    typicalDays: Type.Integer({ minimum: 0, maximum: 3650 }),
  },
  { additionalProperties: false },
);
export const UpdateApplicationStageBody = Type.Object(
  {
    nameRu: Type.Optional(Text(100)),
    nameEn: Type.Optional(Text(100)),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    typicalDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    /** false retires a review stage (refused for system stages and while applications are at it). */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const CodeParams = Type.Object({ code: Code });
export const ApplicationStageEnvelope = Type.Object({ stage: ApplicationStage });

// ——— Document kinds (the checklist) ———

export const DocumentKind = Type.Object({
  code: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  description: Nullable(Type.String()),
  required: Type.Boolean(),
  /** Stage code by which the document is needed: uploaded to enter it (submitted), accepted to leave it. */
  neededByStage: Type.String(),
  position: Type.Integer(),
  active: Type.Boolean(),
  version: Type.Integer({ description: 'Its version: the ETag; send it back as If-Match to edit' }),
});
export type DocumentKind = Static<typeof DocumentKind>;
export const DocumentKindList = Type.Object({ items: Type.Array(DocumentKind) });
export const DocumentKindListQuery = ApplicationStageListQuery;
export const CreateDocumentKindBody = Type.Object(
  {
    code: Code,
    nameRu: Text(200),
    nameEn: Text(200),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    required: Type.Boolean(),
    neededByStage: Code,
    position: Type.Integer({ minimum: 0, maximum: 100_000 }),
  },
  { additionalProperties: false },
);
export const UpdateDocumentKindBody = Type.Object(
  {
    nameRu: Type.Optional(Text(200)),
    nameEn: Type.Optional(Text(200)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    required: Type.Optional(Type.Boolean()),
    neededByStage: Type.Optional(Code),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    /** false retires the kind: no longer asked for; documents already uploaded are kept. */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const DocumentKindEnvelope = Type.Object({ documentKind: DocumentKind });

// ——— Service kinds (center_service_kinds) ———

export const ServiceKind = Type.Object({
  code: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  position: Type.Integer(),
  active: Type.Boolean(),
  version: Type.Integer({ description: 'Its version: the ETag; send it back as If-Match to edit' }),
});
export type ServiceKind = Static<typeof ServiceKind>;
export const ServiceKindList = Type.Object({ items: Type.Array(ServiceKind) });
export const CreateServiceKindBody = Type.Object(
  {
    code: Code,
    nameRu: Text(200),
    nameEn: Text(200),
    position: Type.Integer({ minimum: 0, maximum: 100_000 }),
  },
  { additionalProperties: false },
);
export const UpdateServiceKindBody = Type.Object(
  {
    nameRu: Type.Optional(Text(200)),
    nameEn: Type.Optional(Text(200)),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const ServiceKindEnvelope = Type.Object({ serviceKind: ServiceKind });

// ——— Applications ———

export const Premises = Type.Object({
  address: Nullable(Type.String()),
  description: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
});
export const Head = Type.Object({
  name: Nullable(Type.String()),
  position: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
});
export const Coordinator = Type.Object({
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
});

const Phone = Type.String({ minLength: 5, maxLength: 40, pattern: '^[0-9+()\\-\\s]+$' });
const Email = Type.String({ maxLength: 254, format: 'email' });

export const PremisesInput = Type.Object(
  {
    address: Type.Optional(Nullable(Text(500))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    lon: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  },
  { additionalProperties: false },
);
export const HeadInput = Type.Object(
  {
    name: Type.Optional(Nullable(Text(200))),
    position: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    phone: Type.Optional(Nullable(Phone)),
    email: Type.Optional(Nullable(Email)),
  },
  { additionalProperties: false },
);
export const CoordinatorInput = Type.Object(
  {
    name: Text(200),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
  },
  { additionalProperties: false },
);

/** Editable fields of a draft (or of an application returned for changes). Completeness is checked on submit. */
const EditableFields = {
  municipalityId: Type.Optional(Uuid),
  proposedName: Type.Optional(Nullable(Text(300))),
  premises: Type.Optional(PremisesInput),
  /** Codes of active service kinds. */
  services: Type.Optional(Type.Array(Code, { maxItems: 30, uniqueItems: true })),
  head: Type.Optional(HeadInput),
  coordinators: Type.Optional(Type.Array(CoordinatorInput, { maxItems: 20 })),
};
export const CreateApplicationBody = Type.Object(
  { ...EditableFields, organizationId: Uuid, municipalityId: Uuid },
  { additionalProperties: false },
);
export type CreateApplicationBody = Static<typeof CreateApplicationBody>;
export const UpdateApplicationBody = Type.Object(EditableFields, {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateApplicationBody = Static<typeof UpdateApplicationBody>;

/** The operator's management fields: who owns the current stage, when the centre is expected to open. */
export const ManageApplicationBody = Type.Object(
  {
    /** A regional_admin of the region, or null. */
    stageOwnerId: Type.Optional(Nullable(Uuid)),
    expectedOpeningOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ManageApplicationBody = Static<typeof ManageApplicationBody>;

/**
 * A transition: `to` is the target stage code. The applicant: draft → submitted; changes_requested → the
 * stage it was returned from (`returnedFromStage`); any non-final → withdrawn. The operator: a review stage
 * → the next one (the last one → opened, which creates the centre); any review stage → changes_requested
 * or rejected (comment required for both). `allowedTransitions` in the detail lists what this user may do.
 */
export const TransitionBody = Type.Object(
  { to: Code, comment: Type.Optional(Type.String({ maxLength: 4000 })) },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const ApplicationSummary = Type.Object({
  id: Uuid,
  organization: Type.Object({ id: Uuid, name: Type.String(), isPlaceholder: Type.Boolean() }),
  municipality: Type.Object({ id: Uuid, nameRu: Type.String(), nameEn: Type.String() }),
  proposedName: Nullable(Type.String()),
  stage: Type.String(),
  stageSince: Nullable(IsoDate),
  /** Whole days at the current stage (today in the region's time zone − stageSince). */
  daysAtStage: Nullable(Type.Integer()),
  returnedFromStage: Nullable(Type.String()),
  stageOwner: Nullable(Person),
  expectedOpeningOn: Nullable(IsoDate),
  submittedAt: Nullable(IsoDateTime),
  decidedAt: Nullable(IsoDateTime),
  centerId: Nullable(Uuid),
  /** Required documents of the checklist (active kinds) and how many of them are accepted / waiting. */
  documents: Type.Object({ required: Type.Integer(), accepted: Type.Integer(), pending: Type.Integer() }),
  isDemo: Type.Boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: Type.Integer({ description: 'Its version (the ETag): send it back as If-Match to edit' }),
});
export type ApplicationSummary = Static<typeof ApplicationSummary>;

export const Application = Type.Object({
  ...ApplicationSummary.properties,
  premises: Premises,
  services: Type.Array(Type.String()),
  head: Head,
  coordinators: Type.Array(Coordinator),
  createdBy: Nullable(Person),
});
export type Application = Static<typeof Application>;

export const DocumentStatus = Type.Union([
  Type.Literal('missing'),
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('returned'),
]);
export const DocumentVersion = Type.Object({
  version: Type.Integer(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Nullable(Person),
  uploadedAt: IsoDateTime,
});
export const ApplicationDocument = Type.Object({
  kind: DocumentKind,
  /** missing = nothing uploaded yet; pending = waits for review; returned = a new version is needed. */
  status: DocumentStatus,
  reviewComment: Nullable(Type.String()),
  reviewedBy: Nullable(Person),
  reviewedAt: Nullable(IsoDateTime),
  /** Newest first. Old versions are kept and stay downloadable. */
  versions: Type.Array(DocumentVersion),
});
export type ApplicationDocument = Static<typeof ApplicationDocument>;
export const ApplicationDocumentEnvelope = Type.Object({ document: ApplicationDocument });

export const ApplicationEvent = Type.Object({
  id: Uuid,
  from: Nullable(Type.String()),
  to: Type.String(),
  actor: Nullable(Person),
  at: IsoDateTime,
  comment: Nullable(Type.String()),
});

export const ApplicationPermissions = Type.Object({
  /** The applicant may edit the fields (draft or changes_requested). */
  edit: Type.Boolean(),
  /** The applicant may upload documents (any non-final stage). */
  upload: Type.Boolean(),
  /** The operator may accept / return documents, set the owner and the expected opening date. */
  review: Type.Boolean(),
});
export const ApplicationDetail = Type.Object({
  application: Application,
  /** The checklist: active kinds (and retired kinds that have uploads), in position order. */
  documents: Type.Array(ApplicationDocument),
  /** Every transition, oldest first. */
  events: Type.Array(ApplicationEvent),
  /** Target stage codes this user may move the application to now. */
  allowedTransitions: Type.Array(Type.String()),
  permissions: ApplicationPermissions,
});
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const ApplicationIdParams = Type.Object({ id: Uuid });
export const ApplicationDocumentParams = Type.Object({ id: Uuid, kind: Code });

export const ReviewDocumentBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('accepted'), Type.Literal('returned')]),
    /** Required when returning. */
    comment: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type ReviewDocumentBody = Static<typeof ReviewDocumentBody>;

export const ApplicationListQuery = Type.Object(
  {
    stage: Type.Optional(Code),
    municipalityId: Type.Optional(Uuid),
    /** Organization name or proposed centre name contains this (case-insensitive). */
    q: Type.Optional(Type.String({ maxLength: 100 })),
    /** At the current stage for at least this many days. */
    olderThanDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    /** open (default): not opened / rejected / withdrawn; closed: those; all. */
    state: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('all')], { default: 'open' }),
    ),
    /** age (default): longest at stage first; updated: recently changed first. */
    sort: Type.Optional(Type.Union([Type.Literal('age'), Type.Literal('updated')], { default: 'age' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;
export const ApplicationList = Type.Object({
  items: Type.Array(ApplicationSummary),
  total: Type.Integer(),
  /** Applications per stage among those visible to the user (filters other than `stage` applied). */
  stageCounts: Type.Array(Type.Object({ stage: Type.String(), count: Type.Integer() })),
});
export type ApplicationList = Static<typeof ApplicationList>;

/** Operators of the region: the people a stage can be assigned to. */
export const StageOwnerList = Type.Object({ items: Type.Array(Person) });

// In-app notifications have their own contract; re-exported here for the applications endpoints.
export * from './notifications.js';
