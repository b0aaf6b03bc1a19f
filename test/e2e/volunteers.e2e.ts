/**
 * A 15-year-old volunteer fills in the profile (age group shown, skills as chips, availability grid), gives
 * the volunteering consent and the guardian's consent, one document at a time, and asks to join a squad.
 * Every page passes axe (WCAG 2.1 AA). Screenshots go to artifacts/e2e/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/platform/crypto.js';
import { expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import { startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const EMAIL = 'young-volunteer-e2e@example.ru';
const PASSWORD = 'Волонтёр-подросток-2026';

beforeAll(async () => {
  server = await startServer();
  const db = server.runtime.handle.db;
  const now = new Date();
  const user = await db
    .insertInto('users')
    .values({
      email: EMAIL,
      display_name: 'Алина Юная',
      password_hash: await hashPassword(PASSWORD),
      email_verified_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_assignments')
    .values({ user_id: user.id, role: 'volunteer', scope_type: 'self', scope_id: null })
    .execute();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a minor volunteer', () => {
  it('fills in the profile, gives consents per purpose with the guardian, and asks to join a squad', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'ru-RU',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, { email: EMAIL, password: PASSWORD }, '/volunteer/profile');

    const form = page.getByTestId('volunteer-profile-form');
    await form.waitFor();
    await expectAccessible(page, '/volunteer/profile');
    const birth = `${new Date().getUTCFullYear() - 15}-01-15`;
    await form.getByLabel('Имя и фамилия').fill('Алина Юная');
    await form.getByLabel('Дата рождения').fill(birth);
    await expect.poll(() => form.textContent()).toContain('14–17 лет');
    await form.getByText('Первая помощь', { exact: true }).click();
    await form.getByLabel('суббота, Утро 8–12').check();
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Профиль сохранён');
    await screenshot(page, 'volunteers-01-profile');

    await page.goto('/volunteer/consents');
    await page.getByRole('heading', { level: 1, name: /Мои согласия/ }).waitFor();
    await expectAccessible(page, '/volunteer/consents');
    const checkboxes = page.getByRole('checkbox', { name: 'Я прочитал(а) текст и даю это согласие' });
    // Nothing is ticked in advance.
    const count = await checkboxes.count();
    expect(count).toBe(5);
    for (let i = 0; i < count; i++) expect(await checkboxes.nth(i).isChecked()).toBe(false);

    const main = page.locator('section[aria-labelledby=consent-volunteering]');
    await main.getByRole('checkbox').check();
    await main.getByRole('button', { name: 'Дать согласие' }).click();
    await main.getByRole('button', { name: 'Отозвать согласие' }).waitFor();

    const guardian = page.locator('section[aria-labelledby=consent-guardian_consent]');
    await guardian.getByLabel('ФИО законного представителя').fill('Ольга Юная');
    await guardian.getByLabel('Телефон или почта законного представителя').fill('+7 905 000-11-22');
    await guardian.getByRole('checkbox').check();
    await guardian.getByRole('button', { name: 'Дать согласие' }).click();
    await expect
      .poll(() => page.getByText('Вы можете записываться на добровольческие смены.').count())
      .toBe(1);
    await expectAccessible(page, '/volunteer/consents (given)');
    await screenshot(page, 'volunteers-02-consents');

    const squad = await server.runtime.handle.db
      .selectFrom('squads')
      .select('id')
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    await page.goto(`/squads/${squad.id}`);
    await page.getByRole('button', { name: 'Подать заявку в отряд' }).click();
    await expect.poll(() => page.getByText('Ваша заявка ждёт решения руководителя.').count()).toBe(1);
    await expectAccessible(page, '/squads/:id');
    await screenshot(page, 'volunteers-03-squad');
    expect(errors).toEqual([]);
    await context.close();
  });
});
