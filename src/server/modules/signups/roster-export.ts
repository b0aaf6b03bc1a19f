/**
 * The roster downloads of one shift — CSV and XLSX with an empty signature column, and the printable PDF
 * sign-in sheet — with everyone who holds or held a place: signups (not cancelled) and walk-ins without
 * an account. Dates are the region's calendar days (the shift's time zone), not UTC.
 */
import type { Kysely } from 'kysely';
import { localDay } from '../../../shared/time-zone.js';
import { type Column, toCsv, toXlsx } from '../../lib/spreadsheet.js';
import type { Database } from '../../platform/db/schema.js';
import { renderSignInSheet } from './signin-sheet.pdf.js';
import type { ShiftContext, SignupsRepo } from './signups.repo.js';

type Db = Kysely<Database>;

/** One printed line: a signup or a walk-in. */
export type RosterLine = {
  name: string;
  contact: string | null;
  role: string | null;
  status: string;
  /** The local day the person signed up (a walk-in: came), YYYY-MM-DD in the shift's zone. */
  day: string;
};

const STATUS_RU: Record<string, string> = {
  applied: 'заявка',
  confirmed: 'подтверждён',
  waitlisted: 'лист ожидания',
  offered: 'предложено место',
  attended: 'пришёл',
  no_show: 'не пришёл',
  cancelled: 'отменено',
};
export const WALK_IN_STATUS = 'пришёл без учётной записи';

const columns: Column<RosterLine>[] = [
  { header: 'ФИО', kind: 'text', width: 30, value: (r) => r.name },
  { header: 'Контакт', kind: 'text', width: 28, value: (r) => r.contact },
  { header: 'Роль', kind: 'text', width: 18, value: (r) => r.role },
  { header: 'Статус', kind: 'text', width: 16, value: (r) => r.status },
  { header: 'Записан', kind: 'date', width: 12, value: (r) => r.day },
  { header: 'Подпись', kind: 'text', width: 20, value: () => '' },
];

/** Signups that are not cancelled (in arrival order), then the walk-ins still on the shift. */
export async function rosterLines(repo: SignupsRepo, shift: ShiftContext): Promise<RosterLine[]> {
  const [signups, walkIns] = await Promise.all([repo.roster(shift.id), repo.walkIns(shift.id)]);
  return [
    ...signups
      .filter((r) => r.status !== 'cancelled')
      .map((r) => ({
        name: r.display_name,
        contact: r.email,
        role: r.role_name,
        status: STATUS_RU[r.status] ?? r.status,
        day: localDay(r.created_at, shift.timezone),
      })),
    ...walkIns.map((w) => ({
      name: w.full_name,
      contact: w.contact,
      role: w.role_name,
      status: WALK_IN_STATUS,
      day: localDay(w.checked_in_at, shift.timezone),
    })),
  ];
}

export function rosterTable(lines: RosterLine[]) {
  return { sheetName: 'Смена', columns, rows: lines };
}

export const rosterCsv = (lines: RosterLine[]) => toCsv(rosterTable(lines));
export const rosterXlsx = (lines: RosterLine[], now: Date) => toXlsx(rosterTable(lines), now);

/** The PDF sign-in sheet: the place of the opportunity, places per role, the lines as the CSV has them. */
export async function rosterPdf(
  db: Db,
  repo: SignupsRepo,
  shift: ShiftContext,
  lines: RosterLine[],
  now: Date,
) {
  const place = await repo.venue(shift.opportunity_id, db);
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
    rows: lines.map((l) => ({ name: l.name, role: l.role, contact: l.contact, status: l.status })),
    generatedAt: now,
  });
}
