/** Endpoints of the monitoring feature; spread into the shared endpoint table (endpoints.ts). */
import { Type } from 'typebox';
import { EXPORT_FILE, MEDIA } from './files.js';
import * as M from './monitoring.js';

export const monitoringEndpoints = {
  workLog: {
    method: 'GET',
    path: '/api/centers/:id/work-log',
    params: M.CenterMonitoringParams,
    query: M.WorkLogQuery,
    response: M.WorkLog,
  },
  addWorkLogEntry: {
    method: 'POST',
    path: '/api/centers/:id/work-log',
    params: M.CenterMonitoringParams,
    body: M.CreateWorkLogEntryBody,
    response: M.WorkLogEntryEnvelope,
  },
  correctWorkLogEntry: {
    method: 'PATCH',
    path: '/api/centers/:id/work-log/:entryId',
    params: M.WorkLogParams,
    body: M.UpdateWorkLogEntryBody,
    response: M.WorkLogEntryEnvelope,
  },
  removeWorkLogEntry: {
    method: 'POST',
    path: '/api/centers/:id/work-log/:entryId/remove',
    params: M.WorkLogParams,
    body: M.RemoveWorkLogEntryBody,
    response: M.WorkLogEntryEnvelope,
  },
  workLogEntryHistory: {
    method: 'GET',
    path: '/api/centers/:id/work-log/:entryId/history',
    params: M.WorkLogParams,
    response: M.WorkLogEntryHistory,
  },
  centerMonitoring: {
    method: 'GET',
    path: '/api/centers/:id/monitoring',
    params: M.CenterMonitoringParams,
    response: M.CenterMonitoringHistory,
  },
  monitoringIndicators: {
    method: 'GET',
    path: '/api/monitoring/indicators',
    response: M.IndicatorList,
  },
  monitoringRounds: { method: 'GET', path: '/api/monitoring/rounds', response: M.RoundList },
  openMonitoringRound: {
    method: 'POST',
    path: '/api/monitoring/rounds',
    body: M.OpenRoundBody,
    response: M.RoundDetail,
  },
  monitoringRound: {
    method: 'GET',
    path: '/api/monitoring/rounds/:roundId',
    params: M.RoundParams,
    response: M.RoundDetail,
  },
  enterMonitoringScore: {
    method: 'PUT',
    path: '/api/monitoring/rounds/:roundId/scores',
    params: M.RoundParams,
    body: M.EnterScoreBody,
    response: M.RoundDetail,
  },
  closeMonitoringRound: {
    method: 'POST',
    path: '/api/monitoring/rounds/:roundId/close',
    params: M.RoundParams,
    response: M.RoundDetail,
  },
  reopenMonitoringRound: {
    method: 'POST',
    path: '/api/monitoring/rounds/:roundId/reopen',
    params: M.RoundParams,
    response: Type.Null(),
  },
  monitoringRatingCsv: {
    method: 'GET',
    path: '/api/monitoring/rounds/:roundId/rating.csv',
    params: M.RatingFileParams,
    file: { ...EXPORT_FILE, types: [MEDIA.csv], description: 'CSV for Excel (UTF-8 BOM, `;`)' },
  },
  monitoringRatingXlsx: {
    method: 'GET',
    path: '/api/monitoring/rounds/:roundId/rating.xlsx',
    params: M.RatingFileParams,
    file: { ...EXPORT_FILE, types: [MEDIA.xlsx], description: 'XLSX workbook' },
  },
} as const;
