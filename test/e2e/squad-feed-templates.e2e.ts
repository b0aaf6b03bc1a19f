/**
 * Coordinator and leader tools in the browser: a squad leader signs the squad up for a shift as a team
 * (opportunity page), takes the private calendar feed link (My shifts) and the feed serves the shift;
 * a coordinator saves a day template and stamps it onto a date (manage page). axe on every page.
 */

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/platform/auth/actor.js';
import { userActor } from '../support/actors.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import { buildShift, setProfile } from '../support/signups.fixtures.js';
import { expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import { startServer } from './support/server.js';

const TITLE = 'Посадка деревьев в парке Победы';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let opportunityId: string;
let shiftId: string;
let leader: { id: string; email: string };
let coordinator: { id: string; email: string };
let memberIds: string[];

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
    displayName: 'Координатор',
  });
  leader = await buildUser(db, { role: 'volunteer', displayName: 'Лидер Ёлкина' });
  const members = [
    await buildUser(db, { role: 'volunteer', displayName: 'Артём Соколов' }),
    await buildUser(db, { role: 'volunteer', displayName: 'Мария Щукина' }),
  ];
  for (const u of [leader, ...members]) await setProfile(db, u.id, { birthDate: '1999-09-09' });
  const coordinatorActor: Actor = userActor(coordinator, [
    { role: 'center_coordinator', scopeType: 'center', scopeId: center.id },
  ]);
  const { squad } = await server.runtime.services.volunteers.squads.create(coordinatorActor, {
    centerId: center.id,
    name: 'Зелёный патруль',
    leaderUserId: leader.id,
  });
  // a named leader leads only after accepting the invitation
  await server.runtime.services.volunteers.squadLeaders.accept(userActor(leader), squad.id);
  const now = new Date();
  await db
    .insertInto('squad_members')
    .values(
      members.map((m) => ({
        squad_id: squad.id,
        user_id: m.id,
        status: 'active' as const,
        joined_via: 'leader' as const,
        requested_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['squad_id', 'user_id']).doNothing())
    .execute();
  memberIds = (
    await db
      .selectFrom('squad_members')
      .select('user_id')
      .where('squad_id', '=', squad.id)
      .where('status', '=', 'active')
      .execute()
  ).map((r) => r.user_id);
  const shift = await buildShift(db, {
    centerId: center.id,
    startsAt: new Date(Date.now() + 10 * 86_400_000),
    capacity: 10,
    title: TITLE,
  });
  shiftId = shift.id;
  opportunityId = shift.opportunityId;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(who: { email: string }, path: string, phone = false) {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'ru-RU',
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, { email: who.email, password: TEST_PASSWORD }, path);
  return { context, page, errors };
}

const teamSignups = () =>
  server.runtime.handle.db
    .selectFrom('signups')
    .select(['user_id', 'status', 'team_signup_id'])
    .where('shift_id', '=', shiftId)
    .execute();

describe('leader and coordinator tools', () => {
  it('a squad leader signs the squad up as a team from the opportunity page, on a phone', async () => {
    expect(memberIds.length).toBeGreaterThanOrEqual(2);
    const { context, page, errors } = await open(leader, `/opportunities/${opportunityId}`, true);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page
      .getByRole('button', { name: /Записать отряд/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Артём Соколов').waitFor();
    await expectAccessible(page, 'team signup dialog');
    await dialog.getByLabel('Сколько поместится').check();
    await dialog.getByRole('button', { name: /^Записать \d+ участник/ }).click();
    await expect
      .poll(() => dialog.getByText(`Записано ${memberIds.length} из ${memberIds.length}.`).count())
      .toBe(1);
    await screenshot(page, 'team-01-result');
    const rows = await teamSignups();
    expect(rows.map((r) => r.user_id).sort()).toEqual([...memberIds].sort());
    expect(rows.every((r) => r.status === 'confirmed' && r.team_signup_id === rows[0]?.team_signup_id)).toBe(
      true,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the private calendar feed link on My shifts serves the confirmed shift', async () => {
    const { context, page, errors } = await open(leader, '/my/shifts');
    const section = page.getByTestId('calendar-feed');
    await section.getByRole('button', { name: 'Получить ссылку' }).click();
    const url = (await section.getByTestId('calendar-feed-url').textContent()) ?? '';
    expect(url).toMatch(/\/api\/calendar\/[\w-]+/);
    await expectAccessible(page, '/my/shifts with the feed link');
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect(await feed.text()).toContain(TITLE);
    // a new link turns the old one off
    await section.getByRole('button', { name: /Сделать новую ссылку/ }).click();
    await expect
      .poll(async () => (await section.getByTestId('calendar-feed-url').textContent()) !== url)
      .toBe(true);
    expect((await page.request.get(url)).status()).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a coordinator saves a day template and stamps it onto a date', async () => {
    const { context, page, errors } = await open(coordinator, `/opportunities/${opportunityId}/manage`);
    const section = page.locator('section[aria-labelledby=manage-templates]');
    await section.waitFor();
    const shiftRows = () => page.locator('section[aria-labelledby=manage-shifts] tbody tr').count();
    const before = await shiftRows();
    await section.getByLabel('Название шаблона').fill('Субботник: две смены');
    const times = section.locator('input[type=time]');
    await times.nth(0).fill('09:00');
    await times.nth(1).fill('12:00');
    await section.getByRole('button', { name: 'Добавить время' }).click();
    await times.nth(2).fill('12:00');
    await times.nth(3).fill('15:00');
    await section.getByRole('button', { name: 'Сохранить шаблон' }).click();
    await expect.poll(() => section.getByLabel(/^Шаблон/).inputValue()).toContain('Субботник');
    const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await section.getByLabel('На дату').fill(day);
    await section.getByRole('button', { name: 'Создать смены по шаблону' }).click();
    await expect.poll(shiftRows).toBe(before + 2);
    await expectAccessible(page, 'manage page with templates');
    await screenshot(page, 'templates-01-stamped');
    expect(errors).toEqual([]);
    await context.close();
  });
});
