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
  mine: ['squads', 'mine'] as const,
  squad: (id: string) => ['squads', id] as const,
  /** What coordinators see: a volunteer's card, a centre's squads (and the public list of them). */
  card: (userId: string) => ['volunteers', 'card', userId] as const,
  centerSquads: (centerId: string) => ['squads', 'center', centerId] as const,
  publicSquads: (centerId: string) => ['squads', 'public', centerId] as const,
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
    queryKey: queryKeys.municipalitiesOn(null),
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
    mutationFn: (input: { body: ProfileForm; ifMatch?: number }) =>
      api('updateMyVolunteerProfile', { body: input.body, ifMatch: input.ifMatch }),
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

export type MySquad = ResponseOf<'mySquads'>['items'][number];

/** The squads I am in or asked to join (the same query the team signup button reads). */
export function useMySquads(enabled = true) {
  return useQuery({
    queryKey: volunteerKeys.mine,
    queryFn: ({ signal }) => api('mySquads', { signal }),
    enabled,
  });
}

/** Puts the squad the server answered with in the cache and refetches every squad list. */
function useSquadMutation<I>(fn: (input: I) => Promise<{ squad: Squad }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      queryClient.setQueryData(volunteerKeys.squad(data.squad.id), data);
      void queryClient.invalidateQueries({ queryKey: volunteerKeys.squads });
    },
  });
}

/** Joins at once with the invitation code (codes are case-insensitive; the server upper-cases them). */
export const useJoinSquadByCode = () =>
  useSquadMutation((code: string) => api('joinSquadByCode', { body: { code: code.trim() } }));

/** Name, focus, tags, and `regenerateCode: true` for a new invitation code (the old one stops working). */
export const useUpdateSquad = (id: string) =>
  useSquadMutation((input: { body: BodyOf<'updateSquad'>; ifMatch?: number }) =>
    api('updateSquad', { params: { id }, body: input.body, ifMatch: input.ifMatch }),
  );

/**
 * Leaves the squad or withdraws a request (one endpoint; a leader also gives up the role). The variable
 * only tells the page which of the two it was; the server answers with no body.
 */
export function useLeaveSquad(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (_what: 'membership' | 'request') => api('leaveSquad', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: volunteerKeys.squads }),
  });
}

/**
 * A centre coordinator invites one of the squad's active members to lead it; nobody becomes a leader
 * until they accept (`useAnswerLeadership`).
 */
export const useInviteSquadLeader = (id: string) =>
  useSquadMutation((userId: string) => api('assignSquadLeader', { params: { id }, body: { userId } }));

/** The coordinator takes a pending invitation back. */
export const useWithdrawLeaderInvitation = (id: string) =>
  useSquadMutation((userId: string) => api('withdrawSquadLeaderInvitation', { params: { id, userId } }));

/** The invitee's answer: accepting makes them a leader (and a member, if not yet). */
export const useAnswerLeadership = (id: string) =>
  useSquadMutation((answer: 'accept' | 'decline') =>
    api(answer === 'accept' ? 'acceptSquadLeadership' : 'declineSquadLeadership', { params: { id } }),
  );
