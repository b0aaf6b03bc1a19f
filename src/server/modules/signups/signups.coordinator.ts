/** The coordinator's tools for one shift: roster, direct assignment, a message to everyone, export. */
import type { Roster } from '../../../shared/contracts/signups.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import { invalid } from '../../platform/errors.js';
import { CONTENT_TYPES, type Column, type ExportFormat, toCsv, toXlsx } from '../exports/exports.formats.js';
import { renderSignInSheet } from './signin-sheet.pdf.js';
import { ACTIVE } from './signup-rules.js';
import type { CoreDeps, SignupCore } from './signups.core.js';
import { canCoordinate } from './signups.policy.js';
import { toRosterEntry, toSignup } from './signups.presenter.js';
import type { ShiftContext, SignupsRepo } from './signups.repo.js';

type RosterRow = Awaited<ReturnType<SignupsRepo['roster']>>[number];
/** The roster downloads: the two table formats and the printable sign-in sheet. */
export type RosterFormat = ExportFormat | 'pdf';
export const ROSTER_TYPES: Record<RosterFormat, string> = { ...CONTENT_TYPES, pdf: 'application/pdf' };

const STATUS_RU: Record<string, string> = {
  applied: 'заявка',
  confirmed: 'подтверждён',
  waitlisted: 'лист ожидания',
  offered: 'предложено место',
  attended: 'пришёл',
  no_show: 'не пришёл',
  cancelled: 'отменено',
};

export function createSignupCoordinator(deps: CoreDeps & { core: SignupCore }) {
  const { db, repo, clock, notify, core } = deps;

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
    };
  }

  const columns: Column<RosterRow>[] = [
    { header: 'ФИО', kind: 'text', width: 30, value: (r) => r.display_name },
    { header: 'Почта', kind: 'text', width: 28, value: (r) => r.email },
    { header: 'Роль', kind: 'text', width: 18, value: (r) => r.role_name },
    { header: 'Статус', kind: 'text', width: 16, value: (r) => STATUS_RU[r.status] ?? r.status },
    { header: 'Записан', kind: 'date', width: 12, value: (r) => r.created_at.toISOString().slice(0, 10) },
    { header: 'Подпись', kind: 'text', width: 20, value: () => '' },
  ];

  /** The PDF sign-in sheet: the place of the opportunity, places per role, the rows as the CSV has them. */
  async function signInSheet(shift: ShiftContext, rows: RosterRow[]) {
    const place = await db
      .selectFrom('opportunities')
      .select(['address', 'is_online'])
      .where('id', '=', shift.opportunity_id)
      .executeTakeFirst();
    const roles = await repo.roles(shift.id);
    return renderSignInSheet({
      title: shift.title,
      centerName: shift.center_name,
      address: place?.address ?? null,
      isOnline: place?.is_online ?? false,
      startsAt: shift.starts_at,
      endsAt: shift.ends_at,
      timezone: shift.timezone,
      capacity: shift.capacity,
      held: await repo.held(shift.id, db),
      roles: await Promise.all(
        roles.map(async (r) => ({
          name: r.name,
          capacity: r.capacity,
          held: await repo.held(shift.id, db, r.id),
        })),
      ),
      rows: rows.map((r) => ({
        name: r.display_name,
        role: r.role_name,
        contact: r.email,
        status: STATUS_RU[r.status] ?? r.status,
      })),
      generatedAt: clock.now(),
    });
  }

  return {
    roster,

    /** Puts a volunteer straight on the shift (confirmed), with all checks except the approval step. */
    async assign(actor: Actor, shiftId: string, body: { email: string; roleId?: string }) {
      const user = requireUser(actor);
      const shift = await shiftFor(actor, shiftId);
      const volunteer = await repo.userByEmail(body.email.trim());
      if (!volunteer) {
        throw invalid('user_not_found', 'No user with this email address.', [
          { field: 'email', code: 'user_not_found', message: 'No user with this email address.' },
        ]);
      }
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
        await trx
          .insertInto('audit_events')
          .values({
            at: clock.now(),
            actor_id: user.userId,
            action: 'shift.messaged',
            entity: 'shift',
            entity_id: shiftId,
            data: JSON.stringify({ recipients: users.length }),
          })
          .execute();
      });
      return { recipients: users.length };
    },

    /**
     * The roster as CSV/XLSX with an empty signature column, or as a PDF sign-in sheet (A4, with blank
     * rows for walk-ups): what a coordinator prints for the venue. Cancelled signups are left out.
     */
    async exportRoster(actor: Actor, shiftId: string, format: RosterFormat) {
      const user = requireUser(actor);
      const shift = await shiftFor(actor, shiftId);
      const rows = (await repo.roster(shiftId)).filter((r) => r.status !== 'cancelled');
      const table = { sheetName: 'Смена', columns, rows };
      const body =
        format === 'csv'
          ? toCsv(table)
          : format === 'xlsx'
            ? await toXlsx(table, clock.now())
            : await signInSheet(shift, rows);
      await core.commit((trx) =>
        trx
          .insertInto('audit_events')
          .values({
            at: clock.now(),
            actor_id: user.userId,
            action: 'shift.roster_exported',
            entity: 'shift',
            entity_id: shift.id,
            data: JSON.stringify({ format, rows: rows.length }),
          })
          .execute(),
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
