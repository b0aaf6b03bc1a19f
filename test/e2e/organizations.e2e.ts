/** The operator's registry: find a seeded placeholder and rename it; register a new organization with an INN check. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { addRegionalAdmin, startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const EMAIL = 'operator-e2e@example.ru';
const PASSWORD = 'Оператор-сети-2026!';

beforeAll(async () => {
  server = await startServer();
  await addRegionalAdmin(server, { email: EMAIL, displayName: 'Ирина Оператор', password: PASSWORD });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the regional operator runs the organization registry', () => {
  it('renames a placeholder and registers a new organization', async () => {
    const { context, page, errors } = await openPage(browser, server.baseUrl);

    await signIn(page, { email: EMAIL, password: PASSWORD }, '/organizations');
    const table = page.getByTestId('organizations-table');
    // 9 operating + 4 applicants (placeholders) + 3 demo partners.
    await expect.poll(() => table.locator('tbody tr').count()).toBe(16);
    await expect.poll(() => page.getByTestId('placeholder-badge').count()).toBe(13);
    await screenshot(page, 'org-01-registry');
    await expectAccessible(page, '/organizations');

    await table.getByRole('link', { name: /Организация-заглушка № 1 \(/ }).click();
    await page.getByTestId('organization-detail').waitFor();
    const form = page.getByTestId('organization-form');
    await form.locator('input[name=name]').fill('Кемеровская областная научная библиотека');
    await form.locator('select[name=kind]').selectOption('culture');
    await form.locator('select[name=subkind]').selectOption('library');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('placeholder-badge').count()).toBe(0);
    await screenshot(page, 'org-02-renamed');
    await expectAccessible(page, '/organizations/:id');

    await page.goto('/organizations/new');
    const create = page.getByTestId('organization-form');
    await create.locator('input[name=name]').fill('Молодёжный центр «Сибирь»');
    await create.locator('select[name=kind]').selectOption('youth_policy');
    await create.locator('select[name=subkind]').selectOption('youth_centre');
    await create.locator('select[name=municipalityId]').selectOption({ label: 'Юргинский городской округ' });
    await create.locator('input[name=inn]').fill('4205123458');
    await expect.poll(() => page.getByTestId('inn-check').textContent()).toMatch(/Контрольные цифры/);
    await create.locator('input[name=inn]').fill('4205123459');
    await expect.poll(() => page.getByTestId('inn-check').textContent()).toMatch(/ИНН верный/);
    await screenshot(page, 'org-03-new');
    await expectAccessible(page, '/organizations/new');
    await create.locator('button[type=submit]').click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('organization-detail').textContent())
      .toContain('Молодёжный центр «Сибирь»');

    const row = await server.runtime.handle.db
      .selectFrom('organizations')
      .selectAll()
      .where('inn', '=', '4205123459')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: 'Молодёжный центр «Сибирь»',
      kind: 'youth_policy',
      subkind: 'youth_centre',
    });
    const reload = await page.goto(page.url());
    expect(reload?.status()).toBe(200);
    expect(errors).toEqual([]);
    await context.close();
  });
});
