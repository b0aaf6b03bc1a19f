/**
 * The operator's dashboard and plan: the operator opens the dashboard (targets, chart with its data table,
 * pipeline), edits a target with a reason and finds the change in the plan's history. Screenshots go to
 * artifacts/e2e/ and the dashboard's to docs/screenshots/dashboard.png.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { addRegionalAdmin, startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const EMAIL = 'plan-operator-e2e@example.ru';
const PASSWORD = 'План-и-факт-2026!';

beforeAll(async () => {
  server = await startServer();
  await addRegionalAdmin(server, { email: EMAIL, displayName: 'Павел Планов', password: PASSWORD });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the operator tracks the rollout plan', () => {
  it('sees plan vs actual, edits a target with a reason and finds it in the history', async () => {
    const { context, page, errors } = await openPage(browser, server.baseUrl);

    await signIn(page, { email: EMAIL, password: PASSWORD }, '/operator/dashboard');

    // Kuzbass: 3 targets (18 by 2024, 22 by 2025, all 34 municipalities by 2025); 9 active, 4 applicants.
    const cards = page.getByTestId('target-card');
    await expect.poll(() => cards.count()).toBe(3);
    await expect.poll(() => page.getByTestId('plan-summary').textContent()).toContain('9');
    expect(await cards.first().textContent()).toMatch(/Срок прошёл, не выполнено/);
    await page.locator('[data-testid=plan-chart] svg.recharts-surface').first().waitFor();
    await expect.poll(() => page.locator('[data-testid=plan-chart] .recharts-line').count()).toBe(4);
    await expect.poll(() => page.getByTestId('pipeline-table').locator('tbody tr').count()).toBe(4);

    await page.getByTestId('chart-table-toggle').click();
    await page.getByTestId('chart-table').waitFor();
    expect(await page.getByTestId('chart-table-toggle').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.getByTestId('chart-table').locator('tbody tr').count()).toBeGreaterThan(48);
    await expectAccessible(page, '/operator/dashboard');
    await page.getByTestId('chart-table-toggle').click();
    await expect.poll(() => page.getByTestId('chart-table').isVisible()).toBe(false);
    await screenshot(page, 'plan-01-dashboard');
    await page.screenshot({ path: path.resolve('docs/screenshots/dashboard.png'), fullPage: true });

    await page.getByRole('link', { name: 'Редактировать план' }).click();
    await page.waitForURL((url) => url.pathname === '/operator/plan');
    await expect.poll(() => page.getByTestId('plan-targets').locator('tbody tr').count()).toBe(3);
    await expect.poll(() => page.getByTestId('plan-history').locator('li').count()).toBe(3);
    await expectAccessible(page, '/operator/plan');

    await page
      .getByRole('button', { name: /Изменить цель «Активные Добро.Центры» на 31 декабря 2025/ })
      .click();
    const form = page.getByTestId('target-form');
    await form.waitFor();
    await form.getByLabel('Значение').fill('24');
    // Without a reason the form refuses and says so next to the field.
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.textContent()).toContain('Заполните это поле.');
    await form
      .getByLabel('Причина изменения')
      .fill('Добавлены два центра в Новокузнецке по решению министерства');
    await expectAccessible(page, '/operator/plan (edit dialog)');
    await screenshot(page, 'plan-02-edit');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });

    const history = page.getByTestId('plan-history');
    await expect.poll(() => history.locator('li').count()).toBe(4);
    const latest = await history.locator('li').first().textContent();
    expect(latest).toContain('Изменена цель');
    expect(latest).toContain('22 к 31 декабря 2025');
    expect(latest).toContain('24 к 31 декабря 2025');
    expect(latest).toContain('Добавлены два центра в Новокузнецке');
    expect(latest).toContain('Павел Планов');
    // The history of that one target: its creation by the seed and this change.
    await page
      .getByTestId('history-filter')
      .selectOption({ label: 'Активные Добро.Центры: 24 — 31 декабря 2025 г.' });
    await expect.poll(() => history.locator('li').count()).toBe(2);
    await screenshot(page, 'plan-03-history');

    const row = await server.runtime.handle.db
      .selectFrom('rollout_targets')
      .selectAll()
      .where('kind', '=', 'active_centers')
      .where('due_date', '=', '2025-12-31')
      .executeTakeFirstOrThrow();
    expect(row.target).toBe(24);

    await page.getByRole('link', { name: 'Панель: план и факт' }).click();
    await page.waitForURL((url) => url.pathname === '/operator/dashboard');
    await expect.poll(() => page.getByTestId('target-cards').textContent()).toContain('24');

    // On a phone the cards stack and only the tables scroll sideways, not the page.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await screenshot(page, 'plan-04-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
