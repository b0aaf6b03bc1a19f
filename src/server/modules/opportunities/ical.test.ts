import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpportunityWorld, opportunityWorld } from '../../../../test/support/opportunity-world.js';

let w: OpportunityWorld;
let opportunityId: string;
let shiftId: string;
beforeAll(async () => {
  w = await opportunityWorld();
  opportunityId = await w.opportunity(
    {
      title: 'Сбор помощи; «упаковка», сортировка',
      description: 'Склад: ул. Весенняя, 1\nВход со двора',
      address: 'г. Кемерово, ул. Весенняя, 1',
    },
    { shifts: [{ startsAt: '2026-12-05T03:00:00Z' }] },
  );
  shiftId = (await w.t.request('GET', `/api/public/opportunities/${opportunityId}`)).json().opportunity
    .shifts[0].id;
});
afterAll(async () => {
  await w.t.close();
});

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** The file as a calendar client reads it (ical.js), and its events. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)) };
}

/** RFC 5545 line endings: every line ends with CRLF, the last one too, and no bare LF anywhere. */
function expectCrlf(ics: string) {
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
}

describe('iCalendar', () => {
  it('a shift as .ics: a valid VCALENDAR with Cyrillic text, escaped, in UTC', async () => {
    const r = await w.t.request('GET', `/api/public/shifts/${shiftId}/ics`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/calendar');
    const ics = unfold(r.body);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics).toContain('VERSION:2.0');
    expect(ics).toContain('DTSTART:20261205T030000Z');
    expect(ics).toContain('DTEND:20261205T060000Z');
    expect(ics).toContain('SUMMARY:Сбор помощи\\; «упаковка»\\, сортировка');
    expect(ics).toContain('LOCATION:г. Кемерово\\, ул. Весенняя\\, 1');
    expect(ics).toContain('Вход со двора');
    expect(ics).toMatch(/DESCRIPTION:[^\r\n]*\\n/);
    expect(ics).toContain(`UID:shift-${shiftId}@dobroset`);
    // Every physical line is at most 75 octets (RFC 5545 folding).
    for (const line of r.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expectCrlf(r.body);
    const { events } = parse(r.body);
    expect(events).toHaveLength(1);
    expect(events[0]?.summary).toBe('Сбор помощи; «упаковка», сортировка');
    expect(events[0]?.location).toBe('г. Кемерово, ул. Весенняя, 1');
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe('2026-12-05T03:00:00.000Z');
    expect(events[0]?.sequence).toBe(0);
  });

  it('SEQUENCE goes up each time the shift moves in time or place (or is cancelled), not otherwise', async () => {
    const id = await w.opportunity(
      { title: 'Посадка деревьев', address: 'Парк Победы' },
      { shifts: [{ startsAt: '2026-12-12T03:00:00Z' }] },
    );
    const shift = (await w.t.request('GET', `/api/public/opportunities/${id}`)).json().opportunity.shifts[0]
      .id as string;
    const sequence = async () => {
      const r = await w.t.request('GET', `/api/public/shifts/${shift}/ics`);
      expectCrlf(r.body);
      return parse(r.body).events[0]?.sequence;
    };
    const patchShift = (body: object) =>
      w.t.request('PATCH', `/api/opportunities/${id}/shifts/${shift}`, { cookie: w.cookies.operator, body });
    const patchOpportunity = (body: object) =>
      w.t.request('PATCH', `/api/opportunities/${id}`, { cookie: w.cookies.operator, body });
    expect(await sequence()).toBe(0);
    expect((await patchShift({ capacity: 9 })).statusCode).toBe(200);
    expect(await sequence()).toBe(0);
    expect(
      (await patchShift({ startsAt: '2026-12-12T04:00:00Z', endsAt: '2026-12-12T07:00:00Z' })).statusCode,
    ).toBe(200);
    expect(await sequence()).toBe(1);
    expect((await patchShift({ endsAt: '2026-12-12T08:00:00Z' })).statusCode).toBe(200);
    expect(await sequence()).toBe(2);
    expect((await patchOpportunity({ description: 'Лопаты выдадут' })).statusCode).toBe(200);
    expect(await sequence()).toBe(2);
    expect((await patchOpportunity({ address: 'Сквер Гагарина' })).statusCode).toBe(200);
    expect(await sequence()).toBe(3);
    expect((await patchShift({ status: 'cancelled' })).statusCode).toBe(200);
    const r = await w.t.request('GET', `/api/public/shifts/${shift}/ics`);
    expect(parse(r.body).events[0]?.sequence).toBe(4);
    expect(parse(r.body).events[0]?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('a draft opportunity’s shift is not downloadable by the public', async () => {
    const draft = await w.opportunity({ title: 'Черновик' }, { publish: false });
    const s = (
      await w.t.request('GET', `/api/public/opportunities/${draft}`, { cookie: w.cookies.operator })
    ).json().opportunity.shifts[0].id;
    expect((await w.t.request('GET', `/api/public/shifts/${s}/ics`)).statusCode).toBe(404);
  });

  it('a private feed lists the volunteer’s confirmed shifts; replacing the URL retires the old one', async () => {
    expect((await w.t.request('GET', '/api/me/calendar-feed')).statusCode).toBe(401);
    const issued = await w.t.request('POST', '/api/me/calendar-feed', { cookie: w.cookies.volunteer });
    expect(issued.statusCode).toBe(200);
    const url = new URL(issued.json().url as string);
    expect(url.pathname).toMatch(/^\/api\/calendar\/[\w-]+\.ics$/);
    const empty = await w.t.request('GET', url.pathname);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).not.toContain('BEGIN:VEVENT');
    await w.confirm(shiftId, w.volunteer.id);
    const raw = (await w.t.request('GET', url.pathname)).body;
    expectCrlf(raw);
    // refresh hints for calendar clients that subscribe to the feed: an hour
    expect(raw).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(raw).toContain('\r\nX-PUBLISHED-TTL:PT1H\r\n');
    const { calendar, events } = parse(raw);
    expect(calendar.getFirstPropertyValue('refresh-interval')?.toString()).toBe('PT1H');
    expect(events.map((e) => e.summary)).toEqual(['Сбор помощи; «упаковка», сортировка']);
    const feed = unfold(raw);
    expect(feed).toContain('BEGIN:VEVENT');
    expect(feed).toContain('SUMMARY:Сбор помощи');
    const status = await w.t.request('GET', '/api/me/calendar-feed', { cookie: w.cookies.volunteer });
    expect(status.json()).toMatchObject({ active: true, url: null });
    const replaced = await w.t.request('POST', '/api/me/calendar-feed', { cookie: w.cookies.volunteer });
    expect((await w.t.request('GET', url.pathname)).statusCode).toBe(404);
    expect((await w.t.request('GET', new URL(replaced.json().url).pathname)).statusCode).toBe(200);
  });
});
