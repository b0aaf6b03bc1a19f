/**
 * The regional operator's workspace: the hub, municipalities over time (record a merger, see a field error
 * first), the applications queue with the 4 seeded Kuzbass applicants at licence_agreement, and settings.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { addRegionalAdmin, startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const EMAIL = 'operator-hub-e2e@example.ru';
const PASSWORD = 'Оператор-Кузбасса-2026!';

beforeAll(async () => {
  server = await startServer();
  await addRegionalAdmin(server, { email: EMAIL, displayName: 'Ольга Оператор', password: PASSWORD });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the regional operator', () => {
  it('records a municipal change and sees the seeded applicants in the queue', async () => {
    const { context, page, errors } = await openPage(browser, server.baseUrl);

    await signIn(page, { email: EMAIL, password: PASSWORD }, '/operator');
    await page.getByTestId('operator-hub').waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Оператор' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'op-01-hub');
    await expectAccessible(page, '/operator');

    // Municipalities over time: the seeded conversion is listed; a merger is recorded.
    await page.getByTestId('hub-municipalities').click();
    await page.waitForURL((url) => url.pathname === '/operator/municipalities');
    const table = page.getByTestId('municipal-changes-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page, '/operator/municipalities');

    const form = page.getByTestId('municipal-change-form');
    await form.locator('select[name=kind]').selectOption('merger');
    await form.locator('input[name=effectiveOn]').fill('2027-01-01');
    await form.getByLabel('Краснобродский городской округ').check();
    // No successor chosen yet: the form says so beside the field.
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[aria-invalid=true]').count()).toBeGreaterThan(0);
    await form
      .locator('select[name=existingId]')
      .selectOption({ label: 'Прокопьевский муниципальный округ' });
    await form.locator('input[name=legalBasis]').fill('Закон Кемеровской области № 1-ОЗ');
    await screenshot(page, 'op-02-municipal-change');
    await expectAccessible(page, '/operator/municipalities (form)');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('municipal-change-saved').waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('tbody tr').first().textContent()).toContain('Краснобродский городской округ');
    const change = await server.runtime.handle.db
      .selectFrom('municipality_changes')
      .selectAll()
      .where('kind', '=', 'merger')
      .executeTakeFirstOrThrow();
    expect(change.effective_on).toBe('2027-01-01');
    await screenshot(page, 'op-03-municipal-change-saved');

    // A second merger of the same municipality is refused by the server (it already ends): shown, not a crash.
    await form.locator('select[name=kind]').selectOption('merger');
    await form.locator('input[name=effectiveOn]').fill('2026-12-15');
    await form.getByLabel('Краснобродский городской округ').check();
    await form
      .locator('select[name=existingId]')
      .selectOption({ label: 'Прокопьевский муниципальный округ' });
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.getByTestId('predecessors-error').textContent()).toMatch(/\S/);
    await expectAccessible(page, '/operator/municipalities (refused)');

    // The queue: the 4 Kuzbass applicants from the source document wait at licence_agreement.
    await page.goto('/applications');
    const queue = page.getByTestId('applications-queue');
    await queue.waitFor();
    await expect.poll(() => page.getByTestId('stage-count-licence_agreement').textContent()).toMatch(/4/);
    await page.getByTestId('queue-filters').locator('select[name=stage]').selectOption('licence_agreement');
    const rows = page.getByTestId('applications-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    await screenshot(page, 'op-04-queue');
    await expectAccessible(page, '/applications (queue)');

    await rows.first().getByRole('link').first().click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    await page.getByTestId('application-detail').waitFor();
    await expect.poll(() => page.getByTestId('application-stage').textContent()).toMatch(/\S/);
    await screenshot(page, 'op-05-seeded-application');
    await expectAccessible(page, '/applications/:id (operator)');

    await page.goto('/operator/settings');
    await page.getByTestId('settings-page').waitFor();
    await expect.poll(() => page.getByTestId('stages-table').locator('tbody tr').count()).toBeGreaterThan(5);
    await screenshot(page, 'op-06-settings');
    await expectAccessible(page, '/operator/settings');

    // Settings: the typical duration of a stage, and a new service kind.
    await page.getByRole('button', { name: 'Изменить: Акселерация' }).click();
    const edit = page.getByTestId('stages-edit-form');
    await edit.locator('input[name=typicalDays]').fill('45');
    await expectAccessible(page, '/operator/settings (editing)');
    await edit.locator('button[type=submit]').click();
    await edit.waitFor({ state: 'detached' });
    const acceleration = page.getByTestId('stages-table').locator('tbody tr', { hasText: 'acceleration' });
    await expect.poll(() => acceleration.textContent()).toContain('45 дней');
    await page.getByTestId('service-kinds-add').click();
    const add = page.getByTestId('service-kinds-new-form');
    await add.locator('input[name=code]').fill('media_school');
    await add.locator('input[name=nameRu]').fill('Школа волонтёрских медиа');
    await add.locator('input[name=nameEn]').fill('Volunteer media school');
    await add.locator('button[type=submit]').click();
    await add.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('service-kinds-table').textContent())
      .toContain('Школа волонтёрских медиа');
    const stage = await server.runtime.handle.db
      .selectFrom('application_stages')
      .select('typical_days')
      .where('code', '=', 'acceleration')
      .executeTakeFirstOrThrow();
    expect(stage.typical_days).toBe(45);

    // A phone-sized screen: the queue still works and passes axe.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/applications');
    await page.getByTestId('applications-queue').waitFor();
    await screenshot(page, 'op-07-queue-phone');
    await expectAccessible(page, '/applications (phone)');

    // In English, stage names and counts included.
    await page.getByTestId('lang-switch').click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Queue of applications for «Dobro.Centre» status');
    await expect.poll(() => page.getByTestId('stage-count-licence_agreement').textContent()).toMatch(/: 4$/);
    await screenshot(page, 'op-08-queue-phone-en');
    await expectAccessible(page, '/applications (phone, English)');

    expect(errors).toEqual([]);
    await context.close();
  });
});
