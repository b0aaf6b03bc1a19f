import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { OpportunityServices } from './opportunities.wiring.js';

export function registerOpportunityRoutes(app: FastifyInstance, deps: OpportunityServices) {
  const {
    opportunities,
    opportunityShifts: shifts,
    opportunityCalendar: calendar,
    opportunityNetwork,
  } = deps;
  const tags = ['opportunities'];

  route(app, ep.opportunityCategories, {
    summary: 'The opportunity categories',
    tags,
    handler: () => opportunities.categories(),
  });
  route(app, ep.searchOpportunities, {
    summary: 'Search published opportunities: Russian full text, filters, near a point; one query per page',
    tags,
    handler: async ({ query }, request) =>
      opportunities.search(request.actor, query, (await opportunityNetwork.currentRegion()).timezone),
  });
  route(app, ep.opportunity, {
    summary: 'One opportunity with its upcoming shifts (drafts only for its managers)',
    tags,
    handler: async ({ params }, request) => ({
      opportunity: await opportunities.view(request.actor, params.id),
    }),
    etag: (r) => r.opportunity.version,
  });
  route(app, ep.centerOpportunities, {
    summary: "A centre's opportunities in every status (its coordinators and the operator)",
    tags,
    handler: ({ params }, request) => opportunities.listForCenter(request.actor, params.id),
  });
  route(app, ep.partnerCandidates, {
    summary: 'Organizations of the region the centre may name as partner (name or INN search)',
    tags,
    handler: ({ params, query }, request) =>
      opportunities.partnerCandidates(request.actor, params.id, query.q),
  });
  route(app, ep.createOpportunity, {
    summary: 'Create a draft opportunity of the centre',
    tags,
    status: 201,
    handler: async ({ params, body }, request) => ({
      opportunity: await opportunities.create(request.actor, params.id, body),
    }),
  });
  route(app, ep.updateOpportunity, {
    summary: 'Edit an opportunity, publish, cancel or complete it',
    tags,
    handler: async ({ params, body, ifMatch }, request) => ({
      opportunity: await opportunities.update(request.actor, params.id, body, ifMatch),
    }),
    etag: (r) => r.opportunity.version,
  });
  route(app, ep.createShift, {
    summary: 'Add a one-off shift (with optional roles)',
    tags,
    status: 201,
    handler: async ({ params, body }, request) => ({
      opportunity: await shifts.createShift(request.actor, params.id, body),
    }),
  });
  route(app, ep.updateShift, {
    summary: 'Move, resize or cancel a shift',
    tags,
    handler: async ({ params, body, ifMatch }, request) => ({
      opportunity: await shifts.updateShift(request.actor, params.id, params.shiftId, body, ifMatch),
    }),
    // The answer is the whole opportunity; the ETag is the edited shift's.
    etag: (r, { params }) => r.opportunity.shifts.find((s) => s.id === params.shiftId)?.version,
  });
  route(app, ep.createSeries, {
    summary: 'Add a weekly or monthly series of shifts, expanded into shifts; the answer counts them',
    tags,
    status: 201,
    handler: ({ params, body }, request) => shifts.createSeries(request.actor, params.id, body),
  });
  route(app, ep.updateSeries, {
    summary:
      'Change a series; future unbooked shifts follow, booked ones stay as they are; the answer counts what changed',
    tags,
    handler: ({ params, body, ifMatch }, request) =>
      shifts.updateSeries(request.actor, params.id, params.seriesId, body, ifMatch),
    etag: (r, { params }) => r.opportunity.series.find((s) => s.id === params.seriesId)?.version,
  });
  route(app, ep.stampTemplate, {
    summary: "Create a day's shifts from a template",
    tags,
    status: 201,
    handler: async ({ params, body }, request) => ({
      opportunity: await shifts.stampTemplate(request.actor, params.id, body.templateId, body.date),
    }),
  });
  route(app, ep.shiftTemplates, {
    summary: "The centre's shift templates",
    tags,
    handler: ({ params }, request) => shifts.templates(request.actor, params.id),
  });
  route(app, ep.createShiftTemplate, {
    summary: 'Save a template of one day’s shifts',
    tags,
    status: 201,
    handler: ({ params, body }, request) => shifts.createTemplate(request.actor, params.id, body),
  });
  route(app, ep.calendarFeed, {
    summary: 'Whether my private calendar feed exists',
    tags,
    handler: (_input, request) => calendar.status(request.actor),
  });
  route(app, ep.resetCalendarFeed, {
    summary: 'Create my private calendar feed, or replace its address; the URL is shown only now',
    tags,
    handler: (_input, request) => calendar.reset(request.actor),
  });
  route(app, ep.deleteCalendarFeed, {
    summary: 'Turn my calendar feed off',
    tags,
    handler: async (_input, request) => {
      await calendar.remove(request.actor);
      return null;
    },
  });

  route(app, ep.shiftIcs, {
    summary: 'One shift as an iCalendar file',
    tags,
    handler: async ({ params }, request) => ({
      body: await calendar.shiftIcs(request.actor, params.id),
      filename: `shift-${params.id}.ics`,
    }),
  });
  route(app, ep.calendarFeedIcs, {
    summary: "A volunteer's private feed of confirmed shifts (the token is the secret)",
    tags,
    handler: async ({ params }) => ({
      body: await calendar.feed(params.token.replace(/\.ics$/, '')),
    }),
  });
}
