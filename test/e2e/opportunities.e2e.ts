/**
 * Opportunities in the browser: the public catalogue (search in Russian, filters), an opportunity's page
 * with shifts and .ics links, and the operator creating a draft with a weekly series — each page checked
 * with axe, the catalogue also on a phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import { startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let centerId: string;
const EMAIL = 'opportunities-operator@example.ru';
const PASSWORD = 'Оператор-возможностей-2026!';

beforeAll(async () => {
  server = await startServer();
  const db = server.runtime.handle.db;
  const region = await db.selectFrom('regions').select('id').executeTakeFirstOrThrow();
  centerId = (
    await db
      .selectFrom('centers')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('name')
      .executeTakeFirstOrThrow()
  ).id;
  await server.runtime.services.accounts.createRegionalAdmin({
    email: EMAIL,
    displayName: 'Ольга Оператор',
    password: PASSWORD,
    regionId: region.id,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport = { width: 1280, height: 1000 }) {
  const context: BrowserContext = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'ru-RU',
    viewport,
  });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return { context, page, errors };
}

describe('the public catalogue', () => {
  it('lists the demo opportunities, finds «волонтеры» in Russian and opens one with its shifts', async () => {
    const { context, page, errors } = await newPage();
    await page.goto('/opportunities');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /Найдено 6/ }).count()).toBe(1);
    await expectAccessible(page, '/opportunities');
    await page.getByLabel('Что ищете').fill('волонтеры');
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: /Найдено 2 возможности/ }).count())
      .toBe(1);
    await page.getByRole('link', { name: 'Волонтёры на городском фестивале' }).click();
    await page.getByRole('heading', { level: 1, name: 'Волонтёры на городском фестивале' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'В календарь (.ics)' }).count()).toBe(3);
    const href = await page.getByRole('link', { name: 'В календарь (.ics)' }).first().getAttribute('href');
    const ics = await (await fetch(`${server.baseUrl}${href}`)).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Волонтёры на городском фестивале');
    await expectAccessible(page, '/opportunities/:id');
    await screenshot(page, 'opportunity');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works on a phone', async () => {
    const { context, page, errors } = await newPage({ width: 375, height: 800 });
    await page.goto('/opportunities?category=ecology');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /Найдена 1/ }).count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await expectAccessible(page, '/opportunities on a phone');
    await screenshot(page, 'opportunities-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('managing a centre’s opportunities', () => {
  it('the operator creates a draft, adds a weekly series and publishes it', async () => {
    const { context, page, errors } = await newPage();
    await signIn(page, { email: EMAIL, password: PASSWORD }, `/centers/${centerId}/opportunities`);
    await page.getByRole('heading', { level: 1, name: 'Возможности центра' }).waitFor();
    await expectAccessible(page, '/centers/:id/opportunities');
    await page.getByLabel('Название').fill('Разбор книг для сельских библиотек');
    await page.getByRole('button', { name: 'Создать черновик' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/manage'));
    await page.getByRole('heading', { level: 2, name: /Статус: Черновик/ }).waitFor();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const series = page.locator('section[aria-labelledby=manage-series]');
    await series.getByLabel('С даты').fill(day(1));
    await series.getByLabel('По дату').fill(day(29));
    await series.getByRole('button', { name: 'Создать смены' }).click();
    await expect
      .poll(() => page.locator('section[aria-labelledby=manage-shifts] tbody tr').count())
      .toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.getByRole('heading', { level: 2, name: /Статус: Опубликована/ }).waitFor();
    await expectAccessible(page, '/opportunities/:id/manage');
    await screenshot(page, 'opportunity-manage');
    expect(errors).toEqual([]);
    await context.close();
  });
});
