/**
 * Helpers of the check-in journeys (checkin-journeys.e2e.ts): pages whose clock is in Moscow, region
 * times, reading QR codes (from the fake camera in a page, from the SVG a page draws), the signup row,
 * and a shift happening now for the check-in desk.
 */
import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../../src/server/platform/db/schema.js';
import { buildUser } from '../../support/factories.js';
import { buildShift, setProfile } from '../../support/signups.fixtures.js';

const require = createRequire(import.meta.url);
/** jsQR, in Node and as its browser bundle defines it on `window`. */
type JsQR = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = require('jsqr') as JsQR;
const MINUTE = 60_000;
type Db = Kysely<Database>;

/** A Russian-language page whose browser clock is in Moscow, four hours behind the region (Kemerovo). */
export async function openMoscowPage(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 900 },
) {
  const context = await browser.newContext({
    baseURL,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

export const hhmm = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone }).format(at);
/** A time as the region (Kemerovo) reads it. */
export const regionTime = (at: Date) => hhmm(at, 'Asia/Novokuznetsk');

export function signupRow(db: Db, shiftId: string, userId: string) {
  return db
    .selectFrom('signups')
    .select(['id', 'status', 'checked_in_at', 'checked_out_at', 'check_in_method', 'checked_in_by'])
    .where('shift_id', '=', shiftId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** Starts the (fake) camera on the page, draws frames to a canvas and returns what jsQR reads there. */
export async function scanWithCamera(page: Page): Promise<string | null> {
  await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
  return page.evaluate(async () => {
    const decode = (window as unknown as { jsQR: JsQR }).jsQR;
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    document.body.append(video);
    await video.play();
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    try {
      for (let attempt = 0; attempt < 50 && ctx; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (video.readyState < 2 || video.videoWidth === 0) continue;
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        ctx.drawImage(video, 0, 0);
        const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const code = decode(image.data, image.width, image.height);
        if (code) return code.data;
      }
      return null;
    } finally {
      for (const track of stream.getTracks()) track.stop();
      video.remove();
    }
  });
}

/**
 * What the QR code a page draws says (test id `checkin-qr`: one SVG path, a square per dark module):
 * the modules redrawn as pixels in Node and read with jsQR (the app's CSP keeps test scripts out).
 */
export async function readDrawnQr(page: Page): Promise<string | null> {
  const svg = await page.getByTestId('checkin-qr').evaluate((el) => ({
    viewBox: el.getAttribute('viewBox') ?? '',
    d: el.querySelector('path')?.getAttribute('d') ?? '',
  }));
  const size = Number(svg.viewBox.split(' ')[2]);
  const px = 6;
  const width = size * px;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of svg.d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < px; dy++) {
      for (let dx = 0; dx < px; dx++) {
        const at = ((Number(y) * px + dy) * width + Number(x) * px + dx) * 4;
        pixels.fill(0, at, at + 3);
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}

/** The desk's counts (test id `desk-counts`) as numbers. */
export async function deskCounts(page: Page) {
  const counts = page.getByTestId('desk-counts');
  const count = async (key: string) => Number(await counts.locator(`[data-count=${key}] dd`).textContent());
  return {
    expected: await count('expected'),
    arrived: await count('arrived'),
    noShow: await count('noShow'),
    free: await count('free'),
  };
}

export const DESK_TITLE = 'Раздача продуктовых наборов';

/** A shift of the centre that began ten minutes ago (4 places), with two confirmed volunteers. */
export async function deskScene(db: Db, centerId: string) {
  const startsAt = new Date(Date.now() - 10 * MINUTE);
  const shift = await buildShift(db, { centerId, startsAt, hours: 3, capacity: 4, title: DESK_TITLE });
  const person = async (displayName: string) => {
    const user = await buildUser(db, { role: 'volunteer', displayName });
    await setProfile(db, user.id, { birthDate: '1996-09-01' });
    // Signed up before the start (signing up for a started shift is refused, so written directly).
    await db
      .insertInto('signups')
      .values({
        shift_id: shift.id,
        user_id: user.id,
        status: 'confirmed',
        created_by: user.id,
        created_at: new Date(),
        updated_at: new Date(),
      } as never)
      .execute();
    return user;
  };
  return {
    shiftId: shift.id,
    startsAt,
    alena: await person('Алёна Королёва'),
    mikhail: await person('Михаил Соколов'),
  };
}
