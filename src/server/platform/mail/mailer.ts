/**
 * Mail goes through a transactional outbox: a service writes the message in its own transaction, then
 * asks for delivery; a job sends it over SMTP (SMTP_URL) or, without SMTP, records it in the log.
 * Failures are retried by the job queue. Messages left pending (a crash or an outage between commit and
 * dispatch) are re-queued at start and by a sweep every 5 minutes; re-queueing skips a message that
 * already has a job, so it never adds a second one.
 *
 * The worker fetches up to 20 messages at once and sends 5 at a time.
 */

import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Locale } from '../../../shared/limits.js';
import type { Clock } from '../clock.js';
import { databaseFault } from '../db/faults.js';
import type { Database } from '../db/schema.js';
import type { Jobs } from '../jobs/jobs.js';
import { type ComposedMail, type MailTemplate, renderMail } from './templates.js';

export const MAIL_QUEUE = 'mail-deliver';
/** The sweep that re-queues messages left pending (every 5 minutes, one job for the whole cluster). */
export const MAIL_SWEEP_QUEUE = 'mail-requeue';
const RETRY_LIMIT = 5;
/** A message pending this long without a job is taken as forgotten by the sweep. */
const SWEEP_AFTER_SECONDS = 60;

/** Runs `fn`, retrying database faults for about a minute (0.5, 1, 2 … 16 s apart). */
async function withRetries<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 6 || !databaseFault(error)) throw error;
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}

export type Mailer = {
  /**
   * Writes the message to the outbox inside the caller's transaction; returns its id. `mail` is a shared
   * template with its values, or a mail a module composed with its own template; `at` is when it was
   * written (now by default).
   */
  enqueue(
    trx: Kysely<Database> | Transaction<Database>,
    to: string,
    locale: Locale,
    mail: MailTemplate | ComposedMail,
    at?: Date,
  ): Promise<string>;
  /** Asks the job queue to deliver (call after the transaction committed). */
  dispatch(ids: string[]): Promise<void>;
  /**
   * Queues every pending message that has no job yet (e.g. after a crash between commit and dispatch);
   * `olderThanSeconds` leaves out messages written just now. Returns how many were queued.
   */
  requeuePending(options?: { olderThanSeconds?: number }): Promise<number>;
  close(): void;
};

export function createMailer(deps: {
  db: Kysely<Database>;
  jobs: Jobs;
  clock: Clock;
  log: Logger;
  smtpUrl: string | null;
  from: string;
  /**
   * Without SMTP: a folder where each message is also written as an .eml file (readable by any mail
   * program), so a trial install can open its verification and reset links — never the log (ADR 0016).
   */
  mailDir?: string | null;
}): Mailer {
  const { db, jobs, clock, log } = deps;
  // Bounded waits on the SMTP server, so a delivery always ends well within the job's expiry (5 min).
  const transport = deps.smtpUrl
    ? nodemailer.createTransport(deps.smtpUrl, {
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      })
    : null;

  const messageIdDomain = /@([\w.-]+)>?\s*$/.exec(deps.from)?.[1] ?? 'dobroset.invalid';

  jobs.define<{ outboxId: string }>(
    MAIL_QUEUE,
    {
      retryLimit: RETRY_LIMIT,
      retryDelaySeconds: 5,
      retryBackoff: true,
      batchSize: 20,
      concurrency: 5,
      policy: 'short',
      expireInSeconds: 300,
    },
    async ({ outboxId }, meta) => {
      const message = await db
        .selectFrom('outbox_emails')
        .selectAll()
        .where('id', '=', outboxId)
        .executeTakeFirst();
      if (message?.status !== 'pending') return;
      try {
        if (transport) {
          await transport.sendMail({
            from: deps.from,
            // One Message-ID per outbox row: a retry after an unrecorded success carries the same id,
            // so a receiving server (or a person's mail program) can recognise the duplicate.
            messageId: `<${message.id}@${messageIdDomain}>`,
            to: message.to_address,
            subject: message.subject,
            text: message.text_body,
            html: message.html_body ?? undefined,
          });
        } else {
          const file = deps.mailDir
            ? await writeEml(deps.mailDir, {
                from: deps.from,
                messageId: `<${message.id}@${messageIdDomain}>`,
                to: message.to_address,
                subject: message.subject,
                text: message.text_body,
                html: message.html_body ?? undefined,
                name: `${message.created_at.toISOString().replace(/[:.]/g, '-')}-${message.template}-${message.id}`,
              })
            : null;
          log.info(
            // never the address, the subject or the text: they carry personal data and one-time links
            { mail: { outboxId, template: message.template, ...(file ? { file } : {}) } },
            file
              ? 'mail written to the mail folder (SMTP_URL is not set)'
              : 'mail kept in the outbox table (SMTP_URL is not set)',
          );
        }
      } catch (error) {
        const final = meta.retryCount >= RETRY_LIMIT;
        await db
          .updateTable('outbox_emails')
          .set({
            attempts: message.attempts + 1,
            last_error: String((error as Error).message).slice(0, 500),
            ...(final ? { status: 'failed' as const } : {}),
          })
          .where('id', '=', outboxId)
          .execute();
        log.warn({ err: error, outboxId, final }, 'mail delivery failed');
        throw error;
      }
      // Delivered: record it, riding out a short database outage — failing now would send it again.
      await withRetries(() =>
        db
          .updateTable('outbox_emails')
          .set({
            status: transport ? 'sent' : 'logged',
            sent_at: clock.now(),
            attempts: message.attempts + 1,
          })
          .where('id', '=', outboxId)
          .execute(),
      );
    },
  );

  const mailer: Mailer = {
    async enqueue(trx, to, locale, mail, at) {
      const rendered = renderMail(locale, mail);
      const row = await trx
        .insertInto('outbox_emails')
        .values({
          to_address: to,
          subject: rendered.subject,
          text_body: rendered.text,
          html_body: rendered.html,
          template: mail.template,
          created_at: at ?? clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async dispatch(ids) {
      // After the commit: an unreachable queue must not turn a committed change into an error; the
      // message stays pending and the sweep picks it up.
      for (const outboxId of ids)
        await jobs.sendAfterCommit(MAIL_QUEUE, { outboxId }, { singletonKey: outboxId });
    },
    async requeuePending(options = {}) {
      let query = db.selectFrom('outbox_emails').select('id').where('status', '=', 'pending');
      if (options.olderThanSeconds) {
        query = query.where(
          'created_at',
          '<',
          new Date(clock.now().getTime() - options.olderThanSeconds * 1000),
        );
      }
      const pending = (await query.orderBy('created_at').execute()).map((r) => r.id);
      let queued = 0;
      for (let i = 0; i < pending.length; i += 500) {
        const chunk = pending.slice(i, i + 500);
        const open = await jobs.openKeys(MAIL_QUEUE, chunk);
        for (const id of chunk) {
          if (open.has(id)) continue;
          // the queue's `short` policy refuses a second waiting job for the key, should two sweeps race
          if (await jobs.send(MAIL_QUEUE, { outboxId: id }, { singletonKey: id })) queued++;
        }
      }
      return queued;
    },
    close() {
      transport?.close();
    },
  };

  jobs.define<Record<string, never>>(
    MAIL_SWEEP_QUEUE,
    { retryLimit: 2, retryDelaySeconds: 30, retryBackoff: false, pollSeconds: 5 },
    async () => {
      const requeued = await mailer.requeuePending({ olderThanSeconds: SWEEP_AFTER_SECONDS });
      if (requeued > 0) log.info({ requeued }, 'pending mail re-queued');
    },
  );
  jobs.schedule(MAIL_SWEEP_QUEUE, '*/5 * * * *');
  return mailer;
}

const emlWriter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/** Renders the message as RFC 5322 (.eml) into `dir/<name>.eml`, readable only by the server's user. */
async function writeEml(
  dir: string,
  mail: {
    from: string;
    messageId: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    name: string;
  },
): Promise<string> {
  const { name, ...message } = mail;
  const info = (await emlWriter.sendMail(message)) as unknown as { message: Buffer };
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${name}.eml`);
  await fs.writeFile(file, info.message, { mode: 0o600 });
  return file;
}
