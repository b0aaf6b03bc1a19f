/** Tables owned by the signups module (migrations 0011, 0013, 0015, 0018; merged into `Database`). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

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
export type CancelledBy = 'volunteer' | 'coordinator' | 'system';

export type SignupsTable = {
  id: Generated<string>;
  /** Arrival order: the waitlist is first come, first served. */
  seq: Generated<number>;
  shift_id: string;
  role_id: string | null;
  user_id: string;
  status: SignupStatus;
  offered_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_by: CancelledBy | null;
  reason: string | null;
  team_signup_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Check-in/out (0013): by the shift's QR code or at the coordinator's desk. */
  checked_in_at: NullableTimestamp;
  checked_out_at: NullableTimestamp;
  check_in_method: ColumnType<'qr' | 'desk' | null, 'qr' | 'desk' | null | undefined, 'qr' | 'desk' | null>;
  checked_in_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** When each reminder went out (sent once). */
  reminded_24h_at: NullableTimestamp;
  reminded_2h_at: NullableTimestamp;
};

/** Someone who came to a shift without an account (0013); their attendance and hours are recorded. */
export type ShiftWalkInsTable = {
  id: Generated<string>;
  shift_id: string;
  role_id: string | null;
  full_name: string;
  contact: string | null;
  checked_in_at: Timestamp;
  checked_out_at: NullableTimestamp;
  added_by: string | null;
  removed_at: NullableTimestamp;
  removed_by: ColumnType<string | null, string | null | undefined, string | null>;
  removal_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
};

export type SwapStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

/** A swap offer (0011; by address since 0018): the person is known only once they answer it. */
export type SignupSwapsTable = {
  id: Generated<string>;
  signup_id: string;
  from_user_id: string;
  /** The address the offer was made to: trimmed, NFC, lower-cased; it may or may not belong to an account. */
  to_email: string;
  /** The account that answered (accepted or declined) with that verified address; null until then. */
  to_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<SwapStatus>;
  new_signup_id: string | null;
  created_at: Timestamp;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';
/** `coordinator`: from the roster (accepted → confirmed); `desk`: at the check-in desk (→ attended). */
export type InvitationSource = 'coordinator' | 'desk';

/** An invitation to a shift by e-mail (0015): nobody is put on a shift until they accept it themselves. */
export type ShiftInvitationsTable = {
  id: Generated<string>;
  shift_id: string;
  role_id: string | null;
  /** Trimmed, lower-cased; it may or may not belong to an account. */
  email: string;
  source: InvitationSource;
  status: Generated<InvitationStatus>;
  invited_by: string | null;
  created_at: Timestamp;
  /** The shift's start (coordinator) or the end of its check-in window (desk). */
  expires_at: Timestamp;
  decided_at: NullableTimestamp;
  signup_id: ColumnType<string | null, string | null | undefined, string | null>;
};

export type SignupsTables = {
  signups: SignupsTable;
  signup_swaps: SignupSwapsTable;
  shift_walk_ins: ShiftWalkInsTable;
  shift_invitations: ShiftInvitationsTable;
};

declare module '../../platform/db/schema.js' {
  /** This module's tables, part of the platform's `Database` type. */
  interface ModuleTables extends SignupsTables {}
}
