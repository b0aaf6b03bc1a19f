/**
 * Lost updates in the browser: the operator edits the same centre profile in two tabs. The first save
 * wins; the second tab is told in plain words that the record changed, keeps what was typed, loads the
 * current version on request (the first tab's change appears, the typed change stays) and saves on top.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot, signIn } from './support/browser.js';
import { addRegionalAdmin, startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const EMAIL = 'conflict-operator@example.ru';
const PASSWORD = 'Оператор-вкладки-2026!';

beforeAll(async () => {
  server = await startServer();
  await addRegionalAdmin(server, { email: EMAIL, displayName: 'Вера Оператор', password: PASSWORD });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('two tabs edit one centre profile', () => {
  it('the second save is refused with a plain message; nothing typed or saved is lost', async () => {
    const center = await server.runtime.handle.db
      .selectFrom('centers')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const url = `/centers/${center.id}`;
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'ru-RU',
      viewport: { width: 1280, height: 1000 },
    });
    const errors: string[] = [];
    const first = await context.newPage();
    first.on('pageerror', (e) => errors.push(e.message));
    await signIn(first, { email: EMAIL, password: PASSWORD }, url);
    const second = await context.newPage();
    second.on('pageerror', (e) => errors.push(e.message));
    await second.goto(url);

    // Both tabs open the editor on the same version.
    for (const page of [first, second]) {
      await page.getByRole('button', { name: 'Изменить профиль' }).click();
      await page.getByTestId('profile-form').waitFor();
    }
    const formA = first.getByTestId('profile-form');
    const formB = second.getByTestId('profile-form');

    await formA.getByLabel('Часы работы').fill('Пн–Сб 09:00–20:00');
    await formA.getByRole('button', { name: 'Сохранить' }).click();
    await first.getByTestId('profile-saved').waitFor();

    await formB.getByLabel('Телефон').fill('+7 (3842) 77-88-99');
    await formB.getByRole('button', { name: 'Сохранить' }).click();
    const conflict = second.getByTestId('edit-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/Запись изменил другой пользователь/);
    expect(await conflict.textContent()).toMatch(/остались в форме/);
    // What was typed is still there.
    expect(await formB.getByLabel('Телефон').inputValue()).toBe('+7 (3842) 77-88-99');
    await screenshot(second, 'edit-conflict');
    await expectAccessible(second, '/centers/:id (edit conflict)');

    await conflict.getByRole('button', { name: 'Загрузить текущую версию' }).click();
    await second.getByTestId('edit-reloaded').waitFor();
    // The other tab's change arrived in the field left alone; the typed phone stayed.
    expect(await formB.getByLabel('Часы работы').inputValue()).toBe('Пн–Сб 09:00–20:00');
    expect(await formB.getByLabel('Телефон').inputValue()).toBe('+7 (3842) 77-88-99');
    await formB.getByRole('button', { name: 'Сохранить' }).click();
    await second.getByTestId('profile-saved').waitFor();

    // Both changes are kept.
    await first.reload();
    await expect
      .poll(() => first.getByTestId('center-page').textContent())
      .toMatch(/Пн–Сб 09:00–20:00[\s\S]*\+7 \(3842\) 77-88-99|\+7 \(3842\) 77-88-99[\s\S]*Пн–Сб 09:00–20:00/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
