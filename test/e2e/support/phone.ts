/** Checks for a page on a 360 px wide phone: nothing scrolls sideways and the main action is in view. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A common Android phone (360 × 800 CSS pixels). */
export const PHONE = { width: 360, height: 800 } as const;

/** No horizontal scroll: the document is no wider than the window. */
export async function expectNoSidewaysScroll(page: Page, label: string) {
  const widths = await page.evaluate(() => ({
    scroll: (document.scrollingElement ?? document.documentElement).scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, `${label}: page wider than the window`).toBeLessThanOrEqual(widths.inner);
}

/** The element lies wholly inside the window as the page is now scrolled (no scrolling to reach it). */
export async function expectInViewport(page: Page, element: Locator, label: string) {
  const box = await element.boundingBox();
  const size = page.viewportSize();
  expect(box, `${label}: not rendered`).not.toBeNull();
  expect(size).not.toBeNull();
  if (!box || !size) return;
  expect(
    {
      left: box.x >= 0,
      top: box.y >= 0,
      right: box.x + box.width <= size.width,
      bottom: box.y + box.height <= size.height,
    },
    `${label}: outside the window (${JSON.stringify(box)})`,
  ).toEqual({ left: true, top: true, right: true, bottom: true });
}

/** Waits until no CSS transition or animation is running (a dialog has faded in), before axe or a box. */
export async function settle(page: Page) {
  await expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
}
