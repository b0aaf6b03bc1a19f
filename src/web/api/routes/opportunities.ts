import type { opportunitiesEndpoints } from '../../../shared/contracts/opportunities.endpoints';
import type { RouteTable } from '../route-table';

export const opportunitiesRoutes: RouteTable<keyof typeof opportunitiesEndpoints> = {
  opportunityCategories: { method: 'GET', path: '/api/public/opportunity-categories' },
  searchOpportunities: { method: 'GET', path: '/api/public/opportunities' },
  opportunity: { method: 'GET', path: '/api/public/opportunities/:id' },
  centerOpportunities: { method: 'GET', path: '/api/centers/:id/opportunities' },
  partnerCandidates: { method: 'GET', path: '/api/centers/:id/partner-organizations' },
  createOpportunity: { method: 'POST', path: '/api/centers/:id/opportunities' },
  updateOpportunity: { method: 'PATCH', path: '/api/opportunities/:id' },
  createShift: { method: 'POST', path: '/api/opportunities/:id/shifts' },
  updateShift: { method: 'PATCH', path: '/api/opportunities/:id/shifts/:shiftId' },
  createSeries: { method: 'POST', path: '/api/opportunities/:id/series' },
  updateSeries: { method: 'PUT', path: '/api/opportunities/:id/series/:seriesId' },
  stampTemplate: { method: 'POST', path: '/api/opportunities/:id/shifts/from-template' },
  shiftTemplates: { method: 'GET', path: '/api/centers/:id/shift-templates' },
  createShiftTemplate: { method: 'POST', path: '/api/centers/:id/shift-templates' },
  calendarFeed: { method: 'GET', path: '/api/me/calendar-feed' },
  resetCalendarFeed: { method: 'POST', path: '/api/me/calendar-feed' },
  deleteCalendarFeed: { method: 'DELETE', path: '/api/me/calendar-feed' },
  shiftIcs: { method: 'GET', path: '/api/public/shifts/:id/ics' },
  calendarFeedIcs: { method: 'GET', path: '/api/calendar/:token' },
};
