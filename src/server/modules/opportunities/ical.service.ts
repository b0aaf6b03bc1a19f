/**
 * Calendar output: an .ics file per shift (anyone who may see the opportunity), and a private feed URL
 * per volunteer with their confirmed shifts. Only the feed token's hash is stored; the URL is shown
 * once, when it is created or replaced.
 */
import type { Kysely } from 'kysely';
import type { AuditAction, AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { newToken, tokenHash } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type CalendarShift, calendar } from './ical.js';
import type { CalendarRepo } from './ical.repo.js';
import type { OpportunitiesService } from './opportunities.service.js';

type Db = Kysely<Database>;
const FEED_PAST_DAYS = 90;

export function createIcalService(deps: {
  db: Db;
  feeds: CalendarRepo;
  opportunities: OpportunitiesService;
  clock: Clock;
  audit: AuditWriter;
  publicUrl: string;
}) {
  const { db, feeds, opportunities, clock, audit, publicUrl } = deps;
  const feedUrl = (token: string) => `${publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`;

  const record = (actor: Actor, action: AuditAction<'calendar_feed'>, userId: string) =>
    audit.record(db, {
      actorId: actor.kind === 'user' ? actor.userId : null,
      action,
      target: 'calendar_feed',
      targetId: userId,
    });

  return {
    async shiftIcs(actor: Actor, shiftId: string): Promise<string> {
      const shift = await feeds.shift(shiftId);
      if (!shift) throw notFound('shift');
      const { o } = await opportunities.load(actor, shift.opportunity_id);
      const item: CalendarShift = {
        id: shift.id,
        startsAt: shift.starts_at,
        endsAt: shift.ends_at,
        status: shift.status,
        title: o.title,
        description: o.description,
        centerName: o.center_name,
        address: o.address,
        isOnline: o.is_online,
        opportunityId: o.id,
        sequence: shift.ical_sequence,
      };
      return calendar(o.title, [item], publicUrl, clock.now());
    },

    /** The feed of the user whose token this is: confirmed (and attended) shifts from 90 days back. */
    async feed(token: string): Promise<string> {
      const owner = await feeds.feedByTokenHash(tokenHash(token));
      if (!owner) throw notFound('calendar');
      const since = new Date(clock.now().getTime() - FEED_PAST_DAYS * 86_400_000);
      const rows = await feeds.feedShifts(owner.user_id, since);
      return calendar('Добросеть: мои смены', rows, publicUrl, clock.now(), { feed: true });
    },

    async status(actor: Actor) {
      const user = requireUser(actor);
      const row = await feeds.feedOf(user.userId);
      return { active: row !== undefined, url: null, createdAt: row?.created_at.toISOString() ?? null };
    },

    /** Creates the feed, or replaces its address (the old one stops working). */
    async reset(actor: Actor) {
      const user = requireUser(actor);
      const token = newToken();
      const now = clock.now();
      await feeds.saveFeed({ user_id: user.userId, token_hash: tokenHash(token), created_at: now });
      await record(actor, 'calendar_feed.issued', user.userId);
      return { active: true, url: feedUrl(token), createdAt: now.toISOString() };
    },

    async remove(actor: Actor) {
      const user = requireUser(actor);
      await feeds.removeFeed(user.userId);
      await record(actor, 'calendar_feed.removed', user.userId);
    },
  };
}
export type IcalService = ReturnType<typeof createIcalService>;
