/**
 * The coverage map and the centres: coloured municipalities with the table, centre markers, the «coverage
 * on» day, search by service; the operator edits a centre profile and suspends the centre.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import { addRegionalAdmin, startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const EMAIL = 'map-operator@example.ru';
const PASSWORD = 'Оператор-карты-2026!';

beforeAll(async () => {
  server = await startServer();
  await addRegionalAdmin(server, { email: EMAIL, displayName: 'Ольга Оператор', password: PASSWORD });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'ru-RU',
    viewport: { width: 1280, height: 1000 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Script errors and server failures; expected 4xx answers (a refused field, a hidden centre) are not.
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return { context, page, errors };
}

const table = (page: Page) => page.getByTestId('municipalities-table');

describe('the public coverage map', () => {
  it('colours the municipalities, lists them beside the map, marks the centres, works without tiles', async () => {
    const { context, page, errors } = await newPage();
    await page.goto('/centers');
    await expect.poll(() => table(page).locator('tbody tr').count()).toBe(34);
    // Seeded Kuzbass: centres in 6 municipalities, one more (Ленинск-Кузнецкий) with applications only.
    expect(await table(page).locator('tr[data-coverage=covered]').count()).toBe(6);
    expect(await table(page).locator('tr[data-coverage=in_progress]').count()).toBe(1);
    expect(await table(page).locator('tr[data-coverage=none]').count()).toBe(27);
    const map = page.getByTestId('centers-map');
    await expect.poll(() => map.locator('path.cov-covered').count()).toBe(6);
    expect(await map.locator('path.cov-in-progress').count()).toBe(1);
    expect(await map.locator('path.cov-none').count()).toBe(27);
    // Patterns, not only colours.
    const fill = await map
      .locator('path.cov-in-progress')
      .first()
      .evaluate((el) => getComputedStyle(el).fill);
    expect(fill).toContain('cov-pattern-in-progress');
    expect(await map.locator('.leaflet-tile').count()).toBe(0);
    await expect.poll(() => page.getByTestId('schematic-note').textContent()).toMatch(/схематичные/);
    await expect.poll(() => page.getByTestId('coverage-summary').textContent()).toMatch(/6 из 34.*населения/);

    // Centre markers are reachable by keyboard and open a popup that links to the centre page.
    const markers = map.getByTestId('center-marker');
    expect(await markers.count()).toBeGreaterThanOrEqual(9);
    await markers.first().focus();
    await page.keyboard.press('Enter');
    const popupLink = map.locator('.leaflet-popup a').first();
    await popupLink.waitFor();
    expect(await popupLink.getAttribute('href')).toMatch(/^\/centers\/[0-9a-f-]{36}$/);
    await map.locator('.leaflet-popup-close-button').click();
    await expect.poll(() => map.locator('.leaflet-popup').count()).toBe(0);

    await page.waitForLoadState('networkidle');
    await expectAccessible(page, '/centers');
    // The map, its legend and the table in one picture, 1280 wide.
    await page.setViewportSize({ width: 1280, height: 1450 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(1270, 5);
    const shot = path.join(ARTIFACTS, 'map.png');
    await page.screenshot({ path: shot, fullPage: false });
    fs.mkdirSync(path.resolve('docs/screenshots'), { recursive: true });
    fs.copyFileSync(shot, path.resolve('docs/screenshots/map.png'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the municipalities as they were on a past day', async () => {
    const { context, page } = await newPage();
    await page.goto('/centers?on=2025-01-01');
    await expect.poll(() => table(page).textContent()).toMatch(/Таштагольский муниципальный район/);
    expect(await table(page).locator('tbody tr').count()).toBe(34);
    await page.getByLabel('Охват на дату').fill('2025-06-01');
    await expect.poll(() => table(page).textContent()).toMatch(/Таштагольский муниципальный округ/);
    expect(await page.getByTestId('centers-map').getByTestId('center-marker').count()).toBe(0);
    await page.getByRole('button', { name: 'Показать на сегодня' }).click();
    await expect
      .poll(() => page.getByTestId('centers-map').getByTestId('center-marker').count())
      .toBeGreaterThan(0);
    await context.close();
  });
});

describe('the operator keeps a centre profile and its status; the public list follows', () => {
  it('edits the profile (server field errors shown), the service filter finds it, suspending hides it', async () => {
    const { context, page, errors } = await newPage();
    await signIn(page, { email: EMAIL, password: PASSWORD }, '/centers');
    await page
      .getByTestId('centers-list')
      .getByRole('link', { name: /Добро\.Центр № 7 / })
      .click();
    await page.waitForURL(/\/centers\/[0-9a-f-]{36}$/);
    const centerUrl = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Изменить профиль' }).click();
    const form = page.getByTestId('profile-form');
    await form.getByLabel('Коворкинг и инфраструктура для инициатив').check();
    await form.getByLabel('Часы работы').fill('Пн–Пт 10:00–18:00');
    await form.getByLabel('Телефон').fill('позвоните');
    await form.getByLabel('Сайт').fill('kaltan-dobro.example.ru');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    // The server refuses the phone: the message stands beside the field and focus moves there.
    await expect.poll(() => form.textContent()).toMatch(/Введите номер телефона/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('tel');
    await form.getByLabel('Телефон').fill('+7 (38472) 3-45-67');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByTestId('profile-saved').waitFor();
    await expect.poll(() => page.getByTestId('center-page').textContent()).toMatch(/Пн–Пт 10:00–18:00/);
    expect(await page.getByRole('link', { name: 'kaltan-dobro.example.ru' }).getAttribute('href')).toBe(
      'https://kaltan-dobro.example.ru/',
    );
    await screenshot(page, 'center-operator');
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, '/centers/:id (operator)');

    // Anyone finds it by the service.
    const visitor = await newPage();
    await visitor.page.goto('/centers');
    await visitor.page.getByTestId('centers-list').waitFor();
    await visitor.page.getByLabel('Услуга').selectOption('coworking');
    await expect.poll(() => visitor.page.getByTestId('centers-list').locator('li').count()).toBe(1);
    expect(await visitor.page.getByTestId('centers-list').textContent()).toMatch(
      /Добро\.Центр № 7 .*Пн–Пт 10:00–18:00/,
    );
    expect(visitor.page.url()).toContain('service=coworking');
    await visitor.page.getByLabel('Название центра или организации').fill('нет такого');
    await expect.poll(() => visitor.page.getByTestId('centers-list').locator('li').count()).toBe(0);

    // The operator suspends the centre: a reason is required.
    const status = page.getByTestId('status-form');
    await status.getByLabel('Приостановить работу центра').check();
    await status.getByRole('button', { name: 'Применить решение' }).click();
    await expect.poll(() => status.textContent()).toMatch(/Укажите причину решения/);
    await status.getByLabel('Причина').fill('Помещение на ремонте до весны');
    await status.getByRole('button', { name: 'Применить решение' }).click();
    await expect.poll(() => page.getByTestId('center-status').textContent()).toBe('приостановлен');
    await expect.poll(() => page.getByTestId('status-history').textContent()).toMatch(/Помещение на ремонте/);
    await screenshot(page, 'center-suspended');

    // Gone from the public list and its page is «not found» to the public.
    await visitor.page.goto('/centers');
    await expect
      .poll(() => visitor.page.getByTestId('centers-list').textContent())
      .toMatch(/Добро\.Центр № 1 /);
    expect(await visitor.page.getByTestId('centers-list').textContent()).not.toMatch(/Добро\.Центр № 7 /);
    const hidden = await visitor.page.goto(centerUrl);
    expect(hidden?.status()).toBe(200);
    await expect.poll(() => visitor.page.locator('main h1').textContent()).not.toMatch(/Добро\.Центр № 7/);
    expect(await visitor.page.getByTestId('center-page').count()).toBe(0);
    await visitor.context.close();

    expect(errors).toEqual([]);
    await context.close();
  });
});
