/**
 * Rows: opportunities, shifts, series and day templates (the centre's coordinators and the operator;
 * others get 403 on what is public and 404 on drafts), the centre's week, calendars.
 */
import { but, CENTRE_STAFF, PUBLIC, type Row, SIGNED_IN } from '../matrix.js';

const manage = (route: string, request: Row['request'], nested?: Row['nested']): Row => ({
  route,
  scoped: true,
  expect: CENTRE_STAFF(403),
  request,
  nested,
});

/** A draft is seen by its managers only; to everyone else, signed in or not, it does not exist. */
const DRAFT = but(CENTRE_STAFF(404), { anonymous: 404 });

let n = 0;
const day = () => {
  n += 1;
  return new Date(Date.UTC(2027, 1, 1) + n * 86_400_000).toISOString().slice(0, 10);
};
const series = (startsOn: string) => ({
  frequency: 'weekly',
  weekdays: [3],
  startsOn,
  until: startsOn.replace(/-\d\d$/, '-28'),
  startTime: '15:00',
  durationMinutes: 90,
  capacity: 4,
});

/** The world's series (March 2027, Saturdays 10:00) with another capacity. */
const seriesEdit = (capacity: number) => ({
  ...series('2027-03-01'),
  until: '2027-03-31',
  weekdays: [6],
  startTime: '10:00',
  capacity,
});

export const opportunityRows: Row[] = [
  { route: 'GET /api/public/opportunity-categories', scoped: false, expect: PUBLIC, request: () => ({}) },
  { route: 'GET /api/public/opportunities', scoped: false, expect: PUBLIC, request: () => ({}) },
  {
    route: 'GET /api/public/opportunities/:id',
    scoped: true,
    expect: DRAFT,
    request: (c) => ({ params: { id: c.S.draftOpportunityId } }),
  },
  {
    route: 'GET /api/public/shifts/:id/ics',
    scoped: true,
    expect: DRAFT,
    request: (c) => ({ params: { id: c.S.draftShiftId } }),
  },
  manage('GET /api/centers/:id/opportunities', (c) => ({ params: { id: c.S.center.id } })),
  manage('GET /api/centers/:id/partner-organizations', (c) => ({ params: { id: c.S.center.id } })),
  manage('POST /api/centers/:id/opportunities', (c) => ({
    params: { id: c.S.center.id },
    body: { title: 'Помощь в приюте для животных' },
  })),
  manage('PATCH /api/opportunities/:id', (c) => ({
    params: { id: c.S.opportunityId },
    body: { description: `Описание ${++n}` },
  })),
  manage('POST /api/opportunities/:id/shifts', (c) => {
    const d = day();
    return {
      params: { id: c.S.opportunityId },
      body: { startsAt: `${d}T03:00:00Z`, endsAt: `${d}T05:00:00Z`, capacity: 3 },
    };
  }),
  // nested: the own opportunity with the other centre's shift, series or template.
  manage(
    'PATCH /api/opportunities/:id/shifts/:shiftId',
    (c) => ({ params: { id: c.S.opportunityId, shiftId: c.S.shiftId }, body: { capacity: 10 + ++n } }),
    (c) => ({ params: { id: c.S.opportunityId, shiftId: c.O.shiftId }, body: { capacity: 1 } }),
  ),
  manage('POST /api/opportunities/:id/series', (c) => ({
    params: { id: c.S.opportunityId },
    body: series(`2027-${String(4 + (++n % 8)).padStart(2, '0')}-01`),
  })),
  manage(
    'PUT /api/opportunities/:id/series/:seriesId',
    (c) => ({ params: { id: c.S.opportunityId, seriesId: c.S.seriesId }, body: seriesEdit(5 + ++n) }),
    (c) => ({ params: { id: c.S.opportunityId, seriesId: c.O.seriesId }, body: seriesEdit(1) }),
  ),
  manage(
    'POST /api/opportunities/:id/shifts/from-template',
    (c) => ({ params: { id: c.S.opportunityId }, body: { templateId: c.S.templateId, date: day() } }),
    (c) => ({ params: { id: c.S.opportunityId }, body: { templateId: c.O.templateId, date: day() } }),
  ),
  manage('GET /api/centers/:id/shift-templates', (c) => ({ params: { id: c.S.center.id } })),
  manage('POST /api/centers/:id/shift-templates', (c) => ({
    params: { id: c.S.center.id },
    body: { name: `Воскресенье ${++n}`, slots: [{ start: '10:00', end: '13:00', capacity: 2 }] },
  })),
  manage('GET /api/centers/:id/schedule', (c) => ({ params: { id: c.S.center.id } })),

  { route: 'GET /api/me/calendar-feed', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  { route: 'POST /api/me/calendar-feed', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  { route: 'DELETE /api/me/calendar-feed', scoped: false, expect: SIGNED_IN, request: () => ({}) },
  {
    // The token is the secret: whoever holds the address reads the feed (a volunteer's own calendar app).
    route: 'GET /api/calendar/:token',
    scoped: false,
    expect: PUBLIC,
    request: (c) => ({ params: { token: c.w.feedPath.split('/').at(-1) as string } }),
  },
];
