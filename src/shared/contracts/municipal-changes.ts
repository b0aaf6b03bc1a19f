/**
 * Changes of the municipal structure over time (conversion, merger, split, rename, abolition), recorded once
 * by the regional operator. Municipalities are keyed by id; OKTMO is only an attribute.
 */
import { type Static, Type } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Uuid } from './common.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const MUNICIPAL_CHANGE_KINDS = ['conversion', 'merger', 'split', 'rename', 'abolition'] as const;
export const MunicipalChangeKind = Type.Enum(MUNICIPAL_CHANGE_KINDS);
export type MunicipalChangeKind = (typeof MUNICIPAL_CHANGE_KINDS)[number];

/** Kinds that end exactly one municipality. */
export const SINGLE_PREDECESSOR_KINDS: readonly MunicipalChangeKind[] = ['conversion', 'rename'];

export const MAX_PREDECESSORS = 20;

export const NewMunicipality = Type.Object(
  {
    slug: Type.String({
      minLength: 1,
      maxLength: 80,
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      description: 'Latin lower-case letters, digits and single hyphens; unique in the region',
    }),
    nameRu: Text(200),
    nameEn: Text(200),
    kind: Type.Union([
      Type.Literal('urban_okrug'),
      Type.Literal('municipal_okrug'),
      Type.Literal('municipal_district'),
    ]),
    adminCenterRu: Text(200),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    population: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
    oktmo: Type.Optional(
      Nullable(Type.String({ pattern: '^[0-9]{8}([0-9]{3})?$', description: 'OKTMO code, an attribute' })),
    ),
  },
  { additionalProperties: false },
);
export type NewMunicipality = Static<typeof NewMunicipality>;

export const SuccessorRef = Type.Union([
  Type.Object({ existingId: Uuid }, { additionalProperties: false }),
  Type.Object({ new: NewMunicipality }, { additionalProperties: false }),
]);
export type SuccessorRef = Static<typeof SuccessorRef>;

export const RecordMunicipalChangeBody = Type.Object(
  {
    kind: MunicipalChangeKind,
    effectiveOn: IsoDate,
    legalBasis: Type.Optional(Text(500)),
    comment: Type.Optional(Text(2000)),
    predecessorIds: Type.Array(Uuid, { minItems: 1, maxItems: MAX_PREDECESSORS }),
    successor: Type.Optional(SuccessorRef),
  },
  { additionalProperties: false },
);
export type RecordMunicipalChangeBody = Static<typeof RecordMunicipalChangeBody>;

export const MunicipalityRef = Type.Object({
  id: Uuid,
  slug: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
});
export type MunicipalityRef = Static<typeof MunicipalityRef>;

export const MunicipalChange = Type.Object({
  id: Uuid,
  kind: MunicipalChangeKind,
  effectiveOn: IsoDate,
  legalBasis: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  predecessors: Type.Array(MunicipalityRef),
  successor: Nullable(MunicipalityRef),
  recordedAt: IsoDateTime,
});
export type MunicipalChange = Static<typeof MunicipalChange>;
export const MunicipalChangeEnvelope = Type.Object({ change: MunicipalChange });
export const MunicipalChangeList = Type.Object({ items: Type.Array(MunicipalChange) });

/** `?on=YYYY-MM-DD`: the municipal structure and coverage on that day (default: today in the region). */
export const MunicipalityListQuery = Type.Object(
  { on: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
