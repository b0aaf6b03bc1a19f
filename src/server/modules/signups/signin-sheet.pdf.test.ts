import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift } from '../../../../test/support/signups.fixtures.js';
import { renderSignInSheet } from './signin-sheet.pdf.js';

let t: TestPlatform;
let centerId: string;
let coordinator: string;
let otherCoordinator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
// Test clock: 2026-11-24T10:00Z; the region is Novokuznetsk (UTC+7): 02:00Z is 09:00 local.
const DEC = (day: number, hourUtc = 2) => new Date(Date.UTC(2026, 11, day, hourUtc));

/** The text of each page, as a PDF reader would copy it out. */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages;
}

/** Puts people straight on the shift (the sheet reads the roster; how they got there does not matter). */
async function enrol(shiftId: string, names: string[], roleId: string | null = null) {
  const users = [];
  for (const displayName of names) {
    const user = await buildUser(t.db, { role: 'volunteer', displayName });
    await t.db
      .insertInto('signups')
      .values({
        shift_id: shiftId,
        role_id: roleId,
        user_id: user.id,
        status: 'confirmed',
        cancelled_by: null,
        reason: null,
        team_signup_id: null,
        created_by: null,
        created_at: t.clock.now(),
        updated_at: t.clock.now(),
      })
      .execute();
    users.push(user);
  }
  return users;
}

beforeAll(async () => {
  t = await createTestPlatform();
  const center = await buildCenter(t.db);
  centerId = center.id;
  coordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId, displayName: 'Координатор' }))
      .email,
  );
  const other = await buildCenter(t.db);
  otherCoordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: other.id })).email,
  );
});
afterAll(async () => {
  await t.close();
});

describe('PDF sign-in sheet', () => {
  it('prints the title, place, local time, roles and Cyrillic names; others are refused', async () => {
    const shift = await buildShift(t.db, {
      centerId,
      startsAt: DEC(5),
      capacity: 4,
      title: 'Раздача продуктовых наборов',
      roles: [
        { name: 'Повар', capacity: 2 },
        { name: 'Водитель', capacity: 1 },
      ],
    });
    await t.db
      .updateTable('opportunities')
      .set({ address: 'ул. Кирова, 12' })
      .where('id', '=', shift.opportunityId)
      .execute();
    const [cook] = await enrol(shift.id, ['Ёлкина Анна Сергеевна'], shift.roles[0]?.id);
    await enrol(shift.id, ['Щукин Пётр']);

    const response = await t.request('GET', `/api/shifts/${shift.id}/roster.pdf`, { cookie: coordinator });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="roster-2026-12-05-.*\.pdf"/,
    );
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(response.rawPayload);
    expect(pages).toHaveLength(1);
    const text = pages[0] as string;
    for (const expected of [
      'Раздача продуктовых наборов',
      'ул. Кирова, 12',
      'Ёлкина Анна Сергеевна',
      'Щукин Пётр',
      cook?.email as string,
      'Повар — 1 из 2',
      'Водитель — 0 из 1',
      '09:00–12:00',
      'декабря 2026',
      'Время прихода',
      'Подпись',
      'стр. 1 из 1',
    ]) {
      expect(text).toContain(expected);
    }

    const volunteer = await login(cook?.email as string);
    for (const cookie of [volunteer, otherCoordinator]) {
      const refused = await t.request('GET', `/api/shifts/${shift.id}/roster.pdf`, { cookie });
      expect(refused.statusCode).toBe(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await t.request('GET', `/api/shifts/${shift.id}/roster.pdf`)).statusCode).toBe(401);
  });

  it('says "онлайн" for an online opportunity', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(6), title: 'Онлайн-урок' });
    await t.db
      .updateTable('opportunities')
      .set({ is_online: true })
      .where('id', '=', shift.opportunityId)
      .execute();
    const response = await t.request('GET', `/api/shifts/${shift.id}/roster.pdf`, { cookie: coordinator });
    expect((await pdfPages(response.rawPayload))[0]).toContain('Место: онлайн');
  });

  it('spreads 60 people and the walk-up rows over three pages, the header on each', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(7), capacity: 60, title: 'Забег' });
    const names = Array.from({ length: 60 }, (_, i) => `Участник Номер${String(i + 1).padStart(2, '0')}`);
    await enrol(shift.id, names);
    const response = await t.request('GET', `/api/shifts/${shift.id}/roster.pdf`, { cookie: coordinator });
    const pages = await pdfPages(response.rawPayload);
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`стр. ${i + 1} из 3`);
      expect(page).toContain('Подпись');
    });
    const all = pages.join(' ');
    for (const name of names) expect(all).toContain(name);
    // Walk-up rows are numbered on after the roster: at least ten of them.
    expect(pages[2]).toMatch(/\b70\b/);
  });

  it('a sheet of 1,200 people is built while other requests keep being answered', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      name: `Участник Номер${i + 1}`,
      role: 'Регистрация',
      contact: `user${i + 1}@example.ru`,
      status: 'подтверждён',
    }));
    const sheet = {
      title: 'Городской забег',
      centerName: 'Добро.Центр',
      address: 'пр. Ленина, 1',
      isOnline: false,
      startsAt: DEC(8),
      endsAt: DEC(8, 6),
      timezone: 'Asia/Novokuznetsk',
      capacity: 1200,
      held: 1200,
      roles: [],
      rows,
      generatedAt: DEC(1),
    };
    let building = true;
    let answered = 0;
    const others = (async () => {
      while (building) {
        if ((await t.request('GET', '/api/health')).statusCode === 200) answered += 1;
        await new Promise((resolve) => setTimeout(resolve, 5)); // the next client comes a moment later
      }
    })();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const pdf = await renderSignInSheet(sheet);
    const took = performance.now() - started;
    delay.disable();
    building = false;
    await others;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Other requests were answered all along, and the loop never stood still for long: the longest
    // stall is a small part of the whole build (a synchronous build stalls it for all of it).
    expect(answered).toBeGreaterThan(10);
    expect(delay.max / 1e6).toBeLessThan(took / 4);
  }, 180_000);
});
