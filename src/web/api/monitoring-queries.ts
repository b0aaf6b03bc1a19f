/** Queries and mutations of the work log and monitoring pages (types from the shared contract). */
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api, fileUrl, type QueryOf, type ResponseOf } from './client';

export type WorkLogData = ResponseOf<'workLog'>;
export type WorkLogEntry = WorkLogData['items'][number];
export type WorkLogFilter = NonNullable<QueryOf<'workLog'>>;
export type RoundDetail = ResponseOf<'monitoringRound'>;
export type RatingRow = RoundDetail['rows'][number];
export type Indicator = RoundDetail['indicators'][number];
export type Round = RoundDetail['round'];

export const monitoringKeys = {
  all: ['monitoring'] as const,
  indicators: ['monitoring', 'indicators'] as const,
  workLog: (centerId: string, filter: WorkLogFilter) => ['monitoring', 'work-log', centerId, filter] as const,
  workLogOf: (centerId: string) => ['monitoring', 'work-log', centerId] as const,
  entryHistory: (centerId: string, entryId: string) =>
    ['monitoring', 'entry-history', centerId, entryId] as const,
  centerHistory: (centerId: string) => ['monitoring', 'center', centerId] as const,
  rounds: ['monitoring', 'rounds'] as const,
  round: (id: string) => ['monitoring', 'round', id] as const,
};

export function useWorkLog(centerId: string, filter: WorkLogFilter) {
  return useQuery({
    queryKey: monitoringKeys.workLog(centerId, filter),
    queryFn: ({ signal }) => api('workLog', { params: { id: centerId }, query: filter, signal }),
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export function useEntryHistory(centerId: string, entryId: string | null) {
  return useQuery({
    queryKey: monitoringKeys.entryHistory(centerId, entryId ?? ''),
    queryFn: ({ signal }) =>
      api('workLogEntryHistory', { params: { id: centerId, entryId: entryId ?? '' }, signal }),
    enabled: entryId !== null,
  });
}

export function useCenterMonitoring(centerId: string) {
  return useQuery({
    queryKey: monitoringKeys.centerHistory(centerId),
    queryFn: ({ signal }) => api('centerMonitoring', { params: { id: centerId }, signal }),
    retry: false,
  });
}

export function useRounds() {
  return useQuery({
    queryKey: monitoringKeys.rounds,
    queryFn: ({ signal }) => api('monitoringRounds', { signal }),
    retry: false,
  });
}

export function useRound(roundId: string) {
  return useQuery({
    queryKey: monitoringKeys.round(roundId),
    queryFn: ({ signal }) => api('monitoringRound', { params: { roundId }, signal }),
    retry: false,
  });
}

/** After a work-log change: the log, its totals and the centre's monitoring figures are refetched. */
export function invalidateWorkLog(queryClient: QueryClient, centerId: string): void {
  void queryClient.invalidateQueries({ queryKey: monitoringKeys.workLogOf(centerId) });
  void queryClient.invalidateQueries({ queryKey: monitoringKeys.centerHistory(centerId) });
}

/** After a round changed: store the new rating and refetch the list of rounds. */
export function storeRound(queryClient: QueryClient, detail: RoundDetail): void {
  queryClient.setQueryData(monitoringKeys.round(detail.round.id), detail);
  void queryClient.invalidateQueries({ queryKey: monitoringKeys.rounds });
}

const RATING_FILES = { csv: 'monitoringRatingCsv', xlsx: 'monitoringRatingXlsx' } as const;
/** A round's rating as a download in one of its formats. */
export const ratingHref = (roundId: string, format: keyof typeof RATING_FILES) =>
  fileUrl(RATING_FILES[format], { roundId });
