/**
 * Tells people about signup steps: an in-app notification and a mail through the mailer's outbox (written
 * in the caller's transaction; the caller dispatches the returned outbox ids after commit). The texts are
 * the module's own templates (signups.mail.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { NotificationsService } from '../notifications/index.js';
import { renderSignupMail, type SignupMail } from './signups.mail.js';

export type Recipient = { id: string; email: string; display_name: string; locale: 'ru' | 'en' };

export type SignupNotice = SignupMail & {
  /** Mail too (confirmations, offers, swaps, messages); otherwise in-app only. */
  mail: boolean;
};

export function createSignupNotifier(deps: {
  notifications: NotificationsService;
  mailer: Mailer;
  publicUrl: string;
}) {
  const { notifications, mailer, publicUrl } = deps;

  /** Queues one mail of the notice (in `trx`, written at `at`); returns the outbox id. */
  const queueMail = (
    trx: Kysely<Database>,
    to: { email: string; locale: 'ru' | 'en'; name: string },
    notice: SignupNotice,
    at: Date,
  ) => mailer.enqueue(trx, to.email, to.locale, renderSignupMail(to.locale, to.name, notice, publicUrl), at);

  /** In-app rows and outbox mail for the recipients, in `trx`; returns the outbox ids to dispatch. */
  const notify = async function notify(
    trx: Kysely<Database>,
    recipients: readonly Recipient[],
    notice: SignupNotice,
    at: Date,
  ): Promise<string[]> {
    const unique = recipients.filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i);
    if (unique.length === 0) return [];
    await notifications.notify(
      trx,
      unique.map((r) => r.id),
      {
        kind: `signup.${notice.event}`,
        link: notice.link,
        params: {
          shiftId: notice.shift.id,
          title: notice.shift.title,
          startsAt: notice.shift.startsAt.toISOString(),
          ...notice.params,
        },
      },
    );
    if (!notice.mail) return [];
    const ids: string[] = [];
    for (const r of unique) {
      ids.push(await queueMail(trx, { email: r.email, locale: r.locale, name: r.display_name }, notice, at));
    }
    return ids;
  };
  /** Mail only, to an address that may have no account (an invitation): Russian, no name. */
  const mailTo = (trx: Kysely<Database>, email: string, notice: SignupNotice, at: Date) =>
    queueMail(trx, { email, locale: 'ru', name: '' }, notice, at);
  return Object.assign(notify, { mailTo });
}
export type SignupNotifier = ReturnType<typeof createSignupNotifier>;
