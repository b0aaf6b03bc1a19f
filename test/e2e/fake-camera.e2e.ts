/**
 * The fake camera the check-in journeys rely on: Chromium plays a Y4M file as the webcam
 * (support/fake-camera.ts), and a page's getUserMedia + jsQR reads exactly the QR code written into it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { scanWithCamera } from './support/checkin.js';
import { writeQrY4m } from './support/fake-camera.js';

let browser: Browser;
let cameraDir: string;
let cameraFile: string;

beforeAll(async () => {
  cameraDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-e2e-camera-'));
  cameraFile = writeQrY4m('dobroset: camera warm-up', path.join(cameraDir, 'camera.y4m'));
  browser = await launchBrowser({ fakeCamera: cameraFile });
});
afterAll(async () => {
  await browser?.close();
  if (cameraDir) fs.rmSync(cameraDir, { recursive: true, force: true });
});

describe('the fake camera', () => {
  it('shows getUserMedia the QR code written to the Y4M file, and a rewritten file on the next start', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // getUserMedia needs a secure context, which about:blank is not; localhost is (served by the route).
    await page.route('http://localhost/camera', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>camera</title>' }),
    );
    await page.goto('http://localhost/camera');
    await page.setContent('<!doctype html><html lang="ru"><body><h1>Камера</h1></body></html>');

    const first = `http://localhost:3000/check-in?token=e2e.${'x'.repeat(60)}`;
    writeQrY4m(first, cameraFile);
    expect(await scanWithCamera(page)).toBe(first);

    // Chromium opens the file on every camera start, so a journey can show a code it learns later.
    const second = 'Добросеть: смена № 42';
    writeQrY4m(second, cameraFile);
    expect(await scanWithCamera(page)).toBe(second);
    expect(errors).toEqual([]);
    await context.close();
  });
});
