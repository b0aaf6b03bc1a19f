/** Contract of the check-in feature: QR codes, the volunteer's scan, the coordinator's desk, walk-ins. */
import { type Static, Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from './common.js';
import { Invitation, SIGNUP_STATUSES } from './signups.js';

export const CheckinShiftParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const CheckinSignupParams = Type.Object({ id: Uuid });
export const WalkInParams = Type.Object({ id: Uuid });

const ShiftBrief = Type.Object({
  id: Uuid,
  title: Type.String(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  center: Type.Object({ id: Uuid, name: Type.String() }),
});

export const CheckinCode = Type.Object({
  shift: ShiftBrief,
  token: Type.String({ description: 'Shift id + expiry signed with HMAC-SHA256 under the shift key' }),
  url: Type.String({ description: 'What the QR code shows: <public URL>/check-in?t=<token>' }),
  code: Type.String({ description: 'Six digits for people who cannot scan' }),
  validFrom: IsoDateTime,
  validUntil: IsoDateTime,
});
export type CheckinCode = Static<typeof CheckinCode>;

export const CheckInBody = Type.Object(
  {
    token: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    shiftId: Type.Optional(Uuid),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 12 })),
    action: Type.Optional(Type.Enum(['in', 'out'] as const)),
  },
  { additionalProperties: false },
);
export type CheckInBody = Static<typeof CheckInBody>;

export const CheckInResult = Type.Object({
  result: Type.Enum(['checked_in', 'checked_out'] as const),
  signupId: Uuid,
  shift: ShiftBrief,
  checkedInAt: Nullable(IsoDateTime),
  checkedOutAt: Nullable(IsoDateTime),
  hours: Nullable(Type.Number()),
});
export type CheckInResult = Static<typeof CheckInResult>;

export const DeskQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) });

export const DeskEntry = Type.Object({
  id: Uuid,
  status: Type.Enum(SIGNUP_STATUSES),
  user: Type.Object({ id: Uuid, displayName: Type.String(), email: Type.String() }),
  role: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  checkedInAt: Nullable(IsoDateTime),
  checkedOutAt: Nullable(IsoDateTime),
  method: Nullable(Type.Enum(['qr', 'desk'] as const)),
  hours: Nullable(Type.Number({ description: 'Attended hours (out − in, else the shift length)' })),
});
export type DeskEntry = Static<typeof DeskEntry>;

export const WalkIn = Type.Object({
  id: Uuid,
  fullName: Type.String(),
  contact: Nullable(Type.String()),
  role: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  checkedInAt: IsoDateTime,
  checkedOutAt: Nullable(IsoDateTime),
  removedAt: Nullable(IsoDateTime),
  hours: Type.Number(),
});
export type WalkIn = Static<typeof WalkIn>;

export const Desk = Type.Object({
  shift: Type.Object({
    id: Uuid,
    title: Type.String(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    status: Type.String(),
    capacity: Type.Integer(),
    validFrom: IsoDateTime,
    validUntil: IsoDateTime,
    center: Type.Object({ id: Uuid, name: Type.String() }),
  }),
  counts: Type.Object({
    expected: Type.Integer({ description: 'Holding a place (or marked no-show) plus walk-ins' }),
    arrived: Type.Integer({ description: 'Attended plus walk-ins' }),
    noShow: Type.Integer(),
    free: Type.Integer({ description: 'Places left (walk-ins hold places too)' }),
  }),
  roles: Type.Array(Type.Object({ id: Uuid, name: Type.String(), capacity: Type.Integer() })),
  entries: Type.Array(DeskEntry),
  walkIns: Type.Array(WalkIn),
  invitations: Type.Array(Invitation, { description: 'Walk-ups invited by e-mail, not yet accepted' }),
});
export type Desk = Static<typeof Desk>;

export const DeskActionBody = Type.Object(
  { action: Type.Enum(['check_in', 'check_out', 'no_show', 'undo'] as const) },
  { additionalProperties: false },
);
export type DeskAction = Static<typeof DeskActionBody>['action'];
export const DeskEntryEnvelope = Type.Object({ entry: DeskEntry });

/**
 * A walk-up: `userId` of someone related to the centre (found with `GET /api/shifts/:id/candidates`),
 * straight to attended; `email`: an invitation they accept in their own account; `fullName`: a walk-in
 * without an account.
 */
export const WalkUpBody = Type.Object(
  {
    userId: Type.Optional(Uuid),
    email: Type.Optional(Type.String({ minLength: 3, maxLength: 254, format: 'email' })),
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    contact: Type.Optional(Type.String({ maxLength: 200 })),
    roleId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type WalkUpBody = Static<typeof WalkUpBody>;
export const WalkUpResult = Type.Object({
  entry: Nullable(DeskEntry),
  walkIn: Nullable(WalkIn),
  invitation: Nullable(Invitation),
});
export const WalkInEnvelope = Type.Object({ walkIn: WalkIn });
export const RemoveWalkInBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
