/** iCalendar (RFC 5545) output via ical-generator: times in UTC, text escaped and folded by the library. */
import ical, { ICalEventStatus } from 'ical-generator';

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
};

export function calendar(name: string, shifts: CalendarShift[], publicUrl: string, now: Date): string {
  const cal = ical({ name, prodId: { company: 'Dobroset', product: 'Dobroset', language: 'RU' } });
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
    });
  }
  return cal.toString();
}
