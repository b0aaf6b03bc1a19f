/**
 * Reminders before a shift: one 24 h before (sent when the start is at most 24 h and more than 2 h away)
 * and one 2 h before (at most 2 h away, not started), each at most once per signup, to confirmed people
 * only, by mail and in-app, in the recipient's language with the time in the shift's time zone.
 *
 * A sweep (the `signups-remind` queue, every 5 minutes while workers run) claims due signups with
 * `update … set reminded_*_at = now … where reminded_*_at is null returning …` and writes the notices in
 * the same transaction, so two instances never send one twice. Someone confirmed inside the 24 h window has
 * just had the confirmation: their 24 h reminder is marked handled without a mail; likewise the 2 h one when
 * the confirmation came less than 2 h 30 min before the start.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { ClaimedReminder, ReminderColumn, RemindersRepo } from './reminders.repo.js';
import type { SignupNotifier } from './signups.notify.js';
import type { SignupsRepo } from './signups.repo.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** How many signups one transaction of the sweep claims. */
const BATCH = 100;
/** The path of the web app's check-in page (the venue's QR code opens it too). */
export const CHECK_IN_PATH = '/check-in';

type Kind = {
  event: 'reminder_24h' | 'reminder_2h';
  column: ReminderColumn;
  /** Due when the start is in (now + after, now + until]. */
  after: number;
  until: number;
  /** Not sent (only marked) when the confirmation came less than this before the start. */
  skipConfirmedWithin: number;
};

export const REMINDERS: readonly Kind[] = [
  {
    event: 'reminder_24h',
    column: 'reminded_24h_at',
    after: 2 * HOUR,
    until: 24 * HOUR,
    skipConfirmedWithin: 24 * HOUR,
  },
  {
    event: 'reminder_2h',
    column: 'reminded_2h_at',
    after: 0,
    until: 2 * HOUR,
    skipConfirmedWithin: 2 * HOUR + 30 * MINUTE,
  },
];

/** Place details every shift notice carries (in-app params, and the mail's address / online line). */
export function placeParams(shift: {
  opportunity_id: string;
  ends_at: Date;
  address: string | null;
  is_online: boolean;
}) {
  return {
    opportunityId: shift.opportunity_id,
    endsAt: shift.ends_at.toISOString(),
    address: shift.address,
    online: shift.is_online ? 'true' : null,
  };
}

export function createReminders(deps: {
  db: Kysely<Database>;
  clock: Clock;
  mailer: Mailer;
  notify: SignupNotifier;
  repo: SignupsRepo;
  reminders: RemindersRepo;
}) {
  const { db, clock, mailer, notify, repo, reminders } = deps;

  /** Writes the notices of claimed signups in `trx`; returns the outbox ids and how many were sent. */
  async function send(trx: Kysely<Database>, kind: Kind, claimed: ClaimedReminder[], now: Date) {
    const shifts = new Map(
      (await reminders.shifts([...new Set(claimed.map((c) => c.shift_id))], trx)).map((s) => [s.id, s]),
    );
    const users = new Map(
      (await repo.users([...new Set(claimed.map((c) => c.user_id))], trx)).map((u) => [u.id, u]),
    );
    const mail: string[] = [];
    let sent = 0;
    for (const c of claimed) {
      const shift = shifts.get(c.shift_id);
      const user = users.get(c.user_id);
      if (!shift || !user) continue;
      // Confirmed inside the window: the confirmation has just told them; the claim marks it handled.
      if (c.confirmed_at.getTime() >= shift.starts_at.getTime() - kind.skipConfirmedWithin) continue;
      const ids = await notify(
        trx,
        [user],
        {
          event: kind.event,
          shift: { id: shift.id, title: shift.title, startsAt: shift.starts_at, timezone: shift.timezone },
          link: `/opportunities/${shift.opportunity_id}`,
          mail: true,
          params: { ...placeParams(shift), checkIn: CHECK_IN_PATH },
        },
        now,
      );
      mail.push(...ids);
      sent += 1;
    }
    return { mail, sent };
  }

  return {
    /**
     * Sends every reminder that is due now, each once; returns how many went out and how many due ones
     * were only marked (late confirmations).
     */
    async sweep(): Promise<{ sent: number; skipped: number }> {
      let sent = 0;
      let skipped = 0;
      for (const kind of REMINDERS) {
        for (;;) {
          const now = clock.now();
          const window = {
            after: new Date(now.getTime() + kind.after),
            until: new Date(now.getTime() + kind.until),
          };
          const result = await db.transaction().execute(async (trx) => {
            const claimed = await reminders.claim(kind.column, window, now, BATCH, trx);
            return { claimed: claimed.length, ...(await send(trx, kind, claimed, now)) };
          });
          await mailer.dispatch(result.mail);
          sent += result.sent;
          skipped += result.claimed - result.sent;
          if (result.claimed < BATCH) break;
        }
      }
      return { sent, skipped };
    },
  };
}
export type Reminders = ReturnType<typeof createReminders>;
