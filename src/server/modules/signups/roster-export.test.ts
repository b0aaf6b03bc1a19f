/**
 * The roster and its downloads show everyone holding a place — walk-ins without an account too — with
 * the signup date on the region's calendar, and the PDF sheet's row numbers fit their column (issue 9,
 * item 16). CSV and XLSX are read back with real parsers, the PDF with pdfjs.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift } from '../../../../test/support/signups.fixtures.js';
import { renderSignInSheet } from './signin-sheet.pdf.js';

let t: TestPlatform;
let centerId: string;
let coordinator: string;
// Test clock: 2026-11-24T10:00Z; the region is Novokuznetsk (UTC+7).
const DEC = (day: number, hourUtc = 2) => new Date(Date.UTC(2026, 11, day, hourUtc));

/** Text items of each page, as pdfjs extracts them. */
async function pdfItems(bytes: Uint8Array): Promise<string[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).filter((s) => s.trim() !== ''));
  }
  await pdf.destroy();
  return pages;
}

async function enrol(shiftId: string, name: string, createdAt: Date) {
  const user = await buildUser(t.db, { role: 'volunteer', displayName: name });
  await t.db
    .insertInto('signups')
    .values({
      shift_id: shiftId,
      role_id: null,
      user_id: user.id,
      status: 'confirmed',
      created_by: user.id,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
  return user;
}

let arrivals = 0;
async function walkIn(shiftId: string, fullName: string, contact: string | null, removed = false) {
  arrivals += 1;
  const at = new Date(DEC(5, 2).getTime() + arrivals * 60_000);
  await t.db
    .insertInto('shift_walk_ins')
    .values({
      shift_id: shiftId,
      role_id: null,
      full_name: fullName,
      contact,
      checked_in_at: at,
      added_by: null,
      created_at: at,
      ...(removed ? { removed_at: at, removal_reason: 'Ошибка' } : {}),
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  const coord = await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId });
  coordinator = sessionCookie(
    await t.request('POST', '/api/auth/login', { body: { email: coord.email, password: TEST_PASSWORD } }),
  );
});
afterAll(async () => {
  await t.close();
});

describe('walk-ins and local dates on the roster and its downloads', () => {
  it('lists walk-ins next to signups in JSON, CSV, XLSX and PDF; dates are the region’s', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(5), capacity: 6, title: 'Раздача' });
    // 20:30 UTC on 24 November is 03:30 on 25 November in Novokuznetsk
    const late = new Date('2026-11-24T20:30:00Z');
    const signed = [
      await enrol(shift.id, 'Анна Белова', late),
      await enrol(shift.id, 'Борис Волков', late),
      await enrol(shift.id, 'Вера Галкина', late),
    ];
    await walkIn(shift.id, 'Глеб Дымов', '+7 900 000-00-01');
    await walkIn(shift.id, 'Дарья Ершова', null);
    await walkIn(shift.id, 'Егор Жуков', 'egor@example.ru');
    await walkIn(shift.id, 'Ошибочно Добавленный', null, true);
    const walkers = ['Глеб Дымов', 'Дарья Ершова', 'Егор Жуков'];

    const roster = (await t.request('GET', `/api/shifts/${shift.id}/roster`, { cookie: coordinator })).json();
    expect(roster.shift).toMatchObject({ capacity: 6, held: 6 });
    expect(roster.walkIns.map((w: { fullName: string }) => w.fullName)).toEqual(walkers);
    expect(roster.walkIns[0]).toMatchObject({ contact: '+7 900 000-00-01', role: null });

    const csv = await t.request('GET', `/api/shifts/${shift.id}/roster.csv`, { cookie: coordinator });
    const records: string[][] = parse(csv.rawPayload, { bom: true, delimiter: ';' });
    const header = records[0] as string[];
    const rows = records.slice(1);
    expect(rows.map((r) => r[header.indexOf('ФИО')])).toEqual([
      ...signed.map((u) => u.display_name),
      ...walkers,
    ]);
    const date = header.indexOf('Записан');
    expect(rows.slice(0, 3).map((r) => r[date])).toEqual(['2026-11-25', '2026-11-25', '2026-11-25']);
    expect(rows.slice(3).map((r) => r[header.indexOf('Статус')])).toEqual(
      walkers.map(() => 'пришёл без учётной записи'),
    );
    // a leading "+" is neutralised against formula injection (lib/spreadsheet.ts)
    expect(rows[3]?.[header.indexOf('Контакт')]).toBe("'+7 900 000-00-01");
    expect(rows[5]?.[header.indexOf('Контакт')]).toBe('egor@example.ru');

    const xlsx = await t.request('GET', `/api/shifts/${shift.id}/roster.xlsx`, { cookie: coordinator });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const names: string[] = [];
    const dates: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n === 1) return;
      names.push(String(row.getCell(1).value));
      const d = row.getCell(5).value;
      dates.push(d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
    });
    expect(names).toEqual([...signed.map((u) => u.display_name), ...walkers]);
    expect(dates.slice(0, 3)).toEqual(['2026-11-25', '2026-11-25', '2026-11-25']);

    const pdf = await t.request('GET', `/api/shifts/${shift.id}/roster.pdf`, { cookie: coordinator });
    const text = (await pdfItems(pdf.rawPayload)).flat().join(' ');
    expect(text).toContain('занято 6 из 6');
    for (const name of [...signed.map((u) => u.display_name), ...walkers]) expect(text).toContain(name);
    expect(text).not.toContain('Ошибочно Добавленный');
  });
});

describe('row numbers of the PDF sheet', () => {
  it('1,200 people: every number from 1 to 1,210 is printed whole, on one line', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      name: `Участник ${i + 1}`,
      role: null,
      contact: null,
      status: 'подтверждён',
    }));
    const bytes = await renderSignInSheet({
      title: 'Городской забег',
      centerName: 'Добро.Центр',
      address: null,
      isOnline: false,
      startsAt: DEC(6),
      endsAt: DEC(6, 6),
      timezone: 'Asia/Novokuznetsk',
      capacity: 1200,
      held: 1200,
      roles: [],
      rows,
      generatedAt: DEC(1),
    });
    const items = new Set((await pdfItems(bytes)).flat());
    for (const n of [1, 9, 10, 99, 100, 999, 1000, 1001, 1111, 1200, 1210]) {
      expect(items.has(String(n)), `row number ${n}`).toBe(true);
    }
  }, 120_000);
});
