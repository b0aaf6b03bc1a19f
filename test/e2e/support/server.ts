/** The real app (built web assets, real HTTP) on a fresh database, on a free local port. */
import fs from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ACCOUNT_MAIL_QUEUE } from '../../../src/server/modules/accounts/index.js';
import { systemClock } from '../../../src/server/platform/clock.js';
import { loadConfig } from '../../../src/server/platform/config.js';
import { MAIL_QUEUE } from '../../../src/server/platform/mail/mailer.js';
import { createRuntime } from '../../../src/server/runtime.js';
import { seedAll } from '../../../src/server/seed/seed.js';
import { openTestDatabase } from '../../support/template.js';

export async function startServer() {
  const handle = await openTestDatabase();
  await seedAll(handle.db, systemClock, { demo: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-e2e-uploads-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    UPLOAD_DIR: uploadDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
  });
  const runtime = await createRuntime({
    config,
    log: pino({ level: 'silent' }),
    handle,
    work: false,
    webDir: path.resolve('dist/web'),
  });
  await runtime.app.listen({ host: '127.0.0.1', port });
  return {
    baseUrl,
    runtime,
    /** The newest mail to an address, after delivering the queue. */
    async lastMailTo(to: string) {
      // reset and "verify again" requests are looked up on their own queue first (no timing tells)
      await runtime.jobs.drain(ACCOUNT_MAIL_QUEUE);
      await runtime.jobs.drain(MAIL_QUEUE);
      const row = await handle.db
        .selectFrom('outbox_emails')
        .selectAll()
        .where('to_address', '=', to)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      if (!row) throw new Error(`no mail to ${to}`);
      return row;
    },
    async stop() {
      await runtime.close();
      await handle.close();
      fs.rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A regional operator of the seeded region who can sign in with the given password. */
export async function addRegionalAdmin(
  server: Awaited<ReturnType<typeof startServer>>,
  who: { email: string; displayName: string; password: string },
) {
  const db = server.runtime.handle.db;
  const region = await db.selectFrom('regions').select('id').executeTakeFirstOrThrow();
  await server.runtime.services.accounts.createRegionalAdmin({ ...who, regionId: region.id });
}
