/**
 * Changing a recurring series on the manage page, in the browser: the coordinator adds a weekday and
 * moves the start time; the page reports what happened and the shift list follows; the shift a volunteer
 * booked keeps its time (the server's rule). axe on the page; on a 360 px phone nothing scrolls sideways
 * and the save button is in view once the form is open.
 */

import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay, zonedParts } from '../../src/shared/time-zone.js';
import { userActor } from '../support/actors.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import { buildShift, setProfile } from '../support/signups.fixtures.js';
import { ARTIFACTS, expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import { expectInViewport, expectNoSidewaysScroll, PHONE, settle } from './support/phone.js';
import { startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let coordinator: { id: string; email: string };
let opportunityId: string;
let seriesId: string;
let bookedShiftId: string;
let offeredShiftId: string;
let zone: string;

beforeAll(async () => {
  server = await startServer();
  const db = server.runtime.handle.db;
  zone = await server.runtime.services.network.timeZone();
  const center = await db
    .selectFrom('centers')
    .select('id')
    .where('status', '=', 'active')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  coordinator = await buildUser(db, {
    role: 'center_coordinator',
    scopeId: center.id,
    displayName: 'Координатор Серий',
  });
  const asCoordinator = userActor(coordinator, [
    { role: 'center_coordinator', scopeType: 'center', scopeId: center.id },
  ]);
  // An opportunity (with one one-off shift far ahead) and a series: Saturdays 10:00, two hours, four weeks.
  const oneOff = await buildShift(db, {
    centerId: center.id,
    startsAt: new Date(Date.now() + 60 * 86_400_000),
    capacity: 5,
    title: 'Разбор вещей в пункте помощи',
  });
  opportunityId = oneOff.opportunityId;
  const today = localDay(new Date(), zone);
  const { opportunity } = await server.runtime.services.opportunityShifts.createSeries(
    asCoordinator,
    opportunityId,
    {
      frequency: 'weekly',
      weekdays: [6],
      startsOn: addDays(today, 1),
      until: addDays(today, 28),
      startTime: '10:00',
      durationMinutes: 120,
      capacity: 6,
    },
  );
  const series = opportunity.series[0];
  if (!series) throw new Error('no series');
  seriesId = series.id;
  // A volunteer books the first Saturday: that shift must stay as it is.
  const first = opportunity.shifts.find((s) => s.seriesId === seriesId);
  if (!first) throw new Error('no series shift');
  bookedShiftId = first.id;
  const volunteer = await buildUser(db, { role: 'volunteer', displayName: 'Ирина Записана' });
  await setProfile(db, volunteer.id, { birthDate: '1990-05-05' });
  await server.runtime.services.signups.service.signUp(userActor(volunteer), first.id, {});
  // The second Saturday holds only a waitlist offer: nobody is confirmed there, so the shift list does
  // not show it as booked, yet the server keeps it as it is.
  const second = opportunity.shifts.filter((s) => s.seriesId === seriesId)[1];
  if (!second) throw new Error('no second series shift');
  offeredShiftId = second.id;
  const waiting = await buildUser(db, { role: 'volunteer', displayName: 'Олег Ожидает' });
  await db
    .insertInto('signups')
    .values({
      shift_id: second.id,
      user_id: waiting.id,
      status: 'offered',
      offered_until: new Date(Date.now() + 86_400_000),
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const seriesShifts = () =>
  server.runtime.handle.db
    .selectFrom('shifts')
    .select(['id', 'starts_at', 'ends_at', 'occurrence_date'])
    .where('series_id', '=', seriesId)
    .orderBy('starts_at')
    .execute();
const localTime = (at: Date) => zonedParts(at, zone).time.slice(0, 5);
const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

describe('changing a weekly series', () => {
  it('adds Sunday and moves the start to 11:00; booked shifts stay as they were', async () => {
    const before = await seriesShifts();
    const bookedBefore = before.find((s) => s.id === bookedShiftId);
    expect(bookedBefore && localTime(bookedBefore.starts_at)).toBe('10:00');

    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'ru-RU',
      viewport: { width: 1280, height: 1000 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 500) errors.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await signIn(
      page,
      { email: coordinator.email, password: TEST_PASSWORD },
      `/opportunities/${opportunityId}/manage`,
    );
    const section = page.locator('section[aria-labelledby=manage-series]');
    await section
      .getByTestId('series-rule')
      .getByText(/^Каждую неделю: Сб · 10:00, 120 мин/)
      .waitFor();
    const rows = () => page.locator('section[aria-labelledby=manage-shifts] tbody tr').count();
    const rowsBefore = await rows();

    await section.getByRole('button', { name: 'Изменить серию 1' }).click();
    const form = section.getByTestId(`series-${seriesId}-form`);
    await expect
      .poll(() =>
        section
          .getByRole('heading', { name: 'Изменение серии 1' })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await section
      .getByText('Смены, на которые уже записались, и прошедшие смены', { exact: false })
      .waitFor();
    await form.getByLabel('Вс').check();
    await form.getByLabel('Начало').fill('11:00');
    await expectAccessible(page, 'series edit form');
    await form.getByRole('button', { name: 'Сохранить серию' }).click();
    const outcome = section.getByTestId('series-outcome');
    await outcome.getByText('Серия изменена.').waitFor();
    await section
      .getByTestId('series-rule')
      .getByText(/^Каждую неделю: Сб, Вс · 11:00, 120 мин/)
      .waitFor();

    // What the page says is what happened in the database.
    const after = await seriesShifts();
    const now = Date.now();
    const beforeIds = new Set(before.filter((s) => s.starts_at.getTime() > now).map((s) => s.id));
    const afterIds = new Set(after.map((s) => s.id));
    const added = after.filter((s) => !beforeIds.has(s.id)).length;
    const removed = [...beforeIds].filter((id) => !afterIds.has(id)).length;
    const moved = after.filter((s) => {
      const b = before.find((x) => x.id === s.id);
      return b && b.starts_at.getTime() !== s.starts_at.getTime();
    }).length;
    expect(added).toBeGreaterThan(0);
    // The figures are the server's: the shift held by a waitlist offer counts as kept, not as moved.
    await outcome
      .getByText(
        `Новых смен: ${added}, убрано: ${removed}, перенесено на новое время: ${moved}, изменено число мест или роли: 0.`,
      )
      .waitFor();
    await outcome
      .getByText(
        'Оставлено как было, потому что место уже занято (запись, предложение из листа ожидания или пришедший без записи): 2.',
      )
      .waitFor();
    await expect.poll(rows).toBe(rowsBefore + added - removed);

    // Every new shift is on a Sunday at 11:00; the unbooked Saturdays moved to 11:00; the booked one did not.
    for (const s of after.filter((x) => !beforeIds.has(x.id))) {
      expect(isoWeekday(s.occurrence_date ?? '')).toBe(7);
      expect(localTime(s.starts_at)).toBe('11:00');
    }
    const held = [bookedShiftId, offeredShiftId];
    for (const s of after.filter((x) => beforeIds.has(x.id) && !held.includes(x.id)))
      expect(localTime(s.starts_at)).toBe('11:00');
    for (const id of held) {
      const was = before.find((s) => s.id === id);
      expect(after.find((s) => s.id === id)?.starts_at.getTime()).toBe(was?.starts_at.getTime());
    }
    expect(moved).toBe(after.filter((x) => beforeIds.has(x.id) && !held.includes(x.id)).length);

    await expectAccessible(page, 'manage page after a series change');
    await screenshot(page, 'series-01-changed');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a wrong period is a field error, and the form fits a 360 px phone', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'ru-RU', viewport: PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(
      page,
      { email: coordinator.email, password: TEST_PASSWORD },
      `/opportunities/${opportunityId}/manage`,
    );
    const section = page.locator('section[aria-labelledby=manage-series]');
    await section.getByRole('button', { name: 'Изменить серию 1' }).click();
    // Focus goes to the form's heading, so the phone scrolls to the form.
    const heading = section.getByRole('heading', { name: 'Изменение серии 1' });
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await settle(page);
    await expectInViewport(page, heading, 'series form heading after «Изменить серию 1»');
    const form = section.getByTestId(`series-${seriesId}-form`);
    const until = form.getByLabel('По дату');
    const startsOn = await form.getByLabel('С даты').inputValue();
    await until.fill(addDays(startsOn, -1));
    const save = form.getByRole('button', { name: 'Сохранить серию' });
    await save.click();
    await form.getByText('Конец периода раньше начала.').waitFor();
    expect(await until.getAttribute('aria-invalid')).toBe('true');
    // A year and more is refused by the server, at the same field.
    await until.fill(addDays(startsOn, 400));
    await save.click();
    await form.getByText('Повторение может длиться не больше года.').first().waitFor();
    expect(await until.getAttribute('aria-invalid')).toBe('true');
    await save.scrollIntoViewIfNeeded();
    await screenshot(page, 'series-02-phone-error-360');
    // What the phone shows at once: the end of the form with the error and the save button.
    await page.screenshot({ path: path.join(ARTIFACTS, 'series-03-phone-viewport-360.png') });
    await expectNoSidewaysScroll(page, 'manage page, series form');
    await expectInViewport(page, save, 'series save button');
    await expectAccessible(page, 'series form with errors, phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
