/**
 * Invitations that reach people, and the ways into a squad, in the browser:
 * - an invitation to lead a squad arrives as a notice (and a mail) that links to the squad's page, where
 *   the invitee accepts; the coordinator then finds «… теперь руководит отрядом …» among their notices;
 * - an invitation to represent an organization arrives as a notice linking to «Организации»;
 * - «Мои отряды» is in the header on a 360 px phone;
 * - a logged-out visitor follows a squad from the public centre page (which says how to join), signs in
 *   and lands back on the squad; a shared link `/my/squads?code=…` keeps its code through the login;
 * - a member removed by the coordinator cannot use the code again and asks to join instead.
 * axe on every page; phone pages without sideways scroll and with the main action in view.
 */

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/platform/auth/actor.js';
import { userActor } from '../support/actors.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import { expectInViewport, expectNoSidewaysScroll, PHONE } from './support/phone.js';
import { startServer } from './support/server.js';

const SQUAD = 'Отряд «Северный ветер»';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let center: { id: string; name: string };
let squad: { id: string; inviteCode: string };
let coordinator: { id: string; email: string };
let coordinatorActor: Actor;

beforeAll(async () => {
  server = await startServer();
  const db = server.runtime.handle.db;
  center = await db
    .selectFrom('centers')
    .select(['id', 'name'])
    .where('status', '=', 'active')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  coordinator = await buildUser(db, {
    role: 'center_coordinator',
    scopeId: center.id,
    displayName: 'Координатор Ветрова',
  });
  coordinatorActor = userActor(coordinator, [
    { role: 'center_coordinator', scopeType: 'center', scopeId: center.id },
  ]);
  const created = await server.runtime.services.volunteers.squads.create(coordinatorActor, {
    centerId: center.id,
    name: SQUAD,
    focus: 'Экологические акции',
  });
  squad = { id: created.squad.id, inviteCode: created.squad.inviteCode as string };
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Viewport = { width: number; height: number };
async function newPage(viewport: Viewport = PHONE) {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'ru-RU', viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return { context, page, errors };
}
async function signedIn(who: { email: string }, path: string, viewport: Viewport = PHONE) {
  const opened = await newPage(viewport);
  await signIn(opened.page, { email: who.email, password: TEST_PASSWORD }, path);
  return opened;
}
const membership = async (userId: string) =>
  (
    await server.runtime.handle.db
      .selectFrom('squad_members')
      .select('status')
      .where('squad_id', '=', squad.id)
      .where('user_id', '=', userId)
      .executeTakeFirst()
  )?.status;

/** Opens «Уведомления» from the header and returns the list item holding `text`. */
async function noticeWith(page: Page, text: string) {
  await page.getByTestId('notifications-link').click();
  await page.waitForURL((url) => url.pathname === '/notifications');
  const item = page.getByTestId('notifications-list').getByRole('listitem').filter({ hasText: text });
  await item.waitFor();
  return item;
}

describe('an invitation to lead a squad', () => {
  it('arrives as a notice and a mail; the notice leads to the squad, where the member accepts', async () => {
    const member = await buildUser(server.runtime.handle.db, {
      role: 'volunteer',
      displayName: 'Роман Ветров',
    });
    const volunteerActor: Actor = userActor(member);
    await server.runtime.services.volunteers.squads.joinByCode(volunteerActor, squad.inviteCode);
    await server.runtime.services.volunteers.squadLeaders.invite(coordinatorActor, squad.id, member.id);
    const mail = await server.lastMailTo(member.email);
    expect(mail.subject).toBe(`Приглашение руководить отрядом «${SQUAD}» — Добросеть`);
    expect(mail.text_body).toContain(`${server.baseUrl}/squads/${squad.id}`);

    const { context, page, errors } = await signedIn(member, '/my/shifts');
    // «Мои отряды» is in the header, on a phone too
    const header = page.getByRole('navigation', { name: 'Основная навигация' });
    const mySquads = header.getByRole('link', { name: 'Мои отряды' });
    await expectNoSidewaysScroll(page, 'header at 360 px');
    await expectInViewport(page, mySquads, 'header «Мои отряды»');
    await screenshot(page, 'notices-00-header-360');

    const text = `Координатор центра «${center.name}» приглашает вас руководить отрядом «${SQUAD}».`;
    const notice = await noticeWith(page, text);
    await expectNoSidewaysScroll(page, '/notifications');
    await expectAccessible(page, '/notifications with an invitation to lead');
    await screenshot(page, 'notices-01-invitation-360');
    await notice.getByRole('link', { name: 'Открыть' }).click();
    await page.waitForURL((url) => url.pathname === `/squads/${squad.id}`);
    const accept = page.getByTestId('leader-invitation').getByRole('button', { name: 'Принять' });
    await expectInViewport(page, accept, '/squads/:id accept');
    await accept.click();
    await page
      .getByTestId('leader-invitation-answered')
      .getByText(`Теперь вы руководитель отряда «${SQUAD}».`)
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();

    const coord = await signedIn(coordinator, '/account', { width: 1280, height: 900 });
    const accepted = await noticeWith(
      coord.page,
      `Роман Ветров принимает приглашение и теперь руководит отрядом «${SQUAD}».`,
    );
    await expectAccessible(coord.page, '/notifications with an acceptance');
    await accepted.getByRole('link', { name: 'Открыть' }).click();
    await coord.page.waitForURL((url) => url.pathname === `/squads/${squad.id}`);
    await coord.page
      .getByTestId('squad-leaders')
      .getByText(/Роман Ветров/)
      .waitFor();
    expect(coord.errors).toEqual([]);
    await coord.context.close();
  });
});

describe('an invitation to represent an organization', () => {
  it('arrives as a notice that leads to «Организации», where the person accepts', async () => {
    const db = server.runtime.handle.db;
    const org = await buildOrganization(db, { name: 'Клуб «Северное сияние»' });
    const owner = await buildUser(db, { role: 'org_representative', scopeId: org.id });
    const invitee = await buildUser(db, { displayName: 'Вера Приглашённая' });
    await server.runtime.services.organizations.addRepresentative(
      userActor(owner, [{ role: 'org_representative', scopeType: 'organization', scopeId: org.id }]),
      org.id,
      invitee.email,
    );
    const { context, page, errors } = await signedIn(invitee, '/account');
    const notice = await noticeWith(
      page,
      'Вас приглашают стать представителем организации «Клуб «Северное сияние»».',
    );
    await notice.getByRole('link', { name: 'Открыть' }).click();
    await page.waitForURL((url) => url.pathname === '/organizations');
    const invitations = page.getByTestId('my-organization-invitations');
    const accept = invitations.getByRole('button', {
      name: 'Принять приглашение организации «Клуб «Северное сияние»»',
    });
    await accept.waitFor();
    await screenshot(page, 'notices-02-organization-invitation-360');
    await expectNoSidewaysScroll(page, '/organizations with an invitation');
    await expectInViewport(page, accept, '/organizations accept button');
    await expectAccessible(page, '/organizations with an invitation');
    await accept.click();
    await invitations.getByText('Теперь вы представитель организации «Клуб «Северное сияние»».').waitFor();
    await expect
      .poll(async () =>
        (
          await db
            .selectFrom('role_assignments')
            .select('role')
            .where('user_id', '=', invitee.id)
            .where('scope_id', '=', org.id)
            .execute()
        ).map((r) => r.role),
      )
      .toEqual(['org_representative']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('ways into a squad', () => {
  it('a visitor follows a squad from the public centre page, signs in and lands back on it', async () => {
    const visitor = await buildUser(server.runtime.handle.db, {
      role: 'volunteer',
      displayName: 'Гость Любопытный',
    });
    const { context, page, errors } = await newPage();
    await page.goto(`/centers/${center.id}`);
    const squads = page.getByTestId('center-public-squads');
    await squads.getByTestId('center-squads-how-to-join').getByText('подайте её', { exact: false }).waitFor();
    const link = squads.getByRole('link', { name: SQUAD });
    await link.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page, '/centers/:id');
    await expectInViewport(page, link, '/centers/:id squad link');
    await expectAccessible(page, '/centers/:id with squad links');
    await screenshot(page, 'notices-03-center-squads-360');
    await link.click();
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('next') === `/squads/${squad.id}`,
    );
    const form = page.getByTestId('login-form');
    await form.locator('input[name=email]').fill(visitor.email);
    await form.locator('input[name=password]').fill(TEST_PASSWORD);
    await form.locator('button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === `/squads/${squad.id}`);
    await page.getByRole('button', { name: 'Подать заявку в отряд' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a shared link with the code keeps it through the login page', async () => {
    const friend = await buildUser(server.runtime.handle.db, {
      role: 'volunteer',
      displayName: 'Друг По Ссылке',
    });
    const { context, page, errors } = await newPage();
    await page.goto(`/my/squads?code=${squad.inviteCode.toLowerCase()}`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(
      `/my/squads?code=${squad.inviteCode.toLowerCase()}`,
    );
    const form = page.getByTestId('login-form');
    await form.locator('input[name=email]').fill(friend.email);
    await form.locator('input[name=password]').fill(TEST_PASSWORD);
    await form.locator('button[type=submit]').click();
    await page.waitForURL(
      (url) =>
        url.pathname === '/my/squads' && url.searchParams.get('code') === squad.inviteCode.toLowerCase(),
    );
    const code = page.getByTestId('join-by-code-form').getByLabel('Код приглашения');
    await expect.poll(() => code.inputValue()).toBe(squad.inviteCode);
    await page.getByTestId('join-by-code-form').getByRole('button', { name: 'Вступить в отряд' }).click();
    await page.getByTestId('squad-joined').getByText(`Вы вступили в отряд «${SQUAD}».`).waitFor();
    expect(await membership(friend.id)).toBe('active');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a member the coordinator removed cannot use the code again, and asks to join instead', async () => {
    const removed = await buildUser(server.runtime.handle.db, {
      role: 'volunteer',
      displayName: 'Исключённый Участник',
    });
    await server.runtime.services.volunteers.squads.joinByCode(userActor(removed), squad.inviteCode);
    await server.runtime.services.volunteers.squads.decide(coordinatorActor, squad.id, removed.id, {
      action: 'remove',
    });
    const { context, page, errors } = await signedIn(removed, '/my/squads');
    const form = page.getByTestId('join-by-code-form');
    await form.getByLabel('Код приглашения').fill(squad.inviteCode);
    await form.getByRole('button', { name: 'Вступить в отряд' }).click();
    await form.getByText(`Вас исключили из отряда «${SQUAD}»`, { exact: false }).waitFor();
    expect(await membership(removed.id)).toBe('removed');
    await expectNoSidewaysScroll(page, '/my/squads refused code');
    await expectAccessible(page, '/my/squads refused code');
    await screenshot(page, 'notices-04-removed-code-360');

    await page.goto(`/squads/${squad.id}`);
    await page
      .getByTestId('squad-my-status')
      .getByText('Вернуться можно только по заявке', { exact: false })
      .waitFor();
    expect(await page.getByRole('link', { name: 'Есть код приглашения? Вступить по коду' }).count()).toBe(0);
    const ask = page.getByRole('button', { name: 'Подать заявку в отряд' });
    await expectInViewport(page, ask, '/squads/:id ask to join');
    await expectAccessible(page, '/squads/:id removed member');
    await screenshot(page, 'notices-05-removed-squad-360');
    await ask.click();
    await page.getByTestId('squad-my-status').getByText('Ваша заявка ждёт решения руководителя.').waitFor();
    expect(await membership(removed.id)).toBe('requested');
    expect(errors).toEqual([]);
    await context.close();
  });
});
