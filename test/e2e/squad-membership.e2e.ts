/**
 * Squads in the browser, beyond the API: the leader named at creation accepts the invitation to lead; a
 * volunteer joins with the invitation code from «Мои отряды» (a wrong code is a field error), sees the
 * squad and leaves it after a confirmation; the leader edits the squad and issues a new code (the old one
 * is refused, the new one works); the centre's coordinator invites a member to lead, who declines and,
 * invited again, accepts (nobody becomes a leader without consenting). axe on every page and dialog;
 * phone pages at 360 px without sideways scroll with the main action in view; one page in low vision.
 */

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/platform/auth/actor.js';
import { userActor } from '../support/actors.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import { expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import { expectInViewport, expectNoSidewaysScroll, PHONE, settle } from './support/phone.js';
import { startServer } from './support/server.js';

const SQUAD = 'Тимуровцы Заводского района';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let squadId: string;
let coordinator: { id: string; email: string };
let leader: { id: string; email: string };
let volunteer: { id: string; email: string };
let member: { id: string; email: string };

beforeAll(async () => {
  server = await startServer();
  const db = server.runtime.handle.db;
  const center = await db
    .selectFrom('centers')
    .select('id')
    .where('status', '=', 'active')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  coordinator = await buildUser(db, {
    role: 'center_coordinator',
    scopeId: center.id,
    displayName: 'Координатор Отрядов',
  });
  leader = await buildUser(db, { role: 'volunteer', displayName: 'Лидия Руководитель' });
  volunteer = await buildUser(db, { role: 'volunteer', displayName: 'Вера Новикова' });
  member = await buildUser(db, { role: 'volunteer', displayName: 'Семён Участников' });
  const actor: Actor = userActor(coordinator, [
    { role: 'center_coordinator', scopeType: 'center', scopeId: center.id },
  ]);
  const { squad } = await server.runtime.services.volunteers.squads.create(actor, {
    centerId: center.id,
    name: SQUAD,
    focus: 'Помощь пожилым людям',
    leaderUserId: leader.id,
  });
  squadId = squad.id;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(who: { email: string }, path: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'ru-RU', viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await signIn(page, { email: who.email, password: TEST_PASSWORD }, path);
  return { context, page, errors };
}

const currentCode = async () =>
  (
    await server.runtime.handle.db
      .selectFrom('squads')
      .select('invite_code')
      .where('id', '=', squadId)
      .executeTakeFirstOrThrow()
  ).invite_code;
const membership = async (userId: string) =>
  (
    await server.runtime.handle.db
      .selectFrom('squad_members')
      .select('status')
      .where('squad_id', '=', squadId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
  )?.status;

const leaderRole = async (userId: string) =>
  (
    await server.runtime.handle.db
      .selectFrom('role_assignments')
      .select('role')
      .where('user_id', '=', userId)
      .where('scope_id', '=', squadId)
      .executeTakeFirst()
  )?.role;

describe('the leader named at creation', () => {
  it('is only invited, and becomes the leader by accepting on a phone', async () => {
    expect(await leaderRole(leader.id)).toBeUndefined();
    expect(await membership(leader.id)).toBeUndefined();
    const { context, page, errors } = await open(leader, '/my/squads', PHONE);
    const list = page.getByTestId('my-squads');
    await list.getByText('приглашение руководить', { exact: true }).waitFor();
    await list.getByRole('link', { name: `Ответить на приглашение руководить отрядом «${SQUAD}»` }).click();
    await page.waitForURL((url) => url.pathname === `/squads/${squadId}`);
    const invitation = page.getByTestId('leader-invitation');
    await invitation
      .getByText('Координатор центра приглашает вас руководить отрядом', { exact: false })
      .waitFor();
    const accept = invitation.getByRole('button', { name: 'Принять' });
    await screenshot(page, 'squad-00-leader-invitation-360');
    await expectNoSidewaysScroll(page, '/squads/:id invitation');
    await expectInViewport(page, accept, '/squads/:id accept button');
    await expectAccessible(page, '/squads/:id with an invitation to lead');
    await accept.click();
    await page
      .getByTestId('leader-invitation-answered')
      .getByText(`Теперь вы руководитель отряда «${SQUAD}».`)
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Настройки отряда' }).waitFor();
    expect(String(await leaderRole(leader.id))).toBe('squad_leader');
    expect(await membership(leader.id)).toBe('active');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a volunteer and the invitation code, on a phone', () => {
  it('joins with the code from «Мои отряды», sees the squad, and leaves it after confirming', async () => {
    const { context, page, errors } = await open(volunteer, '/volunteer/profile', PHONE);
    await page.getByTestId('my-squads-link').click();
    await page.getByRole('heading', { level: 1, name: 'Мои отряды' }).waitFor();
    await page.getByText('Вы пока не состоите ни в одном отряде.').waitFor();
    const form = page.getByTestId('join-by-code-form');
    const submit = form.getByRole('button', { name: 'Вступить в отряд' });
    await screenshot(page, 'squad-01-my-squads-360');
    await expectNoSidewaysScroll(page, '/my/squads');
    await expectInViewport(page, submit, '/my/squads join button');
    await expectAccessible(page, '/my/squads');

    // An empty code is refused in the page, a wrong one by the server: both at the field, with focus there.
    const code = form.getByLabel('Код приглашения');
    await submit.click();
    await form.getByText('Введите код приглашения.').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await code.fill('NOSUCH99');
    await submit.click();
    await form.getByText('Нет отряда с таким кодом приглашения.').waitFor();
    await expect.poll(() => code.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, '/my/squads with a wrong code');
    await screenshot(page, 'squad-02-wrong-code-360');

    // Lower case works too: the server upper-cases codes.
    await code.fill((await currentCode()).toLowerCase());
    await submit.click();
    await page.waitForURL((url) => url.pathname === `/squads/${squadId}`);
    await page.getByTestId('squad-joined').getByText(`Вы вступили в отряд «${SQUAD}».`).waitFor();
    expect(await membership(volunteer.id)).toBe('active');
    const leave = page.getByRole('button', { name: 'Выйти из отряда' });
    await screenshot(page, 'squad-03-joined-360');
    await expectNoSidewaysScroll(page, '/squads/:id');
    await expectInViewport(page, leave, '/squads/:id leave button');
    await expectAccessible(page, '/squads/:id as a member');

    // The squad is on «Мои отряды» now, and the same code again says so instead of failing.
    await page.goto('/my/squads');
    await page.getByTestId('my-squads').getByRole('link', { name: SQUAD }).waitFor();
    await page.getByLabel('Код приглашения').fill(await currentCode());
    await page.getByRole('button', { name: 'Вступить в отряд' }).click();
    await page.getByTestId('squad-joined').getByText(`Вы уже состоите в отряде «${SQUAD}».`).waitFor();

    // Leaving asks first; «Остаться» changes nothing, confirming leaves.
    await page.getByRole('button', { name: 'Выйти из отряда' }).click();
    const dialog = page.getByRole('dialog', { name: `Выйти из отряда «${SQUAD}»?` });
    await dialog.getByText('Вы перестанете быть участником отряда.', { exact: false }).waitFor();
    expect(await dialog.getByTestId('leave-leader-note').count()).toBe(0);
    await settle(page);
    await expectAccessible(page, 'leave dialog');
    await screenshot(page, 'squad-04-leave-dialog-360');
    await dialog.getByRole('button', { name: 'Остаться' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await membership(volunteer.id)).toBe('active');
    await page.getByRole('button', { name: 'Выйти из отряда' }).click();
    await dialog.getByRole('button', { name: 'Выйти из отряда' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('squad-left').getByText(`Вы вышли из отряда «${SQUAD}».`).waitFor();
    await page.getByRole('button', { name: 'Подать заявку в отряд' }).waitFor();
    expect(await membership(volunteer.id)).toBe('removed');
    await expectAccessible(page, '/squads/:id after leaving');
    await screenshot(page, 'squad-05-left-360');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the leader manages the squad', () => {
  it('edits the squad and issues a new code: the old code is refused, the new one works', async () => {
    const { context, page, errors } = await open(leader, `/squads/${squadId}`, {
      width: 1280,
      height: 1000,
    });
    const edit = page.getByTestId('squad-edit-form');
    await edit.getByLabel('Направление').fill('Помощь пожилым людям и семьям участников СВО');
    await edit.getByRole('button', { name: 'Сохранить изменения' }).click();
    await edit.getByText('Изменения сохранены.').waitFor();
    const saved = await server.runtime.handle.db
      .selectFrom('squads')
      .select(['focus', 'name'])
      .where('id', '=', squadId)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ name: SQUAD, focus: 'Помощь пожилым людям и семьям участников СВО' });
    await page.getByText('Направление: Помощь пожилым людям и семьям участников СВО').waitFor();

    const oldCode = await currentCode();
    expect(await page.getByTestId('squad-invite-code').textContent()).toBe(oldCode);
    await page.getByRole('button', { name: 'Выдать новый код' }).click();
    const dialog = page.getByRole('dialog', { name: 'Выдать новый код?' });
    await dialog.getByText(`Старый код ${oldCode} перестанет работать`, { exact: false }).waitFor();
    await settle(page);
    await expectAccessible(page, 'new code dialog');
    await dialog.getByRole('button', { name: 'Выдать новый код' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('squad-code-renewed').waitFor();
    const newCode = await currentCode();
    expect(newCode).not.toBe(oldCode);
    expect(await page.getByTestId('squad-invite-code').textContent()).toBe(newCode);
    await page
      .getByTestId('squad-code-renewed')
      .getByText(`Новый код: ${newCode}. Старый код ${oldCode} больше не действует.`)
      .waitFor();

    // The new code moved the squad's version; an edit after it is not mistaken for someone else's change.
    await edit.getByLabel('Направление').fill('Помощь пожилым людям');
    await edit.getByRole('button', { name: 'Сохранить изменения' }).click();
    await edit.getByText('Изменения сохранены.').waitFor();
    expect(await page.getByTestId('edit-conflict').count()).toBe(0);
    const focus = await server.runtime.handle.db
      .selectFrom('squads')
      .select('focus')
      .where('id', '=', squadId)
      .executeTakeFirstOrThrow();
    expect(focus.focus).toBe('Помощь пожилым людям');

    // The only leader who opens «leave» is told the squad would have no leader.
    await page.getByRole('button', { name: 'Выйти из отряда' }).click();
    const leave = page.getByRole('dialog', { name: `Выйти из отряда «${SQUAD}»?` });
    await leave
      .getByTestId('leave-leader-note')
      .getByText(/единственный руководитель/)
      .waitFor();
    await leave.getByRole('button', { name: 'Остаться' }).click();
    await leave.waitFor({ state: 'hidden' });
    await expectAccessible(page, '/squads/:id as its leader');
    await screenshot(page, 'squad-06-leader');
    expect(errors).toEqual([]);
    await context.close();

    // A member-to-be tries both codes in the browser.
    const other = await open(member, '/my/squads', PHONE);
    const form = other.page.getByTestId('join-by-code-form');
    await form.getByLabel('Код приглашения').fill(oldCode);
    await form.getByRole('button', { name: 'Вступить в отряд' }).click();
    await form.getByText('Нет отряда с таким кодом приглашения.').waitFor();
    expect(await membership(member.id)).toBeUndefined();
    await form.getByLabel('Код приглашения').fill(newCode);
    await form.getByRole('button', { name: 'Вступить в отряд' }).click();
    await other.page.getByTestId('squad-joined').getByText(`Вы вступили в отряд «${SQUAD}».`).waitFor();
    expect(await membership(member.id)).toBe('active');
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  it('the leader edits the squad on a phone in the low-vision mode, also in English', async () => {
    const { context, page, errors } = await open(leader, `/squads/${squadId}`, PHONE);
    await page.getByTestId('low-vision-toggle').click();
    await expect.poll(() => page.getByTestId('low-vision-toggle').getAttribute('aria-pressed')).toBe('true');
    const save = page.getByTestId('squad-edit-form').getByRole('button', { name: 'Сохранить изменения' });
    await save.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page, '/squads/:id low vision');
    await expectInViewport(page, save, '/squads/:id save button, low vision');
    await expectAccessible(page, '/squads/:id low vision');
    await screenshot(page, 'squad-07-leader-low-vision-360');
    // The same page in English.
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 2, name: 'Squad settings' }).waitFor();
    await page.getByRole('button', { name: 'Issue a new code' }).waitFor();
    await page.getByRole('button', { name: 'Leave the squad' }).waitFor();
    await expectAccessible(page, '/squads/:id in English');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the coordinator invites a leader, who decides', () => {
  it('invites an active member; nothing changes until they accept (a decline is respected)', async () => {
    const desk = { width: 1280, height: 1000 };
    const coord = await open(coordinator, `/centers/${await centerOf()}/squads`, desk);
    await coord.page.getByTestId('join-by-code-link').waitFor();
    await coord.page.getByRole('link', { name: SQUAD }).click();
    await coord.page.waitForURL((url) => url.pathname === `/squads/${squadId}`);
    const inviteOnce = async () => {
      const form = coord.page.getByTestId('squad-leader-form');
      await form.getByLabel('Участник').selectOption({ label: 'Семён Участников' });
      await form.getByRole('button', { name: 'Пригласить в руководители' }).click();
      await coord.page
        .getByTestId('squad-leader-invited')
        .getByText('Семён Участников получит приглашение', { exact: false })
        .waitFor();
      await coord.page
        .getByTestId('squad-leader-invitations')
        .getByText(/Семён Участников — приглашение от/)
        .waitFor();
    };
    await inviteOnce();
    expect(await leaderRole(member.id)).toBeUndefined();
    await expectAccessible(coord.page, '/squads/:id as the coordinator, invitation pending');
    await screenshot(coord.page, 'squad-08-coordinator-invited');

    // The member declines: no role, and the invitation is gone from the coordinator's page.
    const invitee = await open(member, `/squads/${squadId}`, PHONE);
    await invitee.page.getByTestId('leader-invitation').getByRole('button', { name: 'Отказаться' }).click();
    await invitee.page
      .getByTestId('leader-invitation-answered')
      .getByText('Вы отказались от приглашения.', { exact: false })
      .waitFor();
    expect(await leaderRole(member.id)).toBeUndefined();
    await coord.page.reload();
    await coord.page.getByTestId('squad-leader-form').waitFor();
    expect(await coord.page.getByTestId('squad-leader-invitations').count()).toBe(0);

    // Invited again, the member accepts and leads the squad.
    await inviteOnce();
    await invitee.page.reload();
    await invitee.page.getByTestId('leader-invitation').getByRole('button', { name: 'Принять' }).click();
    await invitee.page
      .getByTestId('leader-invitation-answered')
      .getByText(`Теперь вы руководитель отряда «${SQUAD}».`)
      .waitFor();
    expect(String(await leaderRole(member.id))).toBe('squad_leader');
    await coord.page.reload();
    await coord.page
      .getByTestId('squad-leaders')
      .getByText(/Руководители: .*Семён Участников/)
      .waitFor();
    await expectAccessible(coord.page, '/squads/:id as the coordinator after the acceptance');
    expect(coord.errors).toEqual([]);
    expect(invitee.errors).toEqual([]);
    await coord.context.close();
    await invitee.context.close();
  });
});

async function centerOf() {
  return (
    await server.runtime.handle.db
      .selectFrom('squads')
      .select('center_id')
      .where('id', '=', squadId)
      .executeTakeFirstOrThrow()
  ).center_id;
}
