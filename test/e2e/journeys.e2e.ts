/** Browser journeys through the real pages, with axe on every shell page and screenshots as artifacts. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.js';
import { startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
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
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

const EMAIL = 'Марина.Волонтёр@example.ru';
const PASSWORD = 'Томь-Кемерово-2026';

describe('a volunteer registers, verifies the email, logs in and sees the account', () => {
  it('walks the whole journey in Russian', async () => {
    const { context, page, errors } = await newPage();
    await page.goto('/');
    await expect.poll(() => page.getByTestId('summary-active-centers').textContent()).toMatch(/9/);
    await screenshot(page, '01-home');

    await page
      .getByRole('link', { name: /Регистрация/ })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === '/register');
    const form = page.getByTestId('register-form');
    await form.locator('input[name=email]').fill(EMAIL);
    await form.locator('input[name=displayName]').fill('Марина Ёлкина');
    await form.locator('input[name=password]').fill(PASSWORD);
    await form.locator('input[name=passwordConfirm]').fill(PASSWORD);
    // Consent is never pre-ticked.
    const consent = form.locator('input[name="consent.personalData"]');
    expect(await consent.isChecked()).toBe(false);
    await consent.check();
    await screenshot(page, '02-register-filled');
    await form.locator('button[type=submit]').click();
    // The success notice replaces the form only once the server has accepted the registration.
    await page.getByTestId('register-success').waitFor();
    expect(await page.getByTestId('register-success').textContent()).toMatch(/почт/i);
    await screenshot(page, '03-register-done');

    const mail = await server.lastMailTo(EMAIL.toLowerCase());
    const link = /(http:\/\/\S+verify-email\?token=\S+)/.exec(mail.text_body)?.[1];
    expect(link).toBeDefined();
    await page.goto(link as string);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/подтвержд/i);
    await screenshot(page, '04-verified');

    await page.goto('/login');
    const login = page.getByTestId('login-form');
    await login.locator('input[name=email]').fill(EMAIL);
    await login.locator('input[name=password]').fill(PASSWORD);
    await login.locator('button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === '/account');
    await expect.poll(() => page.getByTestId('account-page').textContent()).toContain('Марина Ёлкина');
    await expect.poll(() => page.getByTestId('sessions-table').locator('tbody tr').count()).toBe(1);
    await screenshot(page, '05-account');
    await expectAccessible(page, '/account');

    await page.getByTestId('logout-button').click();
    await page.goto('/account');
    await page.waitForURL('**/login**');
    expect(errors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
    await context.close();
  });

  it('shows field errors from the server next to the field', async () => {
    const { context, page } = await newPage();
    await page.goto('/register');
    const form = page.getByTestId('register-form');
    await form.locator('input[name=email]').fill('ярослава.новая@example.ru');
    await form.locator('input[name=displayName]').fill('Ярослава Новая');
    // long enough for the page, but built on the name: only the server refuses it
    await form.locator('input[name=password]').fill('ярослава-2026-01');
    await form.locator('input[name=passwordConfirm]').fill('ярослава-2026-01');
    await form.locator('input[name="consent.personalData"]').check();
    await form.locator('button[type=submit]').click();
    const password = form.locator('input[name=password]');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => form.textContent()).toMatch(/слишком простой/);
    await screenshot(page, '06-register-weak-password');
    await context.close();
  });

  it('a registered address gets the same answer as a new one; its owner is told by mail', async () => {
    const { context, page } = await newPage();
    await page.goto('/register');
    const form = page.getByTestId('register-form');
    await form.locator('input[name=email]').fill(EMAIL);
    await form.locator('input[name=displayName]').fill('Другая Марина');
    await form.locator('input[name=password]').fill(PASSWORD);
    await form.locator('input[name=passwordConfirm]').fill(PASSWORD);
    await form.locator('input[name="consent.personalData"]').check();
    await form.locator('button[type=submit]').click();
    await page.getByTestId('register-success').waitFor();
    expect(await page.getByTestId('register-success').textContent()).toMatch(/почт/i);
    await screenshot(page, '06-register-email-taken');
    const mail = await server.lastMailTo(EMAIL.toLowerCase());
    expect(mail?.template).toBe('registration_attempt');
    await context.close();
  });
});

describe('language, low-vision mode and keyboard', () => {
  it('switches to English and back, remembered across reloads', async () => {
    const { context, page } = await newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.locator('main').textContent()).toMatch(/centres|centers/i);
    await screenshot(page, '07-home-en');
    await expectAccessible(page, '/ (en)');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ru');
    await context.close();
  });

  it('turns on the low-vision version, remembered across reloads, and stays accessible', async () => {
    const { context, page } = await newPage();
    await page.goto('/');
    const toggle = page.getByTestId('low-vision-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const before = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    await toggle.click();
    await page.reload();
    await expect.poll(() => page.getByTestId('low-vision-toggle').getAttribute('aria-pressed')).toBe('true');
    const after = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(after).toBeGreaterThan(before);
    await screenshot(page, '08-home-low-vision');
    await expectAccessible(page, '/ (low vision)');
    await context.close();
  });

  it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const { context, page } = await newPage();
    await page.goto('/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(focused.href).toBe('#main');
    expect(focused.text).toMatch(/Перейти к содержанию/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.id || document.activeElement?.closest('#main')?.id),
      )
      .toBe('main');
    await context.close();
  });
});

describe('API documentation', () => {
  it('/api/docs renders the operations under the Content-Security-Policy', async () => {
    const { context, page, errors } = await newPage();
    await page.goto('/api/docs');
    await page
      .locator('.opblock-summary-path', { hasText: '/api/auth/register' })
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'api-docs');
    expect(
      errors.filter((e) => /Content Security Policy|Refused/.test(e)),
      errors.join('\n'),
    ).toEqual([]);
    await context.close();
  });
});

describe('every shell page has zero WCAG 2.1 AA violations', () => {
  const pages: [string, string, string][] = [
    ['/', 'home', 'summary-active-centers'],
    ['/register', 'register', 'register-form'],
    ['/login', 'login', 'login-form'],
    ['/reset-password', 'reset-password', 'main'],
    ['/verify-email', 'verify-email', 'main'],
    ['/centers', 'centers', 'municipalities-table'],
    ['/no-such-page', 'not-found', 'main'],
  ];
  for (const [url, name, ready] of pages) {
    it(`${url}`, async () => {
      const { context, page, errors } = await newPage();
      const response = await page.goto(url);
      expect(response?.status()).toBe(name === 'not-found' ? 404 : 200);
      if (ready === 'main') await page.locator('main h1').first().waitFor();
      else await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `page-${name}`);
      await expectAccessible(page, url);
      // The browser reports the 404 document status itself as a console error; nothing else may appear.
      expect(errors.filter((e) => !(name === 'not-found' && /status of 404/.test(e)))).toEqual([]);
      await context.close();
    });
  }

  it('/centers shows the map without tiles, all 34 municipalities in the table and the 9 centres', async () => {
    const { context, page } = await newPage();
    await page.goto('/centers');
    await page.getByTestId('centers-map').waitFor();
    await expect.poll(() => page.getByTestId('municipalities-table').locator('tbody tr').count()).toBe(34);
    await expect.poll(() => page.getByTestId('centers-list').textContent()).toMatch(/Добро\.Центр № 9/);
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    expect(await page.locator('.leaflet-interactive').count()).toBeGreaterThanOrEqual(34);
    await screenshot(page, 'centers-map');

    // Each centre has its own public page.
    await page
      .getByTestId('centers-list')
      .getByRole('link', { name: /Добро\.Центр № 1 / })
      .click();
    await page.waitForURL(/\/centers\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('center-page').textContent())
      .toMatch(/Кемеровский городской округ/);
    await screenshot(page, 'center-page');
    await expectAccessible(page, '/centers/:id');
    expect((await page.reload())?.status()).toBe(200);
    await context.close();
  });
});
