/**
 * The one writer of `audit_events`: who did what to which record, and when. Every action the application
 * records is listed here under the kind of record it is about (`audit_events.entity`), so a new action is
 * one line in this file and a misspelt one does not compile. The stored strings are read back by people,
 * exports and queries (`municipality.changed` keeps an abolition's ended ids): never rename one.
 *
 * `createAuditWriter({ clock })` is built once at wiring (runtime.ts) and handed to the services; a row is
 * written in the caller's transaction, so it commits or rolls back with the change it records.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';

/** Every recorded action, by the kind of record it is about. */
export const AUDIT_ACTIONS = {
  user: [
    'account.registration_attempted',
    'account.registered',
    'account.email_verified',
    'account.logged_in',
    'account.password_reset',
    'account.password_changed',
    'account.admin_created',
  ],
  consent: ['consent.given', 'consent.withdrawn'],
  volunteer_profile: [
    'volunteer.profile_updated',
    'volunteer.profile_viewed',
    'volunteer.photo_updated',
    'volunteer.photo_removed',
  ],
  squad: [
    'squad.created',
    'squad.updated',
    'squad.join_requested',
    'squad.joined_by_code',
    'squad.left',
    'squad.member_approved',
    'squad.member_removed',
    'squad.leader_invited',
    'squad.leader_accepted',
    'squad.leader_declined',
    'squad.leader_invitation_withdrawn',
  ],
  organization: [
    'organization.created',
    'organization.updated',
    'organization.representative_invited',
    'organization.representative_added',
    'organization.invitation_declined',
    'organization.invitation_withdrawn',
    'organization.representative_removed',
  ],
  center_application: [
    'application.created',
    'application.updated',
    'application.managed',
    'application.transition',
    'application.document_uploaded',
    'application.document_accepted',
    'application.document_returned',
  ],
  application_stage: ['application_stage.created', 'application_stage.updated'],
  application_document_kind: ['document_kind.created', 'document_kind.updated'],
  center_service_kind: ['service_kind.created', 'service_kind.updated'],
  center: ['center.opened', 'center.profile_updated', 'center.status_changed'],
  municipality_change: ['municipality.changed'],
  region: ['municipality.shapes_loaded'],
  rollout_target: ['plan.target_created', 'plan.target_changed', 'plan.target_removed'],
  work_log_entry: ['work_log.added', 'work_log.corrected', 'work_log.removed'],
  monitoring_round: [
    'monitoring.round_opened',
    'monitoring.score_entered',
    'monitoring.score_cleared',
    'monitoring.round_closed',
    'export.downloaded',
  ],
  registry: ['export.downloaded'],
  database: ['backup.downloaded'],
  /** Shift, series and template actions are recorded on their opportunity (templates: on themselves). */
  opportunity: [
    'opportunity.created',
    'opportunity.updated',
    'opportunity.draft',
    'opportunity.published',
    'opportunity.cancelled',
    'opportunity.completed',
    'shift.created',
    'shift.updated',
    'shift.cancelled',
    'shift_series.created',
    'shift_series.updated',
    'shift_template.created',
    'shift_template.stamped',
  ],
  calendar_feed: ['calendar_feed.issued', 'calendar_feed.removed'],
  shift: ['shift.messaged', 'shift.roster_exported', 'shift.checkin_code_rotated'],
  signup: [
    // a place taken (signups.core.ts)
    'signup.created',
    'signup.assigned',
    'signup.swap',
    'signup.team',
    'signup.walk_up',
    // status transitions (signup-rules.ts `Transition`)
    'signup.approve',
    'signup.decline',
    'signup.withdraw',
    'signup.cancel',
    'signup.offer',
    'signup.accept',
    'signup.pass',
    'signup.expire',
    'signup.attend',
    'signup.no_show',
    // invitations and swaps
    'signup.invitation_sent',
    'signup.invitation_withdrawn',
    'signup.invitation_accepted',
    'signup.invitation_declined',
    'signup.swap_offered',
    'signup.swapped',
    'signup.swap_declined',
    'signup.swap_withdrawn',
    // check-in desk
    'signup.checked_in',
    'signup.checked_out',
    'signup.check_in_undone',
    'signup.check_out_undone',
    'signup.no_show_undone',
  ],
  shift_walk_in: ['walk_in.added', 'walk_in.checked_out', 'walk_in.removed'],
} as const satisfies Record<string, readonly `${string}.${string}`[]>;

/** The kind of record an audit row is about (`audit_events.entity`). */
export type AuditTargetKind = keyof typeof AUDIT_ACTIONS;
/** The actions recorded on a kind of record (all of them by default). */
export type AuditAction<K extends AuditTargetKind = AuditTargetKind> = (typeof AUDIT_ACTIONS)[K][number];
/** What else the row keeps (stored as JSON): ids, fields changed, from/to, counts. */
export type AuditData = Readonly<Record<string, unknown>>;

/** One audit row; the action must be one of its target kind's. */
export type AuditEvent = {
  [K in AuditTargetKind]: {
    action: AuditAction<K>;
    target: K;
    /** The record's id (`audit_events.entity_id`); null when the action has no single record. */
    targetId: string | null;
    /** The user who acted; null for the system (jobs, CLI) and anonymous callers. */
    actorId: string | null;
    data?: AuditData;
    requestId?: string | null;
    /** The instant the caller stamped its other rows with; the writer's clock otherwise. */
    at?: Date;
  };
}[AuditTargetKind];

export type AuditWriter = {
  /** Writes one row with `trx` — the caller's transaction, or the database outside one. */
  record(trx: Kysely<Database>, event: AuditEvent): Promise<void>;
};

export function createAuditWriter(deps: { clock: Clock }): AuditWriter {
  return {
    async record(trx, event) {
      await trx
        .insertInto('audit_events')
        .values({
          at: event.at ?? deps.clock.now(),
          actor_id: event.actorId,
          action: event.action,
          entity: event.target,
          entity_id: event.targetId,
          request_id: event.requestId ?? null,
          data: JSON.stringify(event.data ?? {}),
        })
        .execute();
    },
  };
}
