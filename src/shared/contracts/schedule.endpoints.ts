/** Endpoints of the centre schedule feature; spread into the shared endpoint table (endpoints.ts). */
import * as S from './schedule.js';

export const scheduleEndpoints = {
  centerSchedule: {
    method: 'GET',
    path: '/api/centers/:id/schedule',
    params: S.ScheduleParams,
    query: S.ScheduleQuery,
    response: S.Schedule,
  },
} as const;
