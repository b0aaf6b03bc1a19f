/**
 * Check-in journeys in the browser. Chromium runs with a fake camera that plays a QR code from a Y4M file
 * (support/fake-camera.ts; fake-camera.e2e.ts proves a page's getUserMedia + jsQR sees exactly that code).
 * Journey A: a volunteer on a phone finds an opportunity near them, signs up for today's shift, gets the
 * confirmation mail, scans the QR code the coordinator shows at the venue (/check-in), checks out and sees
 * the hours on /my/shifts. Journey B: a coordinator creates an opportunity with a weekly series, finds it
 * in the centre's week and runs the check-in desk of a shift happening now. The browsers' clocks are in
 * Moscow: times must still be shown in the region's (Kemerovo's). Every page is checked with axe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import { buildShift, setProfile } from '../support/signups.fixtures.js';
import { expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import {
  DESK_TITLE,
  deskCounts,
  deskScene,
  hhmm,
  openMoscowPage,
  readDrawnQr,
  regionTime,
  signupRow,
} from './support/checkin.js';
import { writeQrY4m } from './support/fake-camera.js';
import { startServer } from './support/server.js';

const MINUTE = 60_000;
/** Where the volunteer stands in Kemerovo — and where the opportunity takes place. */
const HERE = { latitude: 55.3436, longitude: 86.1471 };
/** The volunteer's home point in the profile (also Kemerovo). */
const HOME = { lat: 55.355, lon: 86.087 };
const PHONE = { width: 390, height: 844 };
const OPPORTUNITY = 'Уборка сквера у Драмтеатра';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let cameraDir: string;
/** The Y4M file Chromium plays as the webcam; rewrite it (writeQrY4m) before a page starts the camera. */
let cameraFile: string;
let centerId: string;
let shiftId: string;
let volunteer: { id: string; email: string; display_name: string };
let coordinator: { email: string };

beforeAll(async () => {
  server = await startServer();
  const db = server.runtime.handle.db;
  const kemerovo = await db
    .selectFrom('municipalities')
    .select('id')
    .where('name_ru', '=', 'Кемеровский городской округ')
    .executeTakeFirstOrThrow();
  centerId = (
    await db
      .selectFrom('centers')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('name')
      .executeTakeFirstOrThrow()
  ).id;

  // Today's shift, starting within the hour: inside the check-in window for the second half.
  const shift = await buildShift(db, {
    centerId,
    startsAt: new Date(Date.now() + 40 * MINUTE),
    hours: 2,
    capacity: 5,
    title: OPPORTUNITY,
  });
  shiftId = shift.id;
  await db
    .updateTable('opportunities')
    .set({
      municipality_id: kemerovo.id,
      address: 'Кемерово, сквер у Драмтеатра',
      lat: HERE.latitude,
      lon: HERE.longitude,
    } as never)
    .where('id', '=', shift.opportunityId)
    .execute();

  volunteer = await buildUser(db, { role: 'volunteer', displayName: 'Светлана Ёжикова' });
  await setProfile(db, volunteer.id, { birthDate: '1999-04-12' });
  await db
    .updateTable('volunteer_profiles')
    .set({ home_lat: HOME.lat, home_lon: HOME.lon })
    .where('user_id', '=', volunteer.id)
    .execute();
  coordinator = await buildUser(db, {
    role: 'center_coordinator',
    scopeId: centerId,
    displayName: 'Координатор Игорь',
  });

  cameraDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-e2e-camera-'));
  cameraFile = writeQrY4m('dobroset: camera warm-up', path.join(cameraDir, 'camera.y4m'));
  browser = await launchBrowser({ fakeCamera: cameraFile });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (cameraDir) fs.rmSync(cameraDir, { recursive: true, force: true });
});

/**
 * The coordinator (own browser) opens /shifts/:id/qr and the URL its QR code shows is returned: taken
 * from the code the page loads, and checked against what jsQR reads from the drawn SVG.
 */
async function showQrCode(shift: string): Promise<string> {
  const { context, page, errors } = await openMoscowPage(browser, server.baseUrl);
  await signIn(page, { email: coordinator.email, password: TEST_PASSWORD }, '/');
  const loaded = page.waitForResponse(
    (r) => new URL(r.url()).pathname === `/api/shifts/${shift}/checkin-code` && r.ok(),
  );
  await page.goto(`/shifts/${shift}/qr`);
  const { url, code } = (await (await loaded).json()) as { url: string; code: string };
  expect(url.startsWith(`${server.baseUrl}/check-in?t=`)).toBe(true);
  expect(new URL(url).searchParams.get('t')).toMatch(/^[\w-]+\.[0-9a-z]+\.[\w-]+$/);
  await page.getByRole('heading', { level: 1, name: 'QR-код для отметки' }).waitFor();
  expect(await page.getByTestId('checkin-short-code').textContent()).toBe(code);
  const label = `QR-код для отметки на смене «${OPPORTUNITY}»`;
  expect(await page.getByRole('img', { name: label }).count()).toBe(1);
  expect(await readDrawnQr(page)).toBe(url);
  await expectAccessible(page, '/shifts/:id/qr (coordinator)');
  await screenshot(page, 'checkin-a-qr-sheet');
  expect(errors).toEqual([]);
  await context.close();
  return url;
}

describe('journey A: a volunteer near Kemerovo', () => {
  it('finds an opportunity near them on a phone, signs up, gets the mail, checks in by QR and out', async () => {
    const { context, page, errors } = await openMoscowPage(browser, server.baseUrl, PHONE);
    await context.grantPermissions(['geolocation', 'camera']);
    await context.setGeolocation(HERE);

    await signIn(page, { email: volunteer.email, password: TEST_PASSWORD }, '/opportunities');
    await page.getByRole('heading', { level: 1, name: 'Возможности для волонтёров' }).waitFor();
    // The profile's home point offers its own "near home" search.
    await page.getByRole('button', { name: 'Рядом с домом (из профиля)' }).waitFor();
    await expectAccessible(page, '/opportunities (volunteer, phone)');

    await page.getByRole('button', { name: 'Рядом со мной' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'distance');
    expect(new URL(page.url()).searchParams.get('lat')).toBe(HERE.latitude.toFixed(4));
    const results = page.locator('section[aria-labelledby=opportunity-results-title]');
    const first = results.getByRole('listitem').first();
    // Sorted by distance once the search with the point has come back: the opportunity is right here.
    await expect.poll(() => first.textContent()).toMatch(/Кемеровский городской округ · 0 км от вас$/);
    expect(await first.getByRole('heading', { level: 3 }).textContent()).toBe(OPPORTUNITY);
    expect(await results.getByRole('listitem').nth(1).textContent()).toMatch(/\d км от вас$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await expectAccessible(page, '/opportunities near me (phone)');
    await screenshot(page, 'checkin-a-01-near-me');

    await first.getByRole('link', { name: OPPORTUNITY }).click();
    await page.getByRole('heading', { level: 1, name: OPPORTUNITY }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Кемерово, сквер у Драмтеатра');
    const signUp = page.getByTestId('shift-signup-button');
    await expect.poll(() => signUp.count()).toBe(1);
    await expectAccessible(page, '/opportunities/:id (phone)');
    await signUp.click();
    await expect
      .poll(() =>
        page.locator('section[aria-labelledby=opportunity-shifts]').getByRole('status').first().textContent(),
      )
      .toMatch(/Вы записаны/);
    await expect.poll(() => page.getByTestId('shift-signup-status').textContent()).toMatch(/Подтверждено/);
    await expectAccessible(page, '/opportunities/:id signed up (phone)');
    await screenshot(page, 'checkin-a-02-signed-up');

    const mail = await server.lastMailTo(volunteer.email);
    expect(mail.template).toBe('signup_confirmed');
    expect(mail.subject).toBe(`Смена «${OPPORTUNITY}» — Добросеть`);
    expect(mail.text_body).toContain('Здравствуйте, Светлана Ёжикова!');
    expect(mail.text_body).toContain(`Вы записаны на смену «${OPPORTUNITY}»`);
    expect(mail.text_body).toContain(`${server.baseUrl}/my/shifts`);

    const signup = await signupRow(server.runtime.handle.db, shiftId, volunteer.id);
    expect(signup).toMatchObject({ status: 'confirmed', checked_in_at: null });

    // At the venue the coordinator shows the shift's QR code; the phone's camera sees it.
    const url = await showQrCode(shiftId);
    writeQrY4m(url, cameraFile);

    // The shift is about to start: "My shifts" offers to check in, which opens the scanner.
    await page.goto('/my/shifts');
    const card = page.getByTestId('signup-card').filter({ hasText: OPPORTUNITY });
    await card.getByRole('link', { name: 'Отметиться' }).click();
    await page.waitForURL((u) => u.pathname === '/check-in');
    await page.getByRole('heading', { level: 1, name: 'Отметиться на смене' }).waitFor();
    const outcome = page.getByTestId('checkin-outcome');
    await expect.poll(() => outcome.textContent(), { timeout: 20_000 }).toMatch(/Приход отмечен в \d\d:\d\d/);
    expect(new URL(page.url()).searchParams.get('t')).toBe(new URL(url).searchParams.get('t'));
    const checkedIn = await signupRow(server.runtime.handle.db, shiftId, volunteer.id);
    expect(checkedIn).toMatchObject({ status: 'attended', check_in_method: 'qr', checked_out_at: null });
    // Shown in Kemerovo time although this phone's clock is set to Moscow (four hours behind).
    const at = checkedIn.checked_in_at as Date;
    expect(await outcome.textContent()).toContain(`Приход отмечен в ${regionTime(at)}`);
    expect(regionTime(at)).not.toBe(hhmm(at, 'Europe/Moscow'));
    expect(await outcome.textContent()).toContain(OPPORTUNITY);
    await expectAccessible(page, '/check-in checked in (phone)');
    await screenshot(page, 'checkin-a-03-checked-in');

    // Three minutes at the venue go by (the server's clock is the real one, so the record is moved back).
    await server.runtime.handle.db
      .updateTable('signups')
      .set({ checked_in_at: new Date(at.getTime() - 3 * MINUTE) })
      .where('shift_id', '=', shiftId)
      .where('user_id', '=', volunteer.id)
      .execute();
    // Scanning again so soon is taken as a repeat: the page offers to check out now.
    await page.getByRole('link', { name: 'Отсканировать другой код' }).click();
    const checkOut = page.getByRole('button', { name: 'Отметить уход сейчас' });
    await checkOut.waitFor({ timeout: 20_000 });
    expect(await outcome.textContent()).toContain('Вы уже отмечены на смене с');
    expect(await outcome.textContent()).toContain(`${regionTime(new Date(at.getTime() - 3 * MINUTE))}.`);
    await expectAccessible(page, '/check-in already checked in (phone)');
    await checkOut.click();
    await expect.poll(() => outcome.textContent()).toMatch(/Уход отмечен в \d\d:\d\d/);

    const row = await signupRow(server.runtime.handle.db, shiftId, volunteer.id);
    expect(row.status).toBe('attended');
    expect(row.check_in_method).toBe('qr');
    expect(row.checked_in_at).toBeInstanceOf(Date);
    expect(row.checked_out_at).toBeInstanceOf(Date);
    const out = row.checked_out_at as Date;
    const hours =
      Math.round(((out.getTime() - (row.checked_in_at as Date).getTime()) / 3_600_000) * 100) / 100;
    expect(hours).toBeGreaterThan(0);
    const hoursText = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }).format(hours);
    expect(await outcome.textContent()).toContain(`Уход отмечен в ${regionTime(out)}`);
    expect(await outcome.textContent()).toContain(`Часов на смене: ${hoursText}`);
    await expectAccessible(page, '/check-in checked out (phone)');
    await screenshot(page, 'checkin-a-04-checked-out');

    await page.goto('/my/shifts');
    await expect
      .poll(() => page.getByTestId('total-hours').textContent())
      .toBe(`Часов добровольчества: ${hoursText}`);
    await expect.poll(() => card.getAttribute('data-status')).toBe('attended');
    expect(await card.getByRole('link', { name: 'Отметиться' }).count()).toBe(0);
    await expectAccessible(page, '/my/shifts after the shift (phone)');

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});

describe('journey B: a coordinator and a weekly opportunity', () => {
  it('creates a weekly opportunity, finds it in the centre’s week and runs the check-in desk', async () => {
    const { context, page, errors } = await openMoscowPage(browser, server.baseUrl);
    await signIn(
      page,
      { email: coordinator.email, password: TEST_PASSWORD },
      `/centers/${centerId}/opportunities`,
    );
    await page.getByRole('heading', { level: 1, name: 'Возможности центра' }).waitFor();
    await expectAccessible(page, '/centers/:id/opportunities (coordinator)');

    const title = 'Чтения для ветеранов в библиотеке';
    await page.getByLabel('Название').fill(title);
    await page.getByRole('button', { name: 'Создать черновик' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/manage'));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Статус: Черновик/ }).waitFor();
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.getByRole('heading', { level: 2, name: /Статус: Опубликована/ }).waitFor();

    // Wednesdays and Saturdays (checked by default) from the day after tomorrow for four weeks.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const from = day(2);
    const until = day(29);
    let expected = 0;
    for (let d = 2; d <= 29; d++) {
      const weekday = new Date(`${day(d)}T00:00:00Z`).getUTCDay();
      if (weekday === 3 || weekday === 6) expected++;
    }
    const series = page.locator('section[aria-labelledby=manage-series]');
    await series.getByRole('checkbox', { name: 'Ср' }).check();
    expect(await series.getByRole('checkbox', { name: 'Сб' }).isChecked()).toBe(true);
    await series.getByLabel('С даты').fill(from);
    await series.getByLabel('По дату').fill(until);
    await series.getByLabel('Начало').fill('11:00');
    await series.getByRole('button', { name: 'Создать смены' }).click();

    const rows = page.locator('section[aria-labelledby=manage-shifts] tbody tr');
    await expect.poll(() => rows.count()).toBe(expected);
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('повторяющаяся');
      expect(text).toContain('Записано 0 из 10');
    }
    await expectAccessible(page, '/opportunities/:id/manage with a series (coordinator)');
    await screenshot(page, 'checkin-b-01-series');

    // Today: a shift of the centre that began ten minutes ago, with two volunteers on it.
    const desk = await deskScene(server.runtime.handle.db, centerId);

    // The centre's week: this week already has the first shifts of the series; the next one has more.
    await page.goto(`/centers/${centerId}/schedule`);
    await page.getByRole('heading', { level: 1, name: 'Расписание центра' }).waitFor();
    const seriesCards = page.getByTestId('schedule-shift').filter({ hasText: title });
    await page.getByRole('button', { name: 'Следующая неделя →' }).click();
    await page.waitForURL((url) => url.searchParams.has('from'));
    const weekFrom = new URL(page.url()).searchParams.get('from') as string;
    const inWeek = [...Array(7).keys()]
      .map((i) => new Date(Date.parse(`${weekFrom}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10))
      .filter((d) => d >= from && d <= until && [3, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    expect(inWeek.length).toBeGreaterThan(0);
    await expect.poll(() => seriesCards.count()).toBe(inWeek.length);
    // 11:00 in Kemerovo, although this browser's clock is in Moscow.
    for (const text of await seriesCards.allTextContents()) expect(text).toMatch(/^11:00–/);
    await expectAccessible(page, '/centers/:id/schedule next week (coordinator)');
    await screenshot(page, 'checkin-b-02-schedule');

    // Back to this week, to today's shift and its desk.
    await page.getByRole('button', { name: 'Эта неделя' }).click();
    await page.waitForURL((url) => !url.searchParams.has('from'));
    const deskCard = page.getByTestId('schedule-shift').filter({ hasText: DESK_TITLE });
    await expect.poll(() => deskCard.count()).toBe(1);
    expect(await deskCard.textContent()).toContain(`${regionTime(desk.startsAt)}–`);
    await expectAccessible(page, '/centers/:id/schedule this week (coordinator)');
    await deskCard.getByRole('link', { name: 'Отметка на месте' }).click();
    await page.waitForURL((url) => url.pathname === `/shifts/${desk.shiftId}/desk`);
    await page.getByRole('heading', { level: 1, name: 'Стойка регистрации' }).waitFor();
    const counts = () => deskCounts(page);
    await expect.poll(counts).toEqual({ expected: 2, arrived: 0, noShow: 0, free: 2 });
    expect(await page.getByTestId('desk-entry').count()).toBe(2);
    await expectAccessible(page, '/shifts/:id/desk (coordinator)');

    // «Алёна Королёва» found with «е» typed for «ё».
    await page.getByLabel('Поиск по имени').fill('алена королева');
    await expect
      .poll(() => page.getByTestId('desk-entry').allTextContents())
      .toEqual([expect.stringContaining('Алёна Королёва')]);
    await page.getByRole('button', { name: 'Отметить приход: Алёна Королёва' }).click();
    await expect
      .poll(() => page.getByTestId('desk-announce').textContent())
      .toBe('Алёна Королёва: приход отмечен.');
    await expect.poll(counts).toEqual({ expected: 2, arrived: 1, noShow: 0, free: 2 });
    const arrived = page.getByTestId('desk-entry').filter({ hasText: 'Алёна Королёва' });
    expect(await arrived.getAttribute('data-status')).toBe('attended');
    expect(await arrived.textContent()).toContain('на стойке');

    // The search also narrows the walk-ins; cleared, everyone is listed again.
    await page.getByLabel('Поиск по имени').fill('');
    await expect.poll(() => page.getByTestId('desk-entry').count()).toBe(2);

    // A walk-up without an account takes a free place and is checked in at once.
    await page.getByText('Без учётной записи', { exact: true }).click();
    await page.getByLabel('Фамилия и имя').fill('Пётр Ёлкин');
    await page.getByLabel('Контакт').fill('+7 913 555-12-34');
    await page.getByRole('button', { name: 'Добавить и отметить' }).click();
    await expect
      .poll(() => page.getByTestId('desk-announce').textContent())
      .toBe('Пётр Ёлкин: добавлен и отмечен.');
    await expect
      .poll(() => page.getByTestId('walk-in').allTextContents())
      .toEqual([expect.stringContaining('Пётр Ёлкин+7 913 555-12-34')]);
    await expect.poll(counts).toEqual({ expected: 3, arrived: 2, noShow: 0, free: 1 });

    // Someone else with an account is invited by e-mail: they accept in the app; nobody is added now.
    await page.getByText('Приглашение на почту', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Почта', exact: true }).fill('guest-at-desk@example.ru');
    await page.getByRole('button', { name: 'Отправить приглашение' }).click();
    await expect
      .poll(() => page.getByTestId('desk-announce').textContent())
      .toContain('Приглашение отправлено на guest-at-desk@example.ru');
    await expect
      .poll(() => page.getByTestId('desk-invitations').textContent())
      .toContain('guest-at-desk@example.ru');
    await expect.poll(counts).toEqual({ expected: 3, arrived: 2, noShow: 0, free: 1 });

    // The other volunteer has not come.
    await page.getByRole('button', { name: 'Не пришёл: Михаил Соколов' }).click();
    await expect
      .poll(() => page.getByTestId('desk-announce').textContent())
      .toBe('Михаил Соколов: отмечен как не пришедший.');
    await expect.poll(counts).toEqual({ expected: 3, arrived: 2, noShow: 1, free: 2 });
    await expectAccessible(page, '/shifts/:id/desk after check-ins (coordinator)');
    await screenshot(page, 'checkin-b-03-desk');

    const db = server.runtime.handle.db;
    const me = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', coordinator.email)
      .executeTakeFirstOrThrow();
    const alena = await signupRow(db, desk.shiftId, desk.alena.id);
    expect(alena).toMatchObject({
      status: 'attended',
      check_in_method: 'desk',
      checked_in_by: me.id,
      checked_out_at: null,
    });
    expect(alena.checked_in_at).toBeInstanceOf(Date);
    expect((await signupRow(db, desk.shiftId, desk.mikhail.id)).status).toBe('no_show');
    const walkIns = await db
      .selectFrom('shift_walk_ins')
      .selectAll()
      .where('shift_id', '=', desk.shiftId)
      .execute();
    expect(walkIns).toHaveLength(1);
    expect(walkIns[0]).toMatchObject({
      full_name: 'Пётр Ёлкин',
      contact: '+7 913 555-12-34',
      added_by: me.id,
      checked_out_at: null,
      removed_at: null,
    });

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
