/** Opportunities, shifts, recurring series, templates, search and calendar feeds: the API's shapes. */
import { type Static, Type } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Uuid } from './common.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Code = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });
const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local' });

export const OPPORTUNITY_STATUSES = ['draft', 'published', 'cancelled', 'completed'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const SEARCH_SORTS = ['start', 'distance', 'relevance'] as const;

export const Category = Type.Object({ code: Type.String(), nameRu: Type.String(), nameEn: Type.String() });
export const CategoryList = Type.Object({ items: Type.Array(Category) });

export const RoleInput = Type.Object(
  { name: Text(100), capacity: Type.Integer({ minimum: 1, maximum: 10000 }) },
  { additionalProperties: false },
);
export type RoleInput = Static<typeof RoleInput>;

const OpportunityFields = {
  title: Text(200),
  description: Type.String({ maxLength: 10000 }),
  category: Nullable(Code),
  projectTags: Type.Array(Text(60), { maxItems: 20 }),
  municipalityId: Nullable(Uuid),
  address: Nullable(Text(500)),
  lat: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  lon: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  isOnline: Type.Boolean(),
  contact: Nullable(Text(300)),
  minAge: Nullable(Type.Integer({ minimum: 14, maximum: 99 })),
  requiredSkills: Type.Array(Code, { maxItems: 20 }),
  signupMode: Type.Union([Type.Literal('auto'), Type.Literal('approval')]),
  partnerOrganizationId: Nullable(Uuid),
};

export const CreateOpportunityBody = Type.Object(
  {
    ...OpportunityFields,
    description: Type.Optional(OpportunityFields.description),
    category: Type.Optional(OpportunityFields.category),
    projectTags: Type.Optional(OpportunityFields.projectTags),
    municipalityId: Type.Optional(OpportunityFields.municipalityId),
    address: Type.Optional(OpportunityFields.address),
    lat: Type.Optional(OpportunityFields.lat),
    lon: Type.Optional(OpportunityFields.lon),
    isOnline: Type.Optional(OpportunityFields.isOnline),
    contact: Type.Optional(OpportunityFields.contact),
    minAge: Type.Optional(OpportunityFields.minAge),
    requiredSkills: Type.Optional(OpportunityFields.requiredSkills),
    signupMode: Type.Optional(OpportunityFields.signupMode),
    partnerOrganizationId: Type.Optional(OpportunityFields.partnerOrganizationId),
  },
  { additionalProperties: false },
);
export type CreateOpportunityBody = Static<typeof CreateOpportunityBody>;

export const UpdateOpportunityBody = Type.Object(
  {
    title: Type.Optional(OpportunityFields.title),
    description: Type.Optional(OpportunityFields.description),
    category: Type.Optional(OpportunityFields.category),
    projectTags: Type.Optional(OpportunityFields.projectTags),
    municipalityId: Type.Optional(OpportunityFields.municipalityId),
    address: Type.Optional(OpportunityFields.address),
    lat: Type.Optional(OpportunityFields.lat),
    lon: Type.Optional(OpportunityFields.lon),
    isOnline: Type.Optional(OpportunityFields.isOnline),
    contact: Type.Optional(OpportunityFields.contact),
    minAge: Type.Optional(OpportunityFields.minAge),
    requiredSkills: Type.Optional(OpportunityFields.requiredSkills),
    signupMode: Type.Optional(OpportunityFields.signupMode),
    partnerOrganizationId: Type.Optional(OpportunityFields.partnerOrganizationId),
    status: Type.Optional(Type.Enum(OPPORTUNITY_STATUSES)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOpportunityBody = Static<typeof UpdateOpportunityBody>;

export const ShiftRole = Type.Object({
  id: Uuid,
  name: Type.String(),
  capacity: Type.Integer(),
  taken: Type.Integer(),
});
export const Shift = Type.Object({
  id: Uuid,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  capacity: Type.Integer(),
  taken: Type.Integer({ description: "Confirmed places (signups 'confirmed' or 'attended')" }),
  freePlaces: Type.Integer(),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
  seriesId: Nullable(Uuid),
  occurrenceDate: Nullable(IsoDate),
  version: Type.Integer({ description: 'Its version (the ETag): send it back as If-Match to edit' }),
  roles: Type.Array(ShiftRole),
});
export type Shift = Static<typeof Shift>;

export const Series = Type.Object({
  id: Uuid,
  frequency: Type.Union([Type.Literal('weekly'), Type.Literal('monthly')]),
  interval: Type.Integer(),
  weekdays: Type.Array(Type.Integer()),
  monthDay: Nullable(Type.Integer()),
  startsOn: IsoDate,
  until: IsoDate,
  startTime: Type.String(),
  durationMinutes: Type.Integer(),
  capacity: Type.Integer(),
  roles: Type.Array(RoleInput),
  timeZone: Type.String(),
  version: Type.Integer({ description: "The series' version: its ETag; send it back as If-Match to edit" }),
});
export type Series = Static<typeof Series>;

const Place = {
  municipality: Nullable(Type.Object({ id: Uuid, nameRu: Type.String(), nameEn: Type.String() })),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  isOnline: Type.Boolean(),
};

export const Opportunity = Type.Object({
  id: Uuid,
  center: Type.Object({ id: Uuid, name: Type.String() }),
  partnerOrganization: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  title: Type.String(),
  description: Type.String(),
  category: Nullable(Category),
  projectTags: Type.Array(Type.String()),
  ...Place,
  contact: Nullable(Type.String()),
  minAge: Nullable(Type.Integer()),
  requiredSkills: Type.Array(Type.String()),
  signupMode: Type.Union([Type.Literal('auto'), Type.Literal('approval')]),
  status: Type.Enum(OPPORTUNITY_STATUSES),
  canManage: Type.Boolean(),
  shifts: Type.Array(Shift),
  series: Type.Array(Series),
  isDemo: Type.Boolean(),
  updatedAt: IsoDateTime,
  version: Type.Integer({ description: 'Its version (the ETag): send it back as If-Match to edit' }),
});
export type Opportunity = Static<typeof Opportunity>;
export const OpportunityEnvelope = Type.Object({ opportunity: Opportunity });

/** What creating or changing a series did to its future shifts (past ones are history and stay). */
export const SeriesChanges = Type.Object({
  added: Type.Integer({ description: 'New shifts for days the rule now has' }),
  removed: Type.Integer({
    description: 'Future shifts nobody held a place on, for days the rule no longer has',
  }),
  moved: Type.Integer({ description: 'Future shifts nobody held a place on, now at the new time' }),
  changed: Type.Integer({
    description: 'Future shifts nobody held a place on, same time, new places or roles',
  }),
  keptBooked: Type.Integer({
    description:
      'Future shifts kept exactly as they were because someone holds a place: a signup (any live status, a waitlist offer too) or a walk-in',
  }),
});
export type SeriesChanges = Static<typeof SeriesChanges>;
export const SeriesResult = Type.Object({ opportunity: Opportunity, changes: SeriesChanges });
export type SeriesResult = Static<typeof SeriesResult>;
export const OpportunityIdParams = Type.Object({ id: Uuid });
export const ShiftParams = Type.Object({ id: Uuid, shiftId: Uuid });
export const SeriesParams = Type.Object({ id: Uuid, seriesId: Uuid });

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    centerId: Type.Optional(Uuid),
    municipalityId: Type.Optional(Uuid),
    category: Type.Optional(Code),
    skill: Type.Optional(Code),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    age: Type.Optional(
      Type.Integer({ minimum: 14, maximum: 120, description: 'Only suitable for this age' }),
    ),
    forMyAge: Type.Optional(Type.Boolean({ description: "Use the logged-in volunteer's age" })),
    freeOnly: Type.Optional(Type.Boolean()),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    radiusKm: Type.Optional(Type.Number({ minimum: 1, maximum: 2000 })),
    sort: Type.Optional(Type.Enum(SEARCH_SORTS)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object({
  id: Uuid,
  title: Type.String(),
  snippet: Type.String(),
  center: Type.Object({ id: Uuid, name: Type.String() }),
  category: Nullable(Category),
  ...Place,
  minAge: Nullable(Type.Integer()),
  nextShiftAt: IsoDateTime,
  shiftCount: Type.Integer({
    description: 'Scheduled shifts starting after now (and in the date range, if one is given)',
  }),
  freePlaces: Type.Integer({ description: 'Free places over those shifts (past shifts never count)' }),
  distanceKm: Nullable(Type.Number()),
});
export type SearchHit = Static<typeof SearchHit>;
export const SearchResult = Type.Object({
  items: Type.Array(SearchHit),
  total: Type.Integer({ description: 'Matching opportunities, counted at most 1000 past this page' }),
  totalCapped: Type.Boolean({ description: 'True when there are more than `total` (counting stopped)' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type SearchResult = Static<typeof SearchResult>;

export const CenterOpportunityList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      status: Type.Enum(OPPORTUNITY_STATUSES),
      nextShiftAt: Nullable(IsoDateTime),
      updatedAt: IsoDateTime,
    }),
  ),
});
export const CenterIdParams = Type.Object({ id: Uuid });

export const CreateShiftBody = Type.Object(
  {
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    capacity: Type.Integer({ minimum: 1, maximum: 10000 }),
    roles: Type.Optional(Type.Array(RoleInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateShiftBody = Static<typeof CreateShiftBody>;
export const UpdateShiftBody = Type.Object(
  {
    startsAt: Type.Optional(IsoDateTime),
    endsAt: Type.Optional(IsoDateTime),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    status: Type.Optional(Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateShiftBody = Static<typeof UpdateShiftBody>;

export const SeriesBody = Type.Object(
  {
    frequency: Type.Union([Type.Literal('weekly'), Type.Literal('monthly')]),
    interval: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    weekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7 })),
    monthDay: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 31 }))),
    startsOn: IsoDate,
    until: IsoDate,
    startTime: LocalTime,
    durationMinutes: Type.Integer({ minimum: 15, maximum: 1440 }),
    capacity: Type.Integer({ minimum: 1, maximum: 10000 }),
    roles: Type.Optional(Type.Array(RoleInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type SeriesBody = Static<typeof SeriesBody>;

export const TemplateSlot = Type.Object(
  {
    start: LocalTime,
    end: LocalTime,
    capacity: Type.Integer({ minimum: 1, maximum: 10000 }),
    roles: Type.Optional(Type.Array(RoleInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export const ShiftTemplate = Type.Object({
  id: Uuid,
  name: Type.String(),
  slots: Type.Array(TemplateSlot),
});
export type ShiftTemplate = Static<typeof ShiftTemplate>;
export const ShiftTemplateList = Type.Object({ items: Type.Array(ShiftTemplate) });
export const CreateTemplateBody = Type.Object(
  { name: Text(100), slots: Type.Array(TemplateSlot, { minItems: 1, maxItems: 24 }) },
  { additionalProperties: false },
);
export type CreateTemplateBody = Static<typeof CreateTemplateBody>;
export const StampTemplateBody = Type.Object(
  { templateId: Uuid, date: IsoDate },
  { additionalProperties: false },
);

/** A shift's iCalendar file. */
export const ShiftIcsParams = Type.Object({ id: Uuid });
/** The private feed's secret token, with or without `.ics` (the address handed out has it). */
export const CalendarFeedParams = Type.Object({
  token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}(\\.ics)?$' }),
});

export const CalendarFeed = Type.Object({
  active: Type.Boolean(),
  url: Nullable(Type.String({ description: 'Shown only right after it is created' })),
  createdAt: Nullable(IsoDateTime),
});

/** Organizations of the region a centre may name as an opportunity's partner (registry facts only). */
export const PartnerCandidatesQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const PartnerCandidates = Type.Object({
  items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), inn: Nullable(Type.String()) })),
});
