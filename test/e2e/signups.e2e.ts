/** A volunteer cancels a shift with a reason on "My shifts"; the coordinator assigns them back and messages the shift. */

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/platform/auth/actor.js';
import { userActor } from '../support/actors.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import { buildShift, setProfile } from '../support/signups.fixtures.js';
import { expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import { startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let shiftId: string;
let volunteer: { id: string; email: string };
let coordinator: { email: string };

beforeAll(async () => {
  server = await startServer();
  const db = server.runtime.handle.db;
  const center = await db
    .selectFrom('centers')
    .select('id')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  coordinator = await buildUser(db, {
    role: 'center_coordinator',
    scopeId: center.id,
    displayName: 'Координатор Анна',
  });
  volunteer = await buildUser(db, { role: 'volunteer', displayName: 'Доброволец Пётр' });
  await setProfile(db, volunteer.id, { birthDate: '1998-03-03' });
  const shift = await buildShift(db, {
    centerId: center.id,
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    capacity: 2,
    title: 'Раздача продуктовых наборов',
  });
  shiftId = shift.id;
  const actor: Actor = userActor(volunteer);
  await server.runtime.services.signups.service.signUp(actor, shiftId, {});
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('signups', () => {
  it('my shifts: cancel with a reason; roster: assign, message, export — accessible, on a phone too', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'ru-RU',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signIn(page, { email: volunteer.email, password: TEST_PASSWORD }, '/my/shifts');
    const upcoming = page.getByTestId('signups-upcoming');
    await expect.poll(() => upcoming.getByTestId('signup-card').count()).toBe(1);
    expect(await upcoming.getByTestId('signup-status').textContent()).toBe('Подтверждено');
    await expectAccessible(page, '/my/shifts');
    await screenshot(page, 'signups-00-my-shifts');

    await upcoming.getByRole('button', { name: 'Отменить запись' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Отменить запись' }).click();
    await expect.poll(() => dialog.getByText('Заполните это поле.').count()).toBe(1);
    await expectAccessible(page, 'cancel dialog');
    await dialog.getByLabel('Причина').fill('Уезжаю в командировку');
    await dialog.getByRole('button', { name: 'Отменить запись' }).click();
    const past = page.getByTestId('signups-past');
    await expect.poll(() => past.getByTestId('signup-card').getAttribute('data-status')).toBe('cancelled');
    expect(await past.textContent()).toContain('Уезжаю в командировку');

    const coord = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'ru-RU',
      viewport: { width: 1280, height: 900 },
    });
    const cpage = await coord.newPage();
    cpage.on('pageerror', (e) => errors.push(e.message));
    await signIn(cpage, { email: coordinator.email, password: TEST_PASSWORD }, `/shifts/${shiftId}/roster`);
    const table = cpage.getByTestId('roster-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').first().getAttribute('data-status')).toBe('cancelled');
    // The volunteer signed up here before (their own act): found by name and placed directly.
    await cpage.getByLabel('Имя или почта').fill('Пётр');
    await cpage.getByRole('button', { name: 'Записать: Доброволец Пётр' }).click();
    await expect.poll(() => table.locator('tbody tr[data-status=confirmed]').count()).toBe(1);
    // Anyone else is invited by e-mail: nobody is added until they accept.
    const rowsBefore = await table.locator('tbody tr').count();
    await cpage.getByRole('textbox', { name: 'Почта', exact: true }).fill('friend@example.ru');
    await cpage.getByRole('button', { name: 'Отправить приглашение' }).click();
    await expect.poll(() => cpage.getByText('Приглашение отправлено на friend@example.ru.').count()).toBe(1);
    await expect
      .poll(() => cpage.getByTestId('roster-invitations').textContent())
      .toContain('friend@example.ru');
    expect(await table.locator('tbody tr').count()).toBe(rowsBefore);
    await cpage.getByRole('textbox', { name: 'Сообщение' }).fill('Сбор в 9:30 у входа');
    await cpage.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(() => cpage.getByText('Отправлено 1 человеку.').count()).toBe(1);
    expect(await cpage.getByTestId('roster-summary').textContent()).toContain('1 из 2');
    await expectAccessible(cpage, '/shifts/:id/roster');
    await screenshot(cpage, 'signups-01-roster');
    const csv = await cpage.request.get(`/api/shifts/${shiftId}/roster.csv`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).includes(volunteer.email)).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
    await coord.close();
  }, 120_000);
});
