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
    const feed = unfold((await w.t.request('GET', url.pathname)).body);
    expect(feed).toContain('BEGIN:VEVENT');
    expect(feed).toContain('SUMMARY:Сбор помощи');
    const status = await w.t.request('GET', '/api/me/calendar-feed', { cookie: w.cookies.volunteer });
    expect(status.json()).toMatchObject({ active: true, url: null });
    const replaced = await w.t.request('POST', '/api/me/calendar-feed', { cookie: w.cookies.volunteer });
    expect((await w.t.request('GET', url.pathname)).statusCode).toBe(404);
    expect((await w.t.request('GET', new URL(replaced.json().url).pathname)).statusCode).toBe(200);
  });
});
