import { type Static, Type } from 'typebox';
import { IsoDate, Uuid } from './common.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

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
});
export type Center = Static<typeof Center>;
export const CenterList = Type.Object({ items: Type.Array(Center) });
export const CenterListQuery = Type.Object(
  { municipality: Type.Optional(Type.String({ maxLength: 80 })) },
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
