/** Queries and mutations of the volunteer's profile, consents and squads. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type ResponseOf } from './client';
import { queryKeys } from './queries';

export type OwnProfile = ResponseOf<'myVolunteerProfile'>['profile'];
export type ProfileForm = BodyOf<'updateMyVolunteerProfile'>;
export type ConsentList = ResponseOf<'myConsents'>;
export type ConsentItem = ConsentList['items'][number];
export type Squad = ResponseOf<'squad'>['squad'];

export const volunteerKeys = {
  all: ['volunteers'] as const,
  vocabulary: ['volunteers', 'vocabulary'] as const,
  profile: ['volunteers', 'me'] as const,
  consents: ['volunteers', 'me', 'consents'] as const,
  squads: ['squads'] as const,
  squad: (id: string) => ['squads', id] as const,
};

export function useVocabulary() {
  return useQuery({
    queryKey: volunteerKeys.vocabulary,
    queryFn: ({ signal }) => api('volunteerVocabulary', { signal }),
    staleTime: 60 * 60_000,
  });
}

export function useMunicipalityOptions() {
  return useQuery({
    queryKey: [...queryKeys.municipalities, 'on', 'today'],
    queryFn: ({ signal }) => api('municipalities', { query: {}, signal }),
    staleTime: 10 * 60_000,
  });
}

export function useMyProfile() {
  return useQuery({
    queryKey: volunteerKeys.profile,
    queryFn: ({ signal }) => api('myVolunteerProfile', { signal }),
  });
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileForm) => api('updateMyVolunteerProfile', { body }),
    onSuccess: (data) => {
      queryClient.setQueryData(volunteerKeys.profile, data);
      void queryClient.invalidateQueries({ queryKey: volunteerKeys.consents });
    },
  });
}

export function useMyConsents() {
  return useQuery({
    queryKey: volunteerKeys.consents,
    queryFn: ({ signal }) => api('myConsents', { signal }),
  });
}

function useConsentChange<V>(fn: (input: V) => Promise<ConsentList>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      queryClient.setQueryData(volunteerKeys.consents, data);
      void queryClient.invalidateQueries({ queryKey: volunteerKeys.profile });
    },
  });
}

export const useGiveConsent = () =>
  useConsentChange((body: BodyOf<'giveConsent'>) => api('giveConsent', { body }));
export const useWithdrawConsent = () =>
  useConsentChange((purpose: ConsentItem['purpose']) => api('withdrawConsent', { params: { purpose } }));

export function useSquad(id: string) {
  return useQuery({
    queryKey: volunteerKeys.squad(id),
    queryFn: ({ signal }) => api('squad', { params: { id }, signal }),
  });
}

/** Squad actions that answer with the squad: join, approve or remove a member. */
export function useSquadAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      action: { kind: 'join' } | { kind: 'decide'; userId: string; action: 'approve' | 'remove' },
    ) =>
      action.kind === 'join'
        ? api('requestToJoinSquad', { params: { id } })
        : api('decideSquadMember', {
            params: { id, userId: action.userId },
            body: { action: action.action },
          }),
    onSuccess: (data) => {
      queryClient.setQueryData(volunteerKeys.squad(id), data);
      void queryClient.invalidateQueries({ queryKey: volunteerKeys.squads });
    },
  });
}
