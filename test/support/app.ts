/** A whole platform on a fresh database for one test file: services, job queue (no polling) and app. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import pino from 'pino';
import { ACCOUNT_MAIL_QUEUE } from '../../src/server/modules/accounts/index.js';
import { createTestClock } from '../../src/server/platform/clock.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { MAIL_QUEUE } from '../../src/server/platform/mail/mailer.js';
import { createRuntime, type Runtime } from '../../src/server/runtime.js';
import { openTestDatabase } from './template.js';

export const CSRF = { 'x-requested-with': 'dobroset' } as const;

export type TestPlatform = Awaited<ReturnType<typeof createTestPlatform>>;

export async function createTestPlatform(
  options: { env?: Record<string, string>; authRateLimit?: { max: number; timeWindow: string } } = {},
) {
  const handle = await openTestDatabase();
  const clock = createTestClock();
  // Uploaded files go to a directory of this platform's own, removed on close.
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-uploads-'));
  const config = loadConfig({
    PUBLIC_URL: 'http://localhost:3000',
    LOG_LEVEL: 'silent',
    UPLOAD_DIR: uploadDir,
    ...options.env,
  });
  const start = () =>
    createRuntime({
      config,
      log: pino({ level: 'silent' }),
      clock,
      handle,
      work: false,
      webDir: null,
      authRateLimit: options.authRateLimit ?? { max: 1000, timeWindow: '1 minute' },
    });
  const runtime: Runtime = await start();
  const db = handle.db;
  const request = requester(runtime);

  /**
   * Another app instance on the same database (its own services and in-memory state, as a second server
   * process would have): `request` goes to it; close it before the platform.
   */
  async function instance() {
    const other = await start();
    return { runtime: other, request: requester(other), close: () => other.close() };
  }

  /** Delivers queued mail now and returns the outbox, newest last. */
  async function mailbox(to?: string) {
    // "send me a link" requests are queued first (accounts.jobs.ts), then their mail is delivered
    await runtime.jobs.drain(ACCOUNT_MAIL_QUEUE);
    await runtime.jobs.drain(MAIL_QUEUE);
    let q = db.selectFrom('outbox_emails').selectAll().orderBy('created_at');
    if (to) q = q.where('to_address', '=', to);
    return q.execute();
  }

  return {
    runtime,
    app: runtime.app,
    db,
    clock,
    services: runtime.services,
    request,
    instance,
    mailbox,
    close: async () => {
      await runtime.close();
      await handle.close();
      fs.rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

/** JSON request through app.inject, with the CSRF header and a cookie jar of one session. */
function requester(runtime: Runtime) {
  return async function request(
    method: InjectOptions['method'],
    url: string,
    opts: { body?: unknown; cookie?: string | null; headers?: Record<string, string>; csrf?: boolean } = {},
  ) {
    const headers: Record<string, string> = { ...(opts.csrf === false ? {} : CSRF), ...opts.headers };
    if (opts.cookie) headers.cookie = opts.cookie;
    return runtime.app.inject({
      method,
      url,
      headers,
      ...(opts.body !== undefined ? { payload: opts.body as InjectOptions['payload'] } : {}),
    });
  };
}

export function sessionCookie(response: { headers: Record<string, unknown> }): string {
  const raw = response.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : [raw];
  const found = list.find((c) => typeof c === 'string' && c.startsWith('dobroset_session='));
  if (typeof found !== 'string') throw new Error('no session cookie in the response');
  return found.split(';')[0] as string;
}

export function tokenFromMail(text: string): string {
  const match = /token=([\w%-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no token in mail: ${text}`);
  return decodeURIComponent(match[1]);
}
