/** Queries and mutations of opportunities: the public search, one opportunity, and what managers edit. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type QueryOf, type ResponseOf } from './client';

export type SearchHit = ResponseOf<'searchOpportunities'>['items'][number];
export type OpportunityView = ResponseOf<'opportunity'>['opportunity'];
export type ShiftView = OpportunityView['shifts'][number];
export type SeriesView = OpportunityView['series'][number];
/** The answer to creating or changing a series: the opportunity and what happened to its future shifts. */
export type SeriesResult = ResponseOf<'updateSeries'>;
export type SeriesChanges = SeriesResult['changes'];
export type Category = ResponseOf<'opportunityCategories'>['items'][number];

export const opportunityKeys = {
  all: ['opportunities'] as const,
  categories: ['opportunities', 'categories'] as const,
  searches: ['opportunities', 'search'] as const,
  search: (q: QueryOf<'searchOpportunities'>) => ['opportunities', 'search', q] as const,
  one: (id: string) => ['opportunities', 'one', id] as const,
  centers: ['opportunities', 'center'] as const,
  center: (id: string) => ['opportunities', 'center', id] as const,
  templates: (id: string) => ['opportunities', 'templates', id] as const,
  partners: (centerId: string, q: string) => ['opportunities', 'partners', centerId, q] as const,
  homePoint: ['opportunities', 'home-point'] as const,
};

export function useCategories() {
  return useQuery({
    queryKey: opportunityKeys.categories,
    queryFn: ({ signal }) => api('opportunityCategories', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useOpportunitySearch(query: QueryOf<'searchOpportunities'>) {
  return useQuery({
    queryKey: opportunityKeys.search(query),
    queryFn: ({ signal }) => api('searchOpportunities', { signal, query }),
    placeholderData: (previous) => previous,
  });
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: opportunityKeys.one(id),
    queryFn: ({ signal }) => api('opportunity', { signal, params: { id } }),
  });
}

export function useCenterOpportunities(centerId: string) {
  return useQuery({
    queryKey: opportunityKeys.center(centerId),
    queryFn: ({ signal }) => api('centerOpportunities', { signal, params: { id: centerId } }),
  });
}

/** Every manager mutation answers with the whole opportunity (and more): cache it, refetch lists. */
function useOpportunityMutation<I, R extends { opportunity: OpportunityView }>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: ({ opportunity }) => {
      queryClient.setQueryData(opportunityKeys.one(opportunity.id), { opportunity });
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.searches });
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.centers });
    },
  });
}

export const useCreateOpportunity = () =>
  useOpportunityMutation((input: { centerId: string; body: BodyOf<'createOpportunity'> }) =>
    api('createOpportunity', { params: { id: input.centerId }, body: input.body }),
  );
export const useUpdateOpportunity = () =>
  useOpportunityMutation((input: { id: string; body: BodyOf<'updateOpportunity'>; ifMatch?: number }) =>
    api('updateOpportunity', { params: { id: input.id }, body: input.body, ifMatch: input.ifMatch }),
  );
export const useCreateShift = () =>
  useOpportunityMutation((input: { id: string; body: BodyOf<'createShift'> }) =>
    api('createShift', { params: { id: input.id }, body: input.body }),
  );
export const useUpdateShift = () =>
  useOpportunityMutation(
    (input: { id: string; shiftId: string; body: BodyOf<'updateShift'>; ifMatch?: number }) =>
      api('updateShift', {
        params: { id: input.id, shiftId: input.shiftId },
        body: input.body,
        ifMatch: input.ifMatch,
      }),
  );
export const useCreateSeries = () =>
  useOpportunityMutation((input: { id: string; body: BodyOf<'createSeries'> }) =>
    api('createSeries', { params: { id: input.id }, body: input.body }),
  );
/** Changes a series' rule; the server re-plans its future unbooked shifts and keeps booked ones. */
export const useUpdateSeries = () =>
  useOpportunityMutation(
    (input: { id: string; seriesId: string; body: BodyOf<'updateSeries'>; ifMatch?: number }) =>
      api('updateSeries', {
        params: { id: input.id, seriesId: input.seriesId },
        body: input.body,
        ifMatch: input.ifMatch,
      }),
  );
