/**
 * Mail goes through a transactional outbox: a service writes the message in its own transaction, then
 * asks for delivery; a job sends it over SMTP (SMTP_URL) or, without SMTP, records it in the log.
 * Failures are retried by the job queue; pending messages are re-queued at start.
 */
import type { Kysely, Transaction } from 'kysely';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Locale } from '../../../shared/limits.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { Jobs } from '../jobs/jobs.js';
import { type MailTemplate, renderMail } from './templates.js';

export const MAIL_QUEUE = 'mail-deliver';
const RETRY_LIMIT = 5;

export type Mailer = {
  /** Writes the message to the outbox inside the caller's transaction; returns its id. */
  enqueue(
    trx: Kysely<Database> | Transaction<Database>,
    to: string,
    locale: Locale,
    mail: MailTemplate,
  ): Promise<string>;
  /** Asks the job queue to deliver (call after the transaction committed). */
  dispatch(ids: string[]): Promise<void>;
  /** Re-queues messages left pending (e.g. by a crash between commit and dispatch). */
  requeuePending(): Promise<number>;
  close(): void;
};

export function createMailer(deps: {
  db: Kysely<Database>;
  jobs: Jobs;
  clock: Clock;
  log: Logger;
  smtpUrl: string | null;
  from: string;
}): Mailer {
  const { db, jobs, clock, log } = deps;
  const transport = deps.smtpUrl ? nodemailer.createTransport(deps.smtpUrl) : null;

  jobs.define<{ outboxId: string }>(
    MAIL_QUEUE,
    { retryLimit: RETRY_LIMIT, retryDelaySeconds: 5, retryBackoff: true },
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
            to: message.to_address,
            subject: message.subject,
            text: message.text_body,
            html: message.html_body ?? undefined,
          });
        } else {
          log.info(
            { mail: { to: message.to_address, subject: message.subject, text: message.text_body } },
            'mail recorded in the outbox (SMTP_URL is not set)',
          );
        }
        await db
          .updateTable('outbox_emails')
          .set({
            status: transport ? 'sent' : 'logged',
            sent_at: clock.now(),
            attempts: message.attempts + 1,
          })
          .where('id', '=', outboxId)
          .execute();
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
    },
  );

  return {
    async enqueue(trx, to, locale, mail) {
      const rendered = renderMail(locale, mail);
      const row = await trx
        .insertInto('outbox_emails')
        .values({
          to_address: to,
          subject: rendered.subject,
          text_body: rendered.text,
          html_body: rendered.html,
          template: mail.template,
          created_at: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async dispatch(ids) {
      for (const outboxId of ids) await jobs.send(MAIL_QUEUE, { outboxId }, { singletonKey: outboxId });
    },
    async requeuePending() {
      const pending = await db
        .selectFrom('outbox_emails')
        .select('id')
        .where('status', '=', 'pending')
        .execute();
      for (const { id } of pending) await jobs.send(MAIL_QUEUE, { outboxId: id }, { singletonKey: id });
      return pending.length;
    },
    close() {
      transport?.close();
    },
  };
}
