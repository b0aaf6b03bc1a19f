import { type Static, Type } from 'typebox';
import { IsoDate, Nullable, Uuid } from './common.js';

export const CoverageState = Type.Union([
  Type.Literal('covered'),
  Type.Literal('in_progress'),
  Type.Literal('none'),
]);
export type CoverageState = Static<typeof CoverageState>;

export const Municipality = Type.Object({
  id: Uuid,
  slug: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  kind: Type.Union([
    Type.Literal('urban_okrug'),
    Type.Literal('municipal_okrug'),
    Type.Literal('municipal_district'),
  ]),
  adminCenterRu: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  population: Nullable(Type.Integer()),
  coverage: CoverageState,
  activeCenters: Type.Integer(),
  applicationsInProgress: Type.Integer(),
});
export type Municipality = Static<typeof Municipality>;
export const MunicipalityList = Type.Object({ items: Type.Array(Municipality) });

export const CenterStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('suspended'),
  Type.Literal('closed'),
]);
export const Center = Type.Object({
  id: Uuid,
  name: Type.String(),
  organizationName: Type.String(),
  organizationIsPlaceholder: Type.Boolean(),
  municipality: Type.Object({ id: Uuid, nameRu: Type.String(), nameEn: Type.String() }),
  status: CenterStatus,
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  openedOn: Nullable(IsoDate),
  isDemo: Type.Boolean(),
  services: Type.Array(Type.String(), {
    description: 'codes of center_service_kinds (GET /api/public/service-kinds)',
  }),
  openingHours: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  description: Nullable(Type.String()),
  version: Type.Integer({ description: 'Its version (the ETag): send it back as If-Match to edit' }),
});
export type Center = Static<typeof Center>;
export const CenterList = Type.Object({ items: Type.Array(Center) });
export const CenterListQuery = Type.Object(
  {
    municipality: Type.Optional(Type.String({ maxLength: 80, description: 'municipality slug' })),
    service: Type.Optional(Type.String({ maxLength: 40, description: 'a service code' })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'text in the centre or organization name' })),
  },
  { additionalProperties: false },
);

export const PlanTarget = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('active_centers'), Type.Literal('municipal_coverage')]),
  dueDate: IsoDate,
  target: Type.Integer(),
  actual: Type.Integer(),
  met: Type.Boolean(),
  note: Nullable(Type.String()),
});
export type PlanTarget = Static<typeof PlanTarget>;

export const Region = Type.Object({
  slug: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  timezone: Type.String(),
  programSince: Nullable(Type.Integer()),
  plan: Type.Array(PlanTarget),
});
export type Region = Static<typeof Region>;

export const PublicSummary = Type.Object({
  activeCenters: Type.Integer(),
  municipalitiesTotal: Type.Integer(),
  municipalitiesCovered: Type.Integer(),
  applicationsInProgress: Type.Integer(),
  volunteers: Type.Integer(),
  populationCoveredShare: Nullable(
    Type.Number({ description: '0..1, share of the known population living in covered municipalities' }),
  ),
});
export type PublicSummary = Static<typeof PublicSummary>;

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });
const Ring = Type.Array(Position);
export const ShapeGeometry = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring) }),
  Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Ring)) }),
]);

export const MunicipalityShape = Type.Object({
  municipalityId: Uuid,
  source: Type.Union([Type.Literal('schematic'), Type.Literal('loaded'), Type.Literal('derived')], {
    description:
      'schematic = generated, not a real boundary; loaded = from `dobroset shapes load`; derived = drawn ' +
      "from the predecessors' (or the successor's) shapes through the municipal lineage",
  }),
  schematic: Type.Boolean({ description: 'true when the shape (or what it is derived from) is schematic' }),
  geometry: ShapeGeometry,
});
export type MunicipalityShape = Static<typeof MunicipalityShape>;
export const MunicipalityShapeList = Type.Object({
  items: Type.Array(MunicipalityShape, {
    description: 'one shape per municipality record of any period; pick the ids of /municipalities?on=',
  }),
});

export const ServiceKind = Type.Object({
  code: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
});
export const ServiceKindList = Type.Object({ items: Type.Array(ServiceKind) });
