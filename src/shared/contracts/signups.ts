/** Signups for shifts: a volunteer's own list, the coordinator's roster, swaps between volunteers. */
import { type Static, Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from './common.js';

export const SIGNUP_STATUSES = [
  'applied',
  'confirmed',
  'waitlisted',
  'offered',
  'attended',
  'no_show',
  'cancelled',
] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

const Reason = Type.String({ minLength: 1, maxLength: 500 });
const Person = Type.Object({ id: Uuid, displayName: Type.String() });

export const ShiftParams = Type.Object({ id: Uuid });
export const SignupParams = Type.Object({ id: Uuid });
export const SwapParams = Type.Object({ id: Uuid });

export const SignUpBody = Type.Object({ roleId: Type.Optional(Uuid) }, { additionalProperties: false });
export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const AttendanceBody = Type.Object(
  { status: Type.Enum(['attended', 'no_show'] as const) },
  { additionalProperties: false },
);
/** Directly onto the shift: someone found among the centre's people (`GET /api/shifts/:id/candidates`). */
export const AssignBody = Type.Object(
  { userId: Uuid, roleId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
/** An invitation by e-mail: the address gets it; the person accepts in their own account. */
export const InviteBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254, format: 'email' }), roleId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type InviteBody = Static<typeof InviteBody>;
export const InvitationParams = Type.Object({ id: Uuid });
export const CandidatesQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const MessageBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
/** The address to offer the place to: the answer is the same whether an account has it or not. */
export const SwapBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }) },
  { additionalProperties: false },
);

const ShiftSummary = Type.Object({
  id: Uuid,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  status: Type.String(),
  opportunity: Type.Object({ id: Uuid, title: Type.String() }),
  center: Type.Object({ id: Uuid, name: Type.String() }),
});

export const Signup = Type.Object({
  id: Uuid,
  status: Type.Enum(SIGNUP_STATUSES),
  offeredUntil: Nullable(IsoDateTime),
  cancelledBy: Nullable(Type.Enum(['volunteer', 'coordinator', 'system'] as const)),
  reason: Nullable(Type.String()),
  createdAt: IsoDateTime,
  checkedInAt: Nullable(IsoDateTime),
  checkedOutAt: Nullable(IsoDateTime),
  hours: Nullable(Type.Number({ description: 'Attended hours (out − in, else the shift length)' })),
  role: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  shift: ShiftSummary,
});
export type Signup = Static<typeof Signup>;
export const SignupEnvelope = Type.Object({ signup: Signup });

/**
 * A swap offer. It is made to an e-mail address and resolved to a person only when they accept it in their
 * own account (verified address). The offerer sees the address and `pending` until then — also when the
 * address has no account, the person is not eligible, or they declined; only the addressee sees `declined`.
 */
export const Swap = Type.Object({
  id: Uuid,
  status: Type.Enum(['pending', 'accepted', 'declined', 'withdrawn'] as const),
  signupId: Uuid,
  from: Person,
  to: Type.Object({
    email: Type.String({ description: 'The address the offer was made to (trimmed, lower case)' }),
    displayName: Nullable(
      Type.String({ description: 'The name of the person who accepted it; null before' }),
    ),
  }),
  shift: ShiftSummary,
  createdAt: IsoDateTime,
});
export type Swap = Static<typeof Swap>;
export const SwapEnvelope = Type.Object({ swap: Swap });

const InvitationSource = Type.Enum(['coordinator', 'desk'] as const, {
  description:
    'coordinator: from the roster (accepting confirms a place); desk: at check-in (accepting checks in)',
});

/**
 * An invitation as the coordinator sees it: the address as typed and whether it was accepted. Until then
 * it is `pending` — also when the address has no account or the person declined: the answer never tells
 * whether an address is registered.
 */
export const Invitation = Type.Object({
  id: Uuid,
  email: Type.String(),
  status: Type.Enum(['pending', 'accepted', 'withdrawn'] as const),
  source: InvitationSource,
  role: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export type Invitation = Static<typeof Invitation>;
export const InvitationEnvelope = Type.Object({ invitation: Invitation });

/** An invitation as its addressee sees it. */
export const MyInvitation = Type.Object({
  id: Uuid,
  status: Type.Enum(['pending', 'accepted', 'declined', 'withdrawn'] as const),
  source: InvitationSource,
  role: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  shift: ShiftSummary,
});
export type MyInvitation = Static<typeof MyInvitation>;
export const MyInvitationEnvelope = Type.Object({ invitation: MyInvitation });

/** Someone related to the centre by their own act (an earlier signup there, a member of its squad). */
export const Candidate = Type.Object({ id: Uuid, displayName: Type.String(), email: Type.String() });
export type Candidate = Static<typeof Candidate>;
export const CandidateList = Type.Object({ items: Type.Array(Candidate) });

export const MySignups = Type.Object({
  items: Type.Array(Signup),
  swaps: Type.Array(Swap, {
    description: 'Open swap offers: mine (to any address), and those to my verified address',
  }),
  invitations: Type.Array(MyInvitation, { description: 'Open invitations to shifts, to my address' }),
});
export type MySignups = Static<typeof MySignups>;

export const RosterEntry = Type.Object({
  id: Uuid,
  status: Type.Enum(SIGNUP_STATUSES),
  user: Type.Object({ id: Uuid, displayName: Type.String(), email: Type.String() }),
  role: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  offeredUntil: Nullable(IsoDateTime),
  cancelledBy: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  createdAt: IsoDateTime,
});
export type RosterEntry = Static<typeof RosterEntry>;

/** Someone who came without an account and holds a place (added at the check-in desk). */
export const RosterWalkIn = Type.Object({
  id: Uuid,
  fullName: Type.String(),
  contact: Nullable(Type.String()),
  role: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  checkedInAt: IsoDateTime,
  checkedOutAt: Nullable(IsoDateTime),
});
export type RosterWalkIn = Static<typeof RosterWalkIn>;

export const Roster = Type.Object({
  shift: Type.Object({
    id: Uuid,
    title: Type.String(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    status: Type.String(),
    capacity: Type.Integer(),
    held: Type.Integer({ description: 'Places held: confirmed, offered, attended and walk-ins' }),
    signupMode: Type.Enum(['auto', 'approval'] as const),
    center: Type.Object({ id: Uuid, name: Type.String() }),
  }),
  roles: Type.Array(
    Type.Object({ id: Uuid, name: Type.String(), capacity: Type.Integer(), held: Type.Integer() }),
  ),
  entries: Type.Array(RosterEntry),
  walkIns: Type.Array(RosterWalkIn, { description: 'Walk-ins without an account: they hold places too' }),
  invitations: Type.Array(Invitation, { description: 'Open invitations by e-mail (not yet accepted)' }),
});
export type Roster = Static<typeof Roster>;

export const MessageResult = Type.Object({ recipients: Type.Integer() });

export const TeamSignupBody = Type.Object(
  {
    squadId: Uuid,
    userIds: Type.Array(Uuid, { minItems: 1, maxItems: 200 }),
    mode: Type.Enum(['all_or_nothing', 'as_many_as_fit'] as const),
    roleId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type TeamSignupBody = Static<typeof TeamSignupBody>;
export const TeamSignupResult = Type.Object({
  teamSignupId: Uuid,
  created: Type.Array(Signup),
  /** Whose place each created signup is (the signup itself does not name its volunteer). */
  placed: Type.Array(Type.Object({ userId: Uuid, signupId: Uuid })),
  skipped: Type.Array(Type.Object({ userId: Uuid, code: Type.String() })),
});
export type TeamSignupResult = Static<typeof TeamSignupResult>;
