/**
 * iCalendar (RFC 5545) output via ical-generator: times in UTC, text escaped and folded by the library.
 * Every line ends with CRLF, the last one too (the library leaves the last one bare). SEQUENCE is the
 * shift's `ical_sequence`, raised with each change of its time, place or status. A subscribed feed
 * carries refresh hints (REFRESH-INTERVAL, RFC 7986, and X-PUBLISHED-TTL): an hour.
 */
import ical, { ICalEventStatus } from 'ical-generator';

/** How often a subscribed calendar client is asked to fetch the feed again. */
export const FEED_REFRESH_SECONDS = 3600;

export type CalendarShift = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled';
  title: string;
  description: string;
  centerName: string;
  address: string | null;
  isOnline: boolean;
  opportunityId: string;
  /** Raised with each change of time, place or status (0 for a shift never changed). */
  sequence: number;
};

export function calendar(
  name: string,
  shifts: CalendarShift[],
  publicUrl: string,
  now: Date,
  options: { feed?: boolean } = {},
): string {
  const cal = ical({
    name,
    prodId: { company: 'Dobroset', product: 'Dobroset', language: 'RU' },
    ...(options.feed ? { ttl: FEED_REFRESH_SECONDS } : {}),
  });
  for (const s of shifts) {
    cal.createEvent({
      id: `shift-${s.id}@dobroset`,
      start: s.startsAt,
      end: s.endsAt,
      stamp: now,
      summary: s.title,
      description: [s.centerName, s.description].filter(Boolean).join('\n\n'),
      location: s.isOnline ? 'Онлайн' : (s.address ?? null),
      url: `${publicUrl.replace(/\/$/, '')}/opportunities/${s.opportunityId}`,
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: s.sequence,
    });
  }
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
