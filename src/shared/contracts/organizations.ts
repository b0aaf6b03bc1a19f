import { type Static, Type } from 'typebox';
import { ALL_SUBKINDS, ORGANIZATION_KINDS } from '../organization-kinds.js';
import { IsoDateTime, Nullable, Uuid } from './common.js';

export { ALL_SUBKINDS, ORGANIZATION_KINDS, type OrganizationKind, SUBKINDS } from '../organization-kinds.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

const Fields = {
  name: Text(300),
  kind: Type.Enum(ORGANIZATION_KINDS),
  subkind: Type.Optional(Nullable(Type.Enum(ALL_SUBKINDS))),
  inn: Type.Optional(
    Nullable(Type.String({ pattern: '^[0-9]{10}([0-9]{2})?$', description: 'ИНН: 10 or 12 digits' })),
  ),
  ogrn: Type.Optional(
    Nullable(Type.String({ pattern: '^[0-9]{13}([0-9]{2})?$', description: 'ОГРН: 13 or 15 digits' })),
  ),
  municipalityId: Uuid,
  address: Type.Optional(Nullable(Text(500))),
  phone: Type.Optional(Nullable(Type.String({ minLength: 5, maxLength: 40, pattern: '^[0-9+()\\-\\s]+$' }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254, format: 'email' }))),
  website: Type.Optional(Nullable(Type.String({ maxLength: 300, format: 'uri' }))),
};

export const CreateOrganizationBody = Type.Object(Fields, { additionalProperties: false });
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = Type.Object(
  {
    name: Type.Optional(Fields.name),
    kind: Type.Optional(Fields.kind),
    subkind: Fields.subkind,
    inn: Fields.inn,
    ogrn: Fields.ogrn,
    municipalityId: Type.Optional(Uuid),
    address: Fields.address,
    phone: Fields.phone,
    email: Fields.email,
    website: Fields.website,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;

export const Representative = Type.Object({ userId: Uuid, displayName: Type.String(), email: Type.String() });

/** A pending invitation to represent the organization, addressed to an e-mail address. */
export const OrganizationInvitation = Type.Object({
  id: Uuid,
  email: Type.String(),
  invitedAt: IsoDateTime,
  expiresAt: IsoDateTime,
});

export const Organization = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.Enum(ORGANIZATION_KINDS),
  subkind: Nullable(Type.String()),
  inn: Nullable(Type.String()),
  ogrn: Nullable(Type.String()),
  municipality: Type.Object({ id: Uuid, nameRu: Type.String(), nameEn: Type.String() }),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  isPlaceholder: Type.Boolean(),
  isDemo: Type.Boolean(),
  representatives: Type.Array(Representative),
  /** Invitations not answered yet (the same for a registered and an unknown address). */
  invitations: Type.Array(OrganizationInvitation),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: Type.Integer({ description: 'Its version (the ETag): send it back as If-Match to edit' }),
});
export type Organization = Static<typeof Organization>;
export const OrganizationEnvelope = Type.Object({ organization: Organization });

export const OrganizationListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    municipalityId: Type.Optional(Uuid),
    kind: Type.Optional(Type.Enum(ORGANIZATION_KINDS)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export const OrganizationList = Type.Object({ items: Type.Array(Organization), total: Type.Integer() });
export const OrganizationIdParams = Type.Object({ id: Uuid });
export const RepresentativeParams = Type.Object({ id: Uuid, userId: Uuid });
export const AddRepresentativeBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254, format: 'email' }) },
  { additionalProperties: false },
);

export const InnCheckQuery = Type.Object(
  { inn: Type.String({ maxLength: 12 }) },
  { additionalProperties: false },
);
export const InnCheck = Type.Object({
  valid: Type.Boolean(),
  duplicateOf: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
});

/** An invitation addressed to the signed-in user's own e-mail address. */
export const MyOrganizationInvitation = Type.Object({
  id: Uuid,
  organization: Type.Object({ id: Uuid, name: Type.String() }),
  invitedAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export const MyOrganizationInvitationList = Type.Object({ items: Type.Array(MyOrganizationInvitation) });
export const InvitationIdParams = Type.Object({ id: Uuid });
export const OrganizationInvitationParams = Type.Object({ id: Uuid, invitationId: Uuid });
