/**
 * Without SMTP, `dobroset start` writes each mail as an .eml file into DATA_DIR/mail, so a trial install
 * can open its verification and reset links — while the log carries neither the address nor the link.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/template.js';
import { createTestClock } from '../clock.js';
import type { DatabaseHandle } from '../db/database.js';
import { createJobs, type Jobs } from '../jobs/jobs.js';
import { createMailer, MAIL_QUEUE, type Mailer } from './mailer.js';

let handle: DatabaseHandle;
let jobs: Jobs;
let mailer: Mailer;
let dir: string;
const logLines: string[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-mail-'));
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const log = pino({ level: 'info' }, sink);
  jobs = createJobs(handle.executor, log, { work: false });
  mailer = createMailer({
    db: handle.db,
    jobs,
    clock: createTestClock(),
    log,
    smtpUrl: null,
    from: 'Добросеть <no-reply@localhost>',
    mailDir: path.join(dir, 'mail'),
  });
  await jobs.start();
});

afterAll(async () => {
  await jobs.stop();
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the mail folder', () => {
  it('holds each message as an .eml that a mail parser reads back, and the log names only the file', async () => {
    const link = 'http://localhost:3000/reset-password?token=секрет-abc123';
    const id = await mailer.enqueue(handle.db, 'алёна@пример.рф', 'ru', {
      template: 'reset_password',
      vars: { name: 'Алёна Королёва', link },
    });
    await mailer.dispatch([id]);
    expect(await jobs.drain(MAIL_QUEUE)).toBe(1);

    const files = fs.readdirSync(path.join(dir, 'mail'));
    expect(files).toHaveLength(1);
    const file = path.join(dir, 'mail', files[0] as string);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const parsed = await simpleParser(fs.readFileSync(file));
    expect(parsed.messageId).toBe(`<${id}@localhost>`);
    const row = await handle.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('logged');
    expect(parsed.subject).toBe(row.subject);
    expect(parsed.text?.trim()).toBe(row.text_body.trim());
    expect(parsed.text).toContain(link);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value[0]?.address).toBe('алёна@пример.рф');

    const log = logLines.join('');
    expect(log).toContain(files[0] as string);
    expect(log).not.toContain('секрет');
    expect(log).not.toContain(encodeURIComponent('секрет'));
    expect(log).not.toContain('алёна');
    expect(log).not.toContain('Королёва');
  });
});
