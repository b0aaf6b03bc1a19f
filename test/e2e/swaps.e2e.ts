/**
 * Handing a shift over by e-mail on "My shifts", in the browser: the volunteer offers the place to an
 * address with an account and to one without; both answers look the same (the address, "waiting for an
 * answer"); the person with the account sees the offer in their own list and accepts it; the place moves.
 * axe on both pages; on a 360 px phone nothing scrolls sideways.
 */

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/platform/auth/actor.js';
import { userActor } from '../support/actors.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import { buildShift, setProfile } from '../support/signups.fixtures.js';
import { expectAccessible, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { expectNoSidewaysScroll, PHONE } from './support/phone.js';
import { startServer } from './support/server.js';

const TITLE = 'Сортировка книг для сельских библиотек';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let giver: { id: string; email: string };
let peer: { id: string; email: string };
let shiftId: string;

beforeAll(async () => {
  server = await startServer();
  const db = server.runtime.handle.db;
  const center = await db
    .selectFrom('centers')
    .select('id')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  giver = await buildUser(db, { role: 'volunteer', displayName: 'Вера Передающая' });
  peer = await buildUser(db, { role: 'volunteer', displayName: 'Глеб Принимающий' });
  for (const who of [giver, peer]) await setProfile(db, who.id, { birthDate: '1994-04-04' });
  const shift = await buildShift(db, {
    centerId: center.id,
    startsAt: new Date(Date.now() + 5 * 86_400_000),
    capacity: 1,
    title: TITLE,
  });
  shiftId = shift.id;
  const actor: Actor = userActor(giver);
  await server.runtime.services.signups.service.signUp(actor, shiftId, {});
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const holderOf = async () =>
  (
    await server.runtime.handle.db
      .selectFrom('signups')
      .select('user_id')
      .where('shift_id', '=', shiftId)
      .where('status', '=', 'confirmed')
      .execute()
  ).map((r) => r.user_id);

describe('handing a shift over', () => {
  it('offers by e-mail with the same answer for any address; the addressee accepts in their account', async () => {
    const { context, page, errors } = await openPage(browser, server.baseUrl, PHONE);
    await signIn(page, { email: giver.email, password: TEST_PASSWORD }, '/my/shifts');
    const upcoming = page.getByTestId('signups-upcoming');
    await expect.poll(() => upcoming.getByTestId('signup-card').count()).toBe(1);

    const offerTo = async (typed: string) => {
      await upcoming.getByRole('button', { name: 'Передать' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Предложение придёт письмом на этот адрес.', { exact: false }).waitFor();
      await dialog.getByLabel('Почта добровольца').fill(typed);
      await dialog.getByRole('button', { name: 'Предложить смену' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    // an address with an account, typed in capitals, and one nobody has: the page answers the same
    const nobody = 'nobody-here@example.ru';
    await offerTo(`  ${peer.email.toUpperCase()} `);
    await page.getByTestId('swap-sent').getByText(`Предложение отправлено на ${peer.email}.`).waitFor();
    await offerTo(nobody);
    await page.getByTestId('swap-sent').getByText(`Предложение отправлено на ${nobody}.`).waitFor();
    const outgoing = page.locator('[data-testid=swap-offer][data-direction=outgoing]');
    await expect.poll(() => outgoing.count()).toBe(2);
    for (const address of [peer.email, nobody]) {
      await outgoing
        .getByText(`Вы предложили «${TITLE}» по адресу ${address} — ждём ответа`, { exact: true })
        .waitFor();
    }
    // nothing has moved yet
    expect(await holderOf()).toEqual([giver.id]);
    // the pointer rests where the dialog's button was, over a card button: axe judges the page at rest
    await page.mouse.move(0, 0);
    await expectAccessible(page, '/my/shifts with swap offers');
    await expectNoSidewaysScroll(page, '/my/shifts with swap offers');
    await screenshot(page, 'swaps-01-offered');

    // The addressee signs in and finds the offer in their own list.
    const other = await openPage(browser, server.baseUrl, PHONE);
    await signIn(other.page, { email: peer.email, password: TEST_PASSWORD }, '/my/shifts');
    const incoming = other.page.locator('[data-testid=swap-offer][data-direction=incoming]');
    await expect.poll(() => incoming.count()).toBe(1);
    expect(await incoming.textContent()).toContain(`Вера Передающая предлагает вам «${TITLE}»`);
    await expectAccessible(other.page, '/my/shifts with an incoming swap offer');
    await incoming.getByRole('button', { name: 'Принять' }).click();
    const mine = other.page.getByTestId('signups-upcoming');
    await expect.poll(() => mine.getByTestId('signup-card').getAttribute('data-status')).toBe('confirmed');
    expect(await mine.textContent()).toContain(TITLE);
    await screenshot(other.page, 'swaps-02-accepted');
    expect(await holderOf()).toEqual([peer.id]);

    // The giver's place is handed over; their open offers are gone.
    await page.reload();
    const past = page.getByTestId('signups-past');
    await expect.poll(() => past.getByTestId('signup-card').getAttribute('data-status')).toBe('cancelled');
    expect(await past.textContent()).toContain('Передано другому добровольцу');
    expect(await page.locator('[data-testid=swap-offer]').count()).toBe(0);

    expect([...errors, ...other.errors]).toEqual([]);
    await other.context.close();
    await context.close();
  }, 120_000);
});
