/** Queries of the centre schedule page (types from the shared contract). */
import { useQuery } from '@tanstack/react-query';
import { api, type ResponseOf } from './client';
import { signupKeys } from './signups-queries';

export type Schedule = ResponseOf<'centerSchedule'>;
export type ScheduleShift = Schedule['days'][number]['shifts'][number];

export function useCenterSchedule(centerId: string, from: string | null) {
  return useQuery({
    queryKey: signupKeys.schedule(centerId, from),
    queryFn: ({ signal }) =>
      api('centerSchedule', {
        params: { id: centerId },
        query: from ? { from, days: 7 } : { days: 7 },
        signal,
      }),
    refetchInterval: 60_000,
  });
}
