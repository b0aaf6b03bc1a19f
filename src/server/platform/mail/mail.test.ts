/** Mail over a real SMTP server started in the test (smtp-server), with retries through the job queue. */
import { type AddressInfo, createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { buildUser } from '../../../../test/support/factories.js';
import { ACCOUNT_MAIL_QUEUE } from '../../modules/accounts/index.js';
import { MAIL_QUEUE } from './mailer.js';

type Received = { from: string; to: string[]; raw: string };

async function freePort() {
  return new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

let received: Received[] = [];
let failNext = 0;
let smtp: SMTPServer;
let t: TestPlatform;

beforeAll(async () => {
  const port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failNext > 0) {
          failNext--;
          const error = new Error('try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  t = await createTestPlatform({
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Добросеть <robot@example.ru>' },
  });
});

afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('mail delivery', () => {
  it('sends the verification mail over SMTP with a Cyrillic subject and marks it sent', async () => {
    received = [];
    await t.request('POST', '/api/auth/register', {
      body: {
        email: 'smtp-user@example.ru',
        password: 'Кузбасс-2026-волонтёр',
        displayName: 'Семён',
        consent: {
          personalData: true,
          version: (await import('../../../shared/limits.js')).PERSONAL_DATA_CONSENT_VERSION,
        },
      },
    });
    const [row] = await t.mailbox('smtp-user@example.ru');
    expect(row?.status).toBe('sent');
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(['smtp-user@example.ru']);
    expect(received[0]?.from).toBe('robot@example.ru');
    expect(received[0]?.raw).toMatch(/Subject: =\?UTF-8\?/);
    expect(received[0]?.raw).toContain('verify-email?token=');
  });

  it('retries a temporary SMTP failure through the job queue, and records the attempts', async () => {
    received = [];
    failNext = 1;
    const user = await buildUser(t.db, { email: 'retry@example.ru' });
    await t.request('POST', '/api/auth/password-reset/request', { body: { email: user.email } });
    await t.runtime.jobs.drain(ACCOUNT_MAIL_QUEUE); // the request is queued first (accounts.jobs.ts)
    await t.runtime.jobs.drain(MAIL_QUEUE);
    let row = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', user.email)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.last_error).toMatch(/451|try again/);
    expect(received).toHaveLength(0);

    // The job is back in the queue with a delay; retry now rather than wait for the back-off.
    await t.db.executeQuery(
      (await import('kysely'))
        .sql`update pgboss.job set start_after = now() - interval '1 minute' where name = ${MAIL_QUEUE} and state = 'retry'`.compile(
        t.db,
      ),
    );
    await t.runtime.jobs.drain(MAIL_QUEUE);
    row = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', user.email)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(2);
    expect(received).toHaveLength(1);
  });

  it('re-queues mail left pending by a crash between commit and dispatch, without sending twice', async () => {
    received = [];
    const now = new Date();
    await t.db
      .insertInto('outbox_emails')
      .values({
        to_address: 'orphan@example.ru',
        subject: 'Тема',
        text_body: 'Текст',
        template: 'verify_email',
        created_at: now,
      })
      .execute();
    expect(await t.runtime.mailer.requeuePending()).toBeGreaterThanOrEqual(1);
    await t.runtime.mailer.requeuePending();
    await t.runtime.jobs.drain(MAIL_QUEUE);
    expect(received.filter((m) => m.to.includes('orphan@example.ru'))).toHaveLength(1);
  });
});
