/**
 * The journey in one test: an organization applies for «Добро.Центр» status with documents → the
 * operator returns one → it is replaced (v2) → every document accepted, stage by stage → the centre opens,
 * appears on the public list and map, and the covered-municipalities count rises by one.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { addRegionalAdmin, startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const OPERATOR = { email: 'operator-apps-e2e@example.ru', password: 'Оператор-заявок-2026!' };
const APPLICANT = {
  email: 'anna.predstavitel@example.ru',
  password: 'Тайга-Добро-Центр-2026',
  name: 'Анна Представитель',
};
const ORG_NAME = 'Дом культуры «Юность» — e2e';
const CENTER_NAME = 'Добро.Центр «Юность»';

/** A tiny valid PDF and a 1×1 PNG, made here so the test needs no fixtures. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  server = await startServer();
  await addRegionalAdmin(server, {
    email: OPERATOR.email,
    displayName: 'Олег Оператор',
    password: OPERATOR.password,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page, errors } = await openPage(browser, server.baseUrl);
  return { context, page, errors };
}

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.ok(), path).toBe(true);
  return (await res.json()) as T;
}

const stageOf = (page: Page) => page.getByTestId('application-stage').getAttribute('data-stage');

/** Opens the confirmation of one transition button, optionally comments, confirms, waits for the dialog to go. */
async function transition(page: Page, to: string, comment?: string) {
  await page.getByTestId(`transition-${to}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (comment) await dialog.locator('textarea[name=comment]').fill(comment);
  await dialog.getByTestId('confirm-transition').click();
  await dialog.waitFor({ state: 'detached' });
}

describe('an organization applies for «Добро.Центр» status and the centre opens', () => {
  it('applies with documents, gets one returned, replaces it and is opened by the operator', async () => {
    const { context, page, errors } = await newPage();

    // Before: a municipality with no centre and no application, and today's coverage.
    type Municipality = { id: string; nameRu: string; coverage: string; activeCenters: number };
    const { items } = await json<{ items: Municipality[] }>(page, '/api/public/municipalities');
    const target = items.find((m) => m.coverage === 'none' && m.activeCenters === 0);
    expect(target, 'a municipality without a centre').toBeDefined();
    const municipality = target as Municipality;
    const before = await json<{ municipalitiesCovered: number }>(page, '/api/public/summary');

    // The representative registers, verifies the email and logs in.
    await page.goto('/register');
    const register = page.getByTestId('register-form');
    await register.locator('input[name=email]').fill(APPLICANT.email);
    await register.locator('input[name=displayName]').fill(APPLICANT.name);
    await register.locator('input[name=password]').fill(APPLICANT.password);
    await register.locator('input[name=passwordConfirm]').fill(APPLICANT.password);
    await register.locator('input[name="consent.personalData"]').check();
    await register.locator('button[type=submit]').click();
    // The form gives way to «check your mail».
    await register.waitFor({ state: 'detached' });
    const verification = await server.lastMailTo(APPLICANT.email);
    const link = /(http:\/\/\S+verify-email\?token=\S+)/.exec(verification.text_body)?.[1];
    expect(link).toBeDefined();
    await page.goto(link as string);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/подтвержд/i);
    await signIn(page, APPLICANT, '/organizations/new');

    // The operator's workspace is not for a representative.
    await page.goto('/operator');
    await page.getByTestId('forbidden-page').waitFor();
    await expectAccessible(page, '/operator (not an operator)');
    await page.goto('/organizations/new');

    // …registers the organization in that municipality…
    const org = page.getByTestId('organization-form');
    await org.locator('input[name=name]').fill(ORG_NAME);
    await org.locator('select[name=kind]').selectOption('culture');
    await org.locator('select[name=municipalityId]').selectOption(municipality.id);
    await org.locator('button[type=submit]').click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);

    // …and applies: «Заявки» in the header, an empty list, a new application.
    await page.getByRole('navigation').getByRole('link', { name: 'Заявки' }).click();
    await page.getByTestId('my-applications').waitFor();
    await page.getByTestId('applications-empty').waitFor();
    await expectAccessible(page, '/applications (representative, empty)');
    await page.getByTestId('new-application').click();
    await page.waitForURL((url) => url.pathname === '/applications/new');
    const form = page.getByTestId('application-form');
    await form.waitFor();
    expect(await form.locator('select[name=municipalityId]').inputValue()).toBe(municipality.id);
    await form.locator('input[name=proposedName]').fill(CENTER_NAME);
    await form.locator('input[name="premises.address"]').fill('ул. Ленина, 1');
    await form.locator('input[name=services]').first().check();
    await form.locator('input[name=services]').nth(2).check();
    await form.locator('input[name="head.name"]').fill('Пётр Ёлкин');
    await form.locator('input[name="head.email"]').fill('elkin@example.ru');
    await form.getByTestId('add-coordinator').click();
    await form.locator('input[name="coordinators.0.name"]').fill('Мария Звёздная');
    await screenshot(page, 'app-01-new');
    await expectAccessible(page, '/applications/new');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const url = page.url();
    await page.getByTestId('application-detail').waitFor();
    expect(await stageOf(page)).toBe('draft');

    // A wrong file is refused with a clear message: by the browser (a .txt) and by the server (an
    // executable renamed to .pdf).
    const checklist = page.getByTestId('document-checklist');
    const kinds = await checklist
      .locator('[data-testid^="upload-input-"]')
      .evaluateAll((inputs) =>
        inputs.map((i) => (i.getAttribute('data-testid') ?? '').replace('upload-input-', '')),
      );
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    const first = kinds[0] as string;
    await page.getByTestId(`upload-input-${first}`).setInputFiles({
      name: 'заметки.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await expect
      .poll(() => page.getByTestId(`upload-error-${first}`).textContent())
      .toMatch(/PDF, JPEG, PNG/);
    await page.getByTestId(`upload-input-${first}`).setInputFiles({
      name: 'устав.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
    });
    await expect.poll(() => page.getByTestId(`upload-error-${first}`).textContent()).toMatch(/\S/);
    await screenshot(page, 'app-02-wrong-file');
    await expectAccessible(page, '/applications/:id (upload refused)');

    // Every checklist document, PDFs and one PNG.
    for (const [i, kind] of kinds.entries()) {
      const file =
        i === 1
          ? { name: `скан-${kind}.png`, mimeType: 'image/png', buffer: PNG }
          : { name: `документ-${kind}.pdf`, mimeType: 'application/pdf', buffer: PDF };
      await page.getByTestId(`upload-input-${kind}`).setInputFiles(file);
      await expect
        .poll(() => page.getByTestId(`document-${kind}`).getAttribute('data-status'))
        .toBe('pending');
    }
    await screenshot(page, 'app-03-uploaded');
    await expectAccessible(page, '/applications/:id (draft with documents)');
    await transition(page, 'submitted');
    await expect.poll(() => stageOf(page)).toBe('submitted');

    // The operator returns the first document with a comment.
    const operator = await newPage();
    const op = operator.page;
    await signIn(op, OPERATOR, '/applications');
    await op.getByTestId('applications-queue').waitFor();
    await op.getByTestId('queue-filters').locator('input[name=q]').fill('Юность');
    await expect.poll(() => op.getByTestId('applications-table').locator('tbody tr').count()).toBe(1);
    await expectAccessible(op, '/applications (queue, filtered)');
    await op.getByTestId('applications-table').getByRole('link', { name: ORG_NAME }).click();
    await op.waitForURL(url);
    await op.getByTestId(`return-${first}`).click();
    // The comment is required.
    await op.getByTestId(`confirm-return-${first}`).click();
    await expect.poll(() => op.locator(`#return-comment-${first}`).getAttribute('aria-invalid')).toBe('true');
    const COMMENT = 'Нужна действующая редакция устава с отметкой налоговой.';
    await op.locator(`#return-comment-${first}`).fill(COMMENT);
    await screenshot(op, 'app-04-returning');
    await expectAccessible(op, '/applications/:id (operator returns)');
    await op.getByTestId(`confirm-return-${first}`).click();
    await expect.poll(() => op.getByTestId(`document-${first}`).getAttribute('data-status')).toBe('returned');

    // The representative sees the comment, the in-app notification and the mail, and uploads v2.
    await page.reload();
    await expect
      .poll(() => page.getByTestId(`document-${first}`).getAttribute('data-status'))
      .toBe('returned');
    expect(await page.getByTestId(`document-${first}`).getByTestId('review-comment').textContent()).toBe(
      COMMENT,
    );
    await expect
      .poll(() => page.getByTestId('notifications-link').getAttribute('aria-label'))
      .toMatch(/Уведомления: \d+ непрочитан/);
    const mail = await server.lastMailTo(APPLICANT.email);
    expect(mail.text_body).toContain(COMMENT);
    await page.getByTestId('notifications-link').click();
    await page.getByTestId('notifications-page').waitFor();
    await expect
      .poll(() => page.getByTestId('notifications-list').textContent())
      .toContain('возвращён документ');
    await screenshot(page, 'app-05-notifications');
    await expectAccessible(page, '/notifications');
    await page.getByTestId('mark-all-read').click();
    await expect.poll(() => page.getByTestId('notifications-unread').textContent()).toMatch(/^0 /);
    await page.goto(url);
    await page.getByTestId(`upload-input-${first}`).setInputFiles({
      name: 'устав-новая-редакция.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await expect
      .poll(() => page.getByTestId(`document-${first}`).getAttribute('data-status'))
      .toBe('pending');
    await page.getByTestId(`document-${first}`).getByTestId('download-v2').waitFor();
    expect(await page.getByTestId(`document-${first}`).getByTestId('download-v1').count()).toBe(1);
    await screenshot(page, 'app-06-replaced');
    await expectAccessible(page, '/applications/:id (v2 uploaded)');

    // The operator accepts every document and moves the application on, stage by stage, to «opened».
    await op.reload();
    for (const kind of kinds) {
      await op.getByTestId(`accept-${kind}`).click();
      await expect
        .poll(() => op.getByTestId(`document-${kind}`).getAttribute('data-status'))
        .toBe('accepted');
    }
    await screenshot(op, 'app-07-accepted');
    for (let step = 0; step < 10 && (await stageOf(op)) !== 'opened'; step += 1) {
      const current = await stageOf(op);
      const next = await op
        .getByTestId('transition-actions')
        .locator('[data-testid^="transition-"]')
        .evaluateAll((buttons) =>
          buttons
            .map((b) => (b.getAttribute('data-testid') ?? '').replace('transition-', ''))
            .filter((to) => !['changes_requested', 'rejected', 'withdrawn'].includes(to)),
        );
      expect(next, `a way forward from ${current}`).toHaveLength(1);
      if (next[0] === 'opened') {
        await screenshot(op, 'app-08-before-opening');
        await expectAccessible(op, '/applications/:id (last stage)');
      }
      await transition(op, next[0] as string, step === 0 ? 'Собеседование назначено.' : undefined);
      await expect.poll(() => stageOf(op)).not.toBe(current);
    }
    expect(await stageOf(op)).toBe('opened');
    await op.getByTestId('opened-center-link').waitFor();
    const timeline = await op.getByTestId('stage-timeline').textContent();
    expect(timeline).toContain('Олег Оператор');
    expect(timeline).toContain('Собеседование назначено.');
    await screenshot(op, 'app-09-opened');
    await expectAccessible(op, '/applications/:id (opened)');

    // The public sees the new centre in the list and on the map, and one more municipality covered.
    const visitor = await newPage();
    const pub = visitor.page;
    await pub.goto('/centers');
    await expect.poll(() => pub.getByTestId('centers-list').textContent()).toContain(CENTER_NAME);
    await expect
      .poll(() => pub.locator(`[data-testid=centers-map] [aria-label*="${CENTER_NAME}"]`).count())
      .toBeGreaterThan(0);
    await screenshot(pub, 'app-10-centers');
    await pub.goto('/');
    await expect
      .poll(() => pub.getByTestId('summary-municipalities-covered').textContent())
      .toBe(String(before.municipalitiesCovered + 1));
    await screenshot(pub, 'app-11-home');
    const after = await json<{ municipalitiesCovered: number }>(pub, '/api/public/summary');
    expect(after.municipalitiesCovered).toBe(before.municipalitiesCovered + 1);

    expect([...errors, ...operator.errors, ...visitor.errors]).toEqual([]);
    await Promise.all([context.close(), operator.context.close(), visitor.context.close()]);
  });
});
