/** Debian's Chromium through playwright-core (no browser downloads), plus axe and screenshots. */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ARTIFACTS = path.resolve('artifacts/e2e');

export interface LaunchOptions {
  /**
   * A Y4M video (see fake-camera.ts) that Chromium plays as the only webcam; camera prompts are
   * accepted automatically, so getUserMedia({ video }) resolves without a user.
   */
  fakeCamera?: string;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...(options.fakeCamera
        ? [
            '--use-fake-ui-for-media-stream',
            '--use-fake-device-for-media-stream',
            `--use-file-for-fake-video-capture=${options.fakeCamera}`,
          ]
        : []),
    ],
  });
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Zero WCAG 2.1 A/AA violations, with the rule ids and targets in the failure message. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Signs in through the login form and waits until the app has gone on to `next`. */
export async function signIn(page: Page, who: { email: string; password: string }, next: string) {
  await page.goto(`/login?next=${next}`);
  const form = page.getByTestId('login-form');
  await form.locator('input[name=email]').fill(who.email);
  await form.locator('input[name=password]').fill(who.password);
  await form.locator('button[type=submit]').click();
  // Not a glob: `**/x` would already match `/login?next=/x`.
  await page.waitForURL((url) => url.pathname === next);
}

/** A fresh Russian-language page on the app, collecting uncaught page errors (assert they stay empty). */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
) {
  const context = await browser.newContext({ baseURL, locale: 'ru-RU', viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}
