/** Queries of the coordinators' volunteer pages: a volunteer's card, a centre's squads, a new squad. */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type ResponseOf } from '../../api/client';
import { volunteerKeys } from '../../api/volunteers-queries';

export type VolunteerCard = ResponseOf<'volunteerProfile'>['profile'];
export type CenterSquad = ResponseOf<'centerSquads'>['items'][number];
export type PublicSquad = ResponseOf<'publicCenterSquads'>['items'][number];

export function useVolunteerCard(userId: string) {
  return useQuery({
    queryKey: volunteerKeys.card(userId),
    queryFn: ({ signal }) => api('volunteerProfile', { params: { userId }, signal }),
    retry: false,
  });
}

export function useCenterSquads(centerId: string) {
  return useQuery({
    queryKey: volunteerKeys.centerSquads(centerId),
    queryFn: ({ signal }) => api('centerSquads', { params: { id: centerId }, signal }),
  });
}

/** The squads of several centres (those a coordinator runs), e.g. to find a volunteer's squads. */
export function useSquadsOfCenters(centerIds: string[]) {
  return useQueries({
    queries: centerIds.map((id) => ({
      queryKey: volunteerKeys.centerSquads(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api('centerSquads', { params: { id }, signal }),
    })),
  });
}

export function usePublicCenterSquads(centerId: string) {
  return useQuery({
    queryKey: volunteerKeys.publicSquads(centerId),
    queryFn: ({ signal }) => api('publicCenterSquads', { params: { id: centerId }, signal }),
    retry: false,
  });
}

export function useCreateSquad() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'createSquad'>) => api('createSquad', { body }),
    onSuccess: (data) => {
      queryClient.setQueryData(volunteerKeys.squad(data.squad.id), data);
      void queryClient.invalidateQueries({ queryKey: volunteerKeys.squads });
    },
  });
}
