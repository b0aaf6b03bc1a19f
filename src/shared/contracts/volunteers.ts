/** Volunteer profiles, consents per purpose (152-FZ), guardian consent for minors, and squads. */
import { type Static, Type } from 'typebox';
import { AGE_GROUPS } from '../age.js';
import { IsoDate, IsoDateTime, Nullable, Uuid } from './common.js';

const Code = Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' });

export const AgeGroup = Type.Enum(AGE_GROUPS);

/** Fields a volunteer may show to coordinators outside their own centres (never birth date, home point). */
export const VISIBLE_FIELDS = [
  'full_name',
  'age_group',
  'profession',
  'skills',
  'languages',
  'municipality',
  'availability',
  'interests',
  'about',
  'photo',
] as const;
export type VisibleField = (typeof VISIBLE_FIELDS)[number];
export const VisibleFieldSchema = Type.Enum(VISIBLE_FIELDS);

export const CONSENT_PURPOSE_LIST = [
  'volunteering',
  'newsletters',
  'publication',
  'partner_transfer',
  'guardian_consent',
] as const;
export const ConsentPurpose = Type.Enum(CONSENT_PURPOSE_LIST);
export type ConsentPurpose = Static<typeof ConsentPurpose>;

export const AvailabilitySlot = Type.Object(
  {
    day: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }),
    from: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
    to: Type.String({ pattern: '^([01][0-9]|2[0-4]):[0-5][0-9]$' }),
  },
  { additionalProperties: false },
);
export type AvailabilitySlot = Static<typeof AvailabilitySlot>;

export const VocabularyItem = Type.Object({
  code: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
});
export const Vocabulary = Type.Object({
  skills: Type.Array(VocabularyItem),
  interests: Type.Array(VocabularyItem),
});
export type Vocabulary = Static<typeof Vocabulary>;

export const Eligibility = Type.Object({
  canVolunteer: Type.Boolean(),
  /** Why not yet: profile_incomplete, below_volunteer_age, consent_missing, consent_outdated, guardian_consent_missing. */
  missing: Type.Array(Type.String()),
});
export type Eligibility = Static<typeof Eligibility>;

/** The volunteer's own profile, in full. */
export const OwnProfile = Type.Object({
  userId: Uuid,
  fullName: Nullable(Type.String()),
  birthDate: Nullable(IsoDate),
  age: Nullable(Type.Integer()),
  ageGroup: Nullable(AgeGroup),
  isMinor: Type.Boolean(),
  profession: Nullable(Type.String()),
  skills: Type.Array(Type.String()),
  skillTags: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  municipalityId: Nullable(Uuid),
  homeCenterId: Nullable(Uuid),
  homePoint: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
  availability: Type.Array(AvailabilitySlot),
  interests: Type.Array(Type.String()),
  about: Nullable(Type.String()),
  visibleFields: Type.Array(VisibleFieldSchema),
  /** The own photo (an image URL for an <img>), or null when none was uploaded. */
  photoUrl: Nullable(Type.String()),
  eligibility: Eligibility,
  updatedAt: Nullable(IsoDateTime),
  version: Type.Integer({
    description: 'The profile version (1 before the first save): its ETag; send it back as If-Match to save',
  }),
});
export type OwnProfile = Static<typeof OwnProfile>;
export const OwnProfileEnvelope = Type.Object({ profile: OwnProfile });

/** Whole-profile update (a form saves every field; null clears). */
export const UpdateProfileBody = Type.Object(
  {
    fullName: Nullable(Type.String({ maxLength: 100 })),
    birthDate: Nullable(Type.String({ maxLength: 10 })),
    profession: Nullable(Type.String({ maxLength: 100 })),
    skills: Type.Array(Code, { maxItems: 40 }),
    skillTags: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
    languages: Type.Array(Type.String({ maxLength: 3 }), { maxItems: 20 }),
    municipalityId: Nullable(Uuid),
    homeCenterId: Nullable(Uuid),
    homePoint: Nullable(
      Type.Object(
        {
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lon: Type.Number({ minimum: -180, maximum: 180 }),
        },
        { additionalProperties: false },
      ),
    ),
    availability: Type.Array(AvailabilitySlot, { maxItems: 50 }),
    interests: Type.Array(Code, { maxItems: 30 }),
    about: Nullable(Type.String({ maxLength: 2000 })),
    visibleFields: Type.Array(VisibleFieldSchema, { maxItems: VISIBLE_FIELDS.length }),
  },
  { additionalProperties: false },
);
export type UpdateProfileBody = Static<typeof UpdateProfileBody>;

/**
 * A profile as another person sees it: the centre's own coordinators see everything but the birth date
 * and home point; coordinators of other centres only the fields the volunteer chose (others are null).
 */
export const ProfileForCoordinator = Type.Object({
  userId: Uuid,
  access: Type.Union([Type.Literal('own_center'), Type.Literal('other_center')]),
  fullName: Nullable(Type.String()),
  ageGroup: Nullable(AgeGroup),
  isMinor: Nullable(Type.Boolean()),
  profession: Nullable(Type.String()),
  skills: Nullable(Type.Array(Type.String())),
  skillTags: Nullable(Type.Array(Type.String())),
  languages: Nullable(Type.Array(Type.String())),
  municipalityId: Nullable(Uuid),
  availability: Nullable(Type.Array(AvailabilitySlot)),
  interests: Nullable(Type.Array(Type.String())),
  about: Nullable(Type.String()),
  /** The photo's URL when there is one and this viewer may see it (own centre, or shown by choice). */
  photoUrl: Nullable(Type.String()),
});
export type ProfileForCoordinator = Static<typeof ProfileForCoordinator>;
export const ProfileForCoordinatorEnvelope = Type.Object({ profile: ProfileForCoordinator });
export const UserIdParams = Type.Object({ userId: Uuid });
/** `?v=` on a photo's address changes with the photo, so a browser fetches a new one. */
export const PhotoQuery = Type.Object(
  { v: Type.Optional(Type.String({ maxLength: 64, description: 'Version from photoUrl (cache key)' })) },
  { additionalProperties: false },
);

export const ConsentDocumentView = Type.Object({
  purpose: ConsentPurpose,
  version: Type.String(),
  titleRu: Type.String(),
  titleEn: Type.String(),
  textRu: Type.String(),
  textEn: Type.String(),
  required: Type.Boolean(),
  publishedAt: IsoDateTime,
  /** The latest record for this purpose, any version. */
  given: Nullable(
    Type.Object({
      version: Type.String(),
      givenAt: IsoDateTime,
      withdrawnAt: Nullable(IsoDateTime),
      guardian: Nullable(
        Type.Object({ name: Type.String(), contact: Type.String(), relation: Type.String() }),
      ),
    }),
  ),
  /** Given for the current version and not withdrawn. */
  active: Type.Boolean(),
  /** Given for an older version and not withdrawn: asked again. */
  renewalNeeded: Type.Boolean(),
});
export type ConsentDocumentView = Static<typeof ConsentDocumentView>;
export const ConsentList = Type.Object({
  items: Type.Array(ConsentDocumentView),
  isMinor: Type.Boolean(),
  eligibility: Eligibility,
});
export type ConsentList = Static<typeof ConsentList>;

export const GuardianRelation = Type.Union([
  Type.Literal('parent'),
  Type.Literal('adoptive_parent'),
  Type.Literal('guardian'),
  Type.Literal('trustee'),
]);
export const GiveConsentBody = Type.Object(
  {
    purpose: ConsentPurpose,
    /** The version the person read; refused when it is not the current one. */
    version: Type.String({ maxLength: 40 }),
    /** Must be true: a consent is an explicit act, never implied. */
    agreed: Type.Boolean(),
    guardian: Type.Optional(
      Type.Object(
        {
          name: Type.String({ maxLength: 100 }),
          contact: Type.String({ maxLength: 254 }),
          relation: GuardianRelation,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type GiveConsentBody = Static<typeof GiveConsentBody>;
export const ConsentPurposeParams = Type.Object({ purpose: ConsentPurpose });

// --- squads ---

export const SquadMemberView = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  status: Type.Union([Type.Literal('requested'), Type.Literal('active'), Type.Literal('removed')]),
  isLeader: Type.Boolean(),
  /** Invited to lead the squad and not answered yet. */
  invitedToLead: Type.Boolean(),
  requestedAt: IsoDateTime,
});
/** A pending invitation to lead a squad (only the invitee's answer makes them a leader). */
export const SquadLeaderInvitation = Type.Object({
  userId: Uuid,
  /** The invitee's name when they are a member of the squad; null for anyone else. */
  displayName: Nullable(Type.String()),
  invitedAt: IsoDateTime,
});
export const Squad = Type.Object({
  id: Uuid,
  centerId: Uuid,
  centerName: Type.String(),
  name: Type.String(),
  focus: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  activeMembers: Type.Integer(),
  leaders: Type.Array(Type.Object({ userId: Uuid, displayName: Type.String() })),
  /** The viewer's own membership status, if any. */
  myStatus: Nullable(Type.String()),
  /** The viewer has been invited to lead this squad and may accept or decline. */
  myLeaderInvitation: Type.Boolean(),
  /** A leader or coordinator removed the viewer: the invitation code no longer admits them, a request does. */
  myRejoinNeedsApproval: Type.Boolean(),
  canManage: Type.Boolean(),
  version: Type.Integer({ description: 'Its version (the ETag): send it back as If-Match to edit' }),
  /** Only for those who manage the squad. */
  inviteCode: Nullable(Type.String()),
  members: Nullable(Type.Array(SquadMemberView)),
  /** Pending leader invitations; only for those who manage the squad. */
  leaderInvitations: Nullable(Type.Array(SquadLeaderInvitation)),
});
export type Squad = Static<typeof Squad>;
export const SquadEnvelope = Type.Object({ squad: Squad });
/** A squad on a centre's public page: no people (no leaders, no members), no invitation code. */
export const PublicSquad = Type.Object({
  id: Uuid,
  name: Type.String(),
  focus: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  activeMembers: Type.Integer(),
});
export const PublicSquadList = Type.Object({ items: Type.Array(PublicSquad) });
export const SquadList = Type.Object({ items: Type.Array(Squad) });
export const SquadParams = Type.Object({ id: Uuid });
export const SquadMemberParams = Type.Object({ id: Uuid, userId: Uuid });
export const CenterSquadsParams = Type.Object({ id: Uuid });

const SquadTag = Type.String({ minLength: 1, maxLength: 40 });
export const CreateSquadBody = Type.Object(
  {
    centerId: Uuid,
    name: Type.String({ maxLength: 120 }),
    focus: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    tags: Type.Optional(Type.Array(SquadTag, { maxItems: 10 })),
    /** Invites this person to lead the squad; they become leader and member only by accepting. */
    leaderUserId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type CreateSquadBody = Static<typeof CreateSquadBody>;
export const UpdateSquadBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 120 })),
    focus: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    tags: Type.Optional(Type.Array(SquadTag, { maxItems: 10 })),
    regenerateCode: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateSquadBody = Static<typeof UpdateSquadBody>;
export const JoinByCodeBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export const MemberDecisionBody = Type.Object(
  { action: Type.Union([Type.Literal('approve'), Type.Literal('remove')]) },
  { additionalProperties: false },
);
export type MemberDecisionBody = Static<typeof MemberDecisionBody>;
export const AssignLeaderBody = Type.Object({ userId: Uuid }, { additionalProperties: false });
