/**
 * The coordinator's tools for one shift: roster (with walk-ins and open invitations), direct assignment of
 * the centre's own people, a message to everyone, export.
 */
import type { Roster } from '../../../shared/contracts/signups.js';
import { CONTENT_TYPES, type ExportFormat } from '../../lib/spreadsheet.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import { invalid } from '../../platform/errors.js';
import { rosterCsv, rosterLines, rosterPdf, rosterXlsx } from './roster-export.js';
import { ACTIVE } from './signup-rules.js';
import type { CoreDeps, SignupCore } from './signups.core.js';
import type { SignupInvitations } from './signups.invitations.js';
import { canCoordinate } from './signups.policy.js';
import { toRosterEntry, toRosterWalkIn, toSignup } from './signups.presenter.js';

/** The roster downloads: the two table formats and the printable sign-in sheet. */
export type RosterFormat = ExportFormat | 'pdf';
export const ROSTER_TYPES: Record<RosterFormat, string> = { ...CONTENT_TYPES, pdf: 'application/pdf' };

export function createSignupCoordinator(
  deps: CoreDeps & { core: SignupCore; invitations: SignupInvitations },
) {
  const { db, repo, clock, audit, notify, core, invitations } = deps;

  async function shiftFor(actor: Actor, shiftId: string) {
    requireUser(actor);
    const shift = await repo.shift(shiftId);
    authorize(!!shift && canCoordinate(actor, shift), { hide: true, what: 'shift' });
    return shift as NonNullable<typeof shift>;
  }

  async function roster(actor: Actor, shiftId: string): Promise<Roster> {
    const shift = await shiftFor(actor, shiftId);
    const rows = await repo.roster(shiftId);
    const roles = await repo.roles(shiftId);
    // places as the capacity check counts them: signups holding a place and walk-ins without an account
    const [held, ...roleHeld] = await Promise.all([
      repo.held(shiftId, db),
      ...roles.map((r) => repo.held(shiftId, db, r.id)),
    ]);
    return {
      shift: {
        id: shift.id,
        title: shift.title,
        startsAt: shift.starts_at.toISOString(),
        endsAt: shift.ends_at.toISOString(),
        status: shift.status,
        capacity: shift.capacity,
        held: held ?? 0,
        signupMode: shift.signup_mode,
        center: { id: shift.center_id, name: shift.center_name },
      },
      roles: roles.map((r, i) => ({ ...r, held: roleHeld[i] ?? 0 })),
      entries: rows.map(toRosterEntry),
      walkIns: (await repo.walkIns(shiftId)).map(toRosterWalkIn),
      invitations: await invitations.onShift(shiftId),
    };
  }

  return {
    roster,

    /**
     * Puts someone related to the centre by their own act (see `candidates`) straight on the shift
     * (confirmed), with all checks except the approval step. Anyone else is invited by e-mail instead.
     */
    async assign(actor: Actor, shiftId: string, body: { userId: string; roleId?: string }) {
      const user = requireUser(actor);
      const shift = await shiftFor(actor, shiftId);
      await invitations.assertCandidate(shift, body.userId);
      const [volunteer] = await repo.users([body.userId]);
      if (!volunteer) throw invalid('not_a_candidate', 'Invite this person by e-mail.');
      const row = await core.commit(async (trx, after) => {
        await repo.lockVolunteer(volunteer.id, trx);
        const created = await core.takePlace(trx, {
          shift,
          userId: volunteer.id,
          roleId: body.roleId ?? null,
          actorId: user.userId,
          mode: 'assign',
        });
        after.mail.push(
          ...(await notify(
            trx,
            [volunteer],
            { event: 'confirmed', shift: core.shiftNotice(shift), link: '/my/shifts', mail: true },
            clock.now(),
          )),
        );
        return created;
      });
      const [view] = await repo.views({ id: row.id });
      return { signup: toSignup(view as NonNullable<typeof view>) };
    },

    /** In-app and mail to everyone signed up (not cancelled) on the shift. */
    async message(actor: Actor, shiftId: string, text: string) {
      const user = requireUser(actor);
      const shift = await shiftFor(actor, shiftId);
      const body = text.normalize('NFC').trim();
      if (!body) {
        throw invalid('validation_failed', 'Write the message.', [
          { field: 'text', code: 'required', message: 'Write the message.' },
        ]);
      }
      const recipients = (await repo.roster(shiftId)).filter((r) => ACTIVE.includes(r.status));
      const users = await repo.users(recipients.map((r) => r.user_id));
      await core.commit(async (trx, after) => {
        after.mail.push(
          ...(await notify(
            trx,
            users,
            {
              event: 'message',
              shift: core.shiftNotice(shift),
              link: '/my/shifts',
              mail: true,
              params: { text: body },
            },
            clock.now(),
          )),
        );
        await audit.record(trx, {
          actorId: user.userId,
          action: 'shift.messaged',
          target: 'shift',
          targetId: shiftId,
          data: { recipients: users.length },
        });
      });
      return { recipients: users.length };
    },

    /**
     * The roster as CSV/XLSX with an empty signature column, or as a PDF sign-in sheet (A4, with blank
     * rows for walk-ups): what a coordinator prints for the venue. Cancelled signups are left out;
     * walk-ins without an account are in (they hold places).
     */
    async exportRoster(actor: Actor, shiftId: string, format: RosterFormat) {
      const user = requireUser(actor);
      const shift = await shiftFor(actor, shiftId);
      const rows = await rosterLines(repo, shift);
      const body =
        format === 'csv'
          ? rosterCsv(rows)
          : format === 'xlsx'
            ? await rosterXlsx(rows, clock.now())
            : await rosterPdf(db, repo, shift, rows, clock.now());
      await core.commit((trx) =>
        audit.record(trx, {
          actorId: user.userId,
          action: 'shift.roster_exported',
          target: 'shift',
          targetId: shift.id,
          data: { format, rows: rows.length },
        }),
      );
      return {
        body,
        contentType: ROSTER_TYPES[format],
        filename: `roster-${shift.starts_at.toISOString().slice(0, 10)}-${shift.id.slice(0, 8)}.${format}`,
      };
    },
  };
}
export type SignupCoordinator = ReturnType<typeof createSignupCoordinator>;
