/**
 * Calendar output: an .ics file per shift (anyone who may see the opportunity), and a private feed URL
 * per volunteer with their confirmed shifts. Only the feed token's hash is stored; the URL is shown
 * once, when it is created or replaced.
 */
import { type Kysely, sql } from 'kysely';
import { type Actor, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { newToken, tokenHash } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type CalendarShift, calendar } from './ical.js';
import type { OpportunitiesRepo } from './opportunities.repo.js';
import type { OpportunitiesService } from './opportunities.service.js';

type Db = Kysely<Database>;
const FEED_PAST_DAYS = 90;

export function createIcalService(deps: {
  db: Db;
  repo: OpportunitiesRepo;
  opportunities: OpportunitiesService;
  clock: Clock;
  publicUrl: string;
}) {
  const { db, repo, opportunities, clock, publicUrl } = deps;
  const feedUrl = (token: string) => `${publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`;

  const audit = (actor: Actor, action: string, userId: string) =>
    db
      .insertInto('audit_events')
      .values({
        at: clock.now(),
        actor_id: actor.kind === 'user' ? actor.userId : null,
        action,
        entity: 'calendar_feed',
        entity_id: userId,
        data: JSON.stringify({}),
      })
      .execute();

  return {
    async shiftIcs(actor: Actor, shiftId: string): Promise<string> {
      const shift = await db.selectFrom('shifts').selectAll().where('id', '=', shiftId).executeTakeFirst();
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
      const owner = await db
        .selectFrom('calendar_feeds')
        .select('user_id')
        .where('token_hash', '=', tokenHash(token))
        .executeTakeFirst();
      if (!owner) throw notFound('calendar');
      const since = new Date(clock.now().getTime() - FEED_PAST_DAYS * 86_400_000);
      const rows = (await repo.hasSignups())
        ? (
            await sql<CalendarShift & { startsAt: Date }>`
              select s.id, s.starts_at as "startsAt", s.ends_at as "endsAt", s.status, o.title,
                o.description, c.name as "centerName", o.address, o.is_online as "isOnline",
                o.id as "opportunityId", s.ical_sequence as sequence
              from signups g
              join shifts s on s.id = g.shift_id
              join opportunities o on o.id = s.opportunity_id
              join centers c on c.id = o.center_id
              where g.user_id = ${owner.user_id} and g.status in ('confirmed', 'attended')
                and s.starts_at >= ${since}
              order by s.starts_at
              limit 1000
            `.execute(db)
          ).rows
        : [];
      return calendar('Добросеть: мои смены', rows, publicUrl, clock.now(), { feed: true });
    },

    async status(actor: Actor) {
      const user = requireUser(actor);
      const row = await db
        .selectFrom('calendar_feeds')
        .select('created_at')
        .where('user_id', '=', user.userId)
        .executeTakeFirst();
      return { active: row !== undefined, url: null, createdAt: row?.created_at.toISOString() ?? null };
    },

    /** Creates the feed, or replaces its address (the old one stops working). */
    async reset(actor: Actor) {
      const user = requireUser(actor);
      const token = newToken();
      const now = clock.now();
      await db
        .insertInto('calendar_feeds')
        .values({ user_id: user.userId, token_hash: tokenHash(token), created_at: now })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({ token_hash: tokenHash(token), created_at: now }),
        )
        .execute();
      await audit(actor, 'calendar_feed.issued', user.userId);
      return { active: true, url: feedUrl(token), createdAt: now.toISOString() };
    },

    async remove(actor: Actor) {
      const user = requireUser(actor);
      await db.deleteFrom('calendar_feeds').where('user_id', '=', user.userId).execute();
      await audit(actor, 'calendar_feed.removed', user.userId);
    },
  };
}
export type IcalService = ReturnType<typeof createIcalService>;
