import { type Static, Type } from 'typebox';
import { LIMITS, LOCALES, ROLES, SCOPE_TYPES } from '../limits.js';
import { IsoDateTime, Uuid } from './common.js';

const Email = Type.String({ minLength: 3, maxLength: LIMITS.email.max, format: 'email' });
const Password = Type.String({ minLength: LIMITS.password.min, maxLength: LIMITS.password.max });
const DisplayName = Type.String({ minLength: LIMITS.displayName.min, maxLength: LIMITS.displayName.max });
const Token = Type.String({ minLength: 10, maxLength: LIMITS.token.max });
export const LocaleSchema = Type.Enum(LOCALES);

export const RoleAssignment = Type.Object({
  role: Type.Enum(ROLES),
  scopeType: Type.Enum(SCOPE_TYPES),
  scopeId: Type.Union([Uuid, Type.Null()]),
  scopeName: Type.Union([Type.String(), Type.Null()]),
});
export type RoleAssignment = Static<typeof RoleAssignment>;

export const User = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  locale: LocaleSchema,
  emailVerified: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  roles: Type.Array(RoleAssignment),
  createdAt: IsoDateTime,
  version: Type.Integer({ description: 'Its version (the ETag): send it back as If-Match to edit' }),
});
export type User = Static<typeof User>;
export const UserEnvelope = Type.Object({ user: User });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    displayName: DisplayName,
    locale: Type.Optional(LocaleSchema),
    consent: Type.Object(
      {
        personalData: Type.Literal(true, {
          description: 'Explicit consent to personal-data processing (152-FZ)',
        }),
        version: Type.String({ minLength: 1, maxLength: 40 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const VerifyEmailBody = Type.Object({ token: Token }, { additionalProperties: false });
export const EmailOnlyBody = Type.Object({ email: Email }, { additionalProperties: false });
export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: LIMITS.password.max }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;
export const ResetConfirmBody = Type.Object(
  { token: Token, password: Password },
  { additionalProperties: false },
);
export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: LIMITS.password.max }), newPassword: Password },
  { additionalProperties: false },
);
export const UpdateMeBody = Type.Object(
  { displayName: Type.Optional(DisplayName), locale: Type.Optional(LocaleSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const Accepted = Type.Object({ accepted: Type.Literal(true) });

export const Session = Type.Object({
  id: Uuid,
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  expiresAt: IsoDateTime,
  userAgent: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
});
export type Session = Static<typeof Session>;
export const SessionList = Type.Object({ items: Type.Array(Session) });
export const SessionIdParams = Type.Object({ id: Uuid });
