/** The operator runs a monitoring round: opens it, sees the rating with zones, enters a score, closes it. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import { addRegionalAdmin, startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const EMAIL = 'monitoring-e2e@example.ru';
const PASSWORD = 'Мониторинг-центров-2026!';
const DOCS_SCREENSHOTS = path.resolve('docs/screenshots');

beforeAll(async () => {
  server = await startServer();
  await addRegionalAdmin(server, { email: EMAIL, displayName: 'Мария Оператор', password: PASSWORD });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('monitoring of centres', () => {
  it('the operator opens a round, scores a centre, closes the round; the work log feeds it', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'ru-RU',
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signIn(page, { email: EMAIL, password: PASSWORD }, '/operator/monitoring');
    // The demo data brings one past, closed round.
    const rounds = page.getByTestId('rounds-table');
    await expect.poll(() => rounds.locator('tbody tr').count()).toBe(1);
    await expect.poll(() => rounds.textContent()).toMatch(/закрыт/);
    await expectAccessible(page, '/operator/monitoring');
    await screenshot(page, 'monitoring-00-rounds');

    // The past round: final, all three zones, exports offered.
    await rounds.locator('tbody a').first().click();
    await page.waitForURL(/\/operator\/monitoring\/[0-9a-f-]{36}$/);
    const past = page.getByTestId('rating-table');
    await expect.poll(() => past.locator('tbody tr').count()).toBe(9);
    const pastZones = await past
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-zone')));
    expect(new Set(pastZones)).toEqual(new Set(['green', 'yellow', 'red']));
    expect(await past.locator('tbody button').count()).toBe(0);
    const csv = await page.request.get(
      (await page.getByTestId('rating-export-csv').getAttribute('href')) ?? '',
    );
    expect(csv.status()).toBe(200);
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'monitoring.png'), fullPage: true });
    await screenshot(page, 'monitoring-00-past-round');
    await page.goto('/operator/monitoring');
    await page.getByTestId('open-round').waitFor();

    // Open the current half-year (the form proposes the latest one without a round).
    await page.getByTestId('open-round').click();
    await page.waitForURL(/\/operator\/monitoring\/[0-9a-f-]{36}$/);
    const rating = page.getByTestId('rating-table');
    await expect.poll(() => rating.locator('tbody tr').count()).toBe(9);
    expect(await page.getByTestId('round-status').textContent()).toBe('открыт');
    const zones = await rating
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-zone')));
    expect(zones.every((z) => z === 'green' || z === 'yellow' || z === 'red')).toBe(true);
    // The zone is written out, not only coloured.
    expect(await rating.locator('.zone-badge').first().textContent()).toMatch(/зона$/);
    await expectAccessible(page, '/operator/monitoring/:roundId');

    // Enter a score for the first centre on an entered-only indicator.
    const first = rating.locator('tbody tr').first();
    const centerName = (await first.locator('th a').first().textContent()) ?? '';
    await first.locator('td[data-indicator=association] button').click();
    const dialog = page.getByTestId('score-form');
    await dialog.locator('input[name=score]').fill('20');
    await page.getByTestId('save-score').click();
    await expect.poll(() => dialog.textContent()).toMatch(/Не больше 15/);
    await expectAccessible(page, 'score dialog');
    await dialog.locator('input[name=score]').fill('12,5');
    await dialog.locator('textarea[name=comment]').fill('Участие в форуме Ассоциации');
    await page.getByTestId('save-score').click();
    await dialog.waitFor({ state: 'detached' });
    const row = rating.locator(`tbody tr:has(th a:text-is("${centerName}"))`);
    await expect.poll(() => row.locator('td[data-indicator=association]').textContent()).toMatch(/12,5/);

    await screenshot(page, 'monitoring-01-rating');

    // Close the round: final.
    await page.getByTestId('close-round').click();
    await page.getByTestId('confirm-close-round').click();
    await expect.poll(() => page.getByTestId('round-status').textContent()).toBe('закрыт');
    await expect.poll(() => page.getByTestId('close-round').count()).toBe(0);
    expect(await rating.locator('tbody button').count()).toBe(0);
    await screenshot(page, 'monitoring-02-closed');
    const stored = await server.runtime.handle.db
      .selectFrom('monitoring_scores')
      .select(['entered', 'comment'])
      .where('indicator_code', '=', 'association')
      .where('comment', '=', 'Участие в форуме Ассоциации')
      .executeTakeFirstOrThrow();
    expect(Number(stored.entered)).toBe(12.5);

    // The centre's work log, with its monitoring history.
    await row.locator('th a').first().click();
    await page.waitForURL(/\/centers\/[0-9a-f-]{36}\/work-log$/);
    await page.getByTestId('work-log-table').waitFor();
    await expect.poll(() => page.getByTestId('center-monitoring').locator('tbody tr').count()).toBe(2);
    const form = page.getByTestId('add-entry-form');
    await form.locator('select[name=kind]').selectOption('consultation');
    await form.locator('select[name=audience]').selectOption('ngos');
    await form.locator('input[name=title]').fill('Консультация для НКО «Забота»');
    await form.locator('input[name=quantity]').fill('2');
    await page.getByTestId('add-entry').click();
    await expect.poll(() => form.textContent()).toMatch(/Запись добавлена/);
    await expect
      .poll(() => page.getByTestId('work-log-table').textContent())
      .toContain('Консультация для НКО «Забота»');
    await screenshot(page, 'monitoring-03-work-log');
    await page.screenshot({ path: path.join(ARTIFACTS, 'monitoring-03-work-log-top.png') });
    await expectAccessible(page, '/centers/:id/work-log');

    // On a phone the pages stay usable (tables scroll inside their own region).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(page.url());
    await page.getByTestId('work-log-table').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'monitoring-04-phone');

    expect(errors).toEqual([]);
    await context.close();
  });
});
