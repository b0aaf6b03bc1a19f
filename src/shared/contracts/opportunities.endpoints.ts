/** Endpoints of the opportunities feature; spread into the shared endpoint table (endpoints.ts). */
import { Type } from 'typebox';
import { MEDIA } from './files.js';
import * as O from './opportunities.js';

export const opportunitiesEndpoints = {
  opportunityCategories: {
    method: 'GET',
    path: '/api/public/opportunity-categories',
    response: O.CategoryList,
  },
  searchOpportunities: {
    method: 'GET',
    path: '/api/public/opportunities',
    query: O.SearchQuery,
    response: O.SearchResult,
  },
  opportunity: {
    method: 'GET',
    path: '/api/public/opportunities/:id',
    params: O.OpportunityIdParams,
    response: O.OpportunityEnvelope,
  },
  centerOpportunities: {
    method: 'GET',
    path: '/api/centers/:id/opportunities',
    params: O.CenterIdParams,
    response: O.CenterOpportunityList,
  },
  partnerCandidates: {
    method: 'GET',
    path: '/api/centers/:id/partner-organizations',
    params: O.CenterIdParams,
    query: O.PartnerCandidatesQuery,
    response: O.PartnerCandidates,
  },
  createOpportunity: {
    method: 'POST',
    path: '/api/centers/:id/opportunities',
    params: O.CenterIdParams,
    body: O.CreateOpportunityBody,
    response: O.OpportunityEnvelope,
  },
  updateOpportunity: {
    method: 'PATCH',
    path: '/api/opportunities/:id',
    params: O.OpportunityIdParams,
    body: O.UpdateOpportunityBody,
    response: O.OpportunityEnvelope,
  },
  createShift: {
    method: 'POST',
    path: '/api/opportunities/:id/shifts',
    params: O.OpportunityIdParams,
    body: O.CreateShiftBody,
    response: O.OpportunityEnvelope,
  },
  updateShift: {
    method: 'PATCH',
    path: '/api/opportunities/:id/shifts/:shiftId',
    params: O.ShiftParams,
    body: O.UpdateShiftBody,
    response: O.OpportunityEnvelope,
  },
  createSeries: {
    method: 'POST',
    path: '/api/opportunities/:id/series',
    params: O.OpportunityIdParams,
    body: O.SeriesBody,
    response: O.SeriesResult,
  },
  updateSeries: {
    method: 'PUT',
    path: '/api/opportunities/:id/series/:seriesId',
    params: O.SeriesParams,
    body: O.SeriesBody,
    response: O.SeriesResult,
  },
  stampTemplate: {
    method: 'POST',
    path: '/api/opportunities/:id/shifts/from-template',
    params: O.OpportunityIdParams,
    body: O.StampTemplateBody,
    response: O.OpportunityEnvelope,
  },
  shiftTemplates: {
    method: 'GET',
    path: '/api/centers/:id/shift-templates',
    params: O.CenterIdParams,
    response: O.ShiftTemplateList,
  },
  createShiftTemplate: {
    method: 'POST',
    path: '/api/centers/:id/shift-templates',
    params: O.CenterIdParams,
    body: O.CreateTemplateBody,
    response: O.ShiftTemplate,
  },
  calendarFeed: { method: 'GET', path: '/api/me/calendar-feed', response: O.CalendarFeed },
  resetCalendarFeed: { method: 'POST', path: '/api/me/calendar-feed', response: O.CalendarFeed },
  deleteCalendarFeed: { method: 'DELETE', path: '/api/me/calendar-feed', response: Type.Null() },

  // iCalendar files (text/calendar). Calendar apps subscribe to the feed: its address and answer stay put.
  shiftIcs: {
    method: 'GET',
    path: '/api/public/shifts/:id/ics',
    params: O.ShiftIcsParams,
    file: { types: [MEDIA.ics], description: 'iCalendar (RFC 5545), one event', disposition: 'attachment' },
  },
  calendarFeedIcs: {
    method: 'GET',
    path: '/api/calendar/:token',
    params: O.CalendarFeedParams,
    file: {
      types: [MEDIA.ics],
      description: 'iCalendar (RFC 5545) with REFRESH-INTERVAL and X-PUBLISHED-TTL of an hour',
      cache: 'private, max-age=300',
    },
  },
} as const;
