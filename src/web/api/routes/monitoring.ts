import type { monitoringEndpoints } from '../../../shared/contracts/monitoring.endpoints';
import type { RouteTable } from '../route-table';

export const monitoringRoutes: RouteTable<keyof typeof monitoringEndpoints> = {
  workLog: { method: 'GET', path: '/api/centers/:id/work-log' },
  addWorkLogEntry: { method: 'POST', path: '/api/centers/:id/work-log' },
  correctWorkLogEntry: { method: 'PATCH', path: '/api/centers/:id/work-log/:entryId' },
  removeWorkLogEntry: { method: 'POST', path: '/api/centers/:id/work-log/:entryId/remove' },
  workLogEntryHistory: { method: 'GET', path: '/api/centers/:id/work-log/:entryId/history' },
  centerMonitoring: { method: 'GET', path: '/api/centers/:id/monitoring' },
  monitoringIndicators: { method: 'GET', path: '/api/monitoring/indicators' },
  monitoringRounds: { method: 'GET', path: '/api/monitoring/rounds' },
  openMonitoringRound: { method: 'POST', path: '/api/monitoring/rounds' },
  monitoringRound: { method: 'GET', path: '/api/monitoring/rounds/:roundId' },
  enterMonitoringScore: { method: 'PUT', path: '/api/monitoring/rounds/:roundId/scores' },
  closeMonitoringRound: { method: 'POST', path: '/api/monitoring/rounds/:roundId/close' },
  reopenMonitoringRound: { method: 'POST', path: '/api/monitoring/rounds/:roundId/reopen' },
  monitoringRatingCsv: { method: 'GET', path: '/api/monitoring/rounds/:roundId/rating.csv' },
  monitoringRatingXlsx: { method: 'GET', path: '/api/monitoring/rounds/:roundId/rating.xlsx' },
};
