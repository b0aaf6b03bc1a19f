/** Queries and mutations of the signups pages (types from the shared contract). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fileUrl, type ResponseOf } from './client';
import { opportunityKeys } from './opportunities-queries';

export type MySignups = ResponseOf<'mySignups'>;
export type MySignup = MySignups['items'][number];
export type SwapOffer = MySignups['swaps'][number];
export type Roster = ResponseOf<'shiftRoster'>;
export type RosterEntry = Roster['entries'][number];
export type Invitation = Roster['invitations'][number];
export type MyInvitation = MySignups['invitations'][number];

export const signupKeys = {
  all: ['signups'] as const,
  mine: ['signups', 'mine'] as const,
  roster: (shiftId: string) => ['signups', 'roster', shiftId] as const,
  candidates: (shiftId: string, q: string) => ['signups', 'candidates', shiftId, q] as const,
  calendarFeed: ['signups', 'calendar-feed'] as const,
  schedule: (centerId: string, from: string | null) =>
    ['signups', 'schedule', centerId, from ?? 'today'] as const,
};

export function useMySignups(enabled = true) {
  return useQuery({
    queryKey: signupKeys.mine,
    queryFn: ({ signal }) => api('mySignups', { signal }),
    enabled,
  });
}

export function useRoster(shiftId: string) {
  return useQuery({
    queryKey: signupKeys.roster(shiftId),
    queryFn: ({ signal }) => api('shiftRoster', { params: { id: shiftId }, signal }),
    retry: false,
  });
}

/** Every signup mutation refreshes the lists it may change, free places on opportunities included. */
function useSignupMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: signupKeys.all }),
        queryClient.invalidateQueries({ queryKey: opportunityKeys.all }),
      ]),
  });
}

export const useSignUp = () =>
  useSignupMutation((v: { shiftId: string; roleId?: string }) =>
    api('signUp', { params: { id: v.shiftId }, body: v.roleId ? { roleId: v.roleId } : {} }),
  );
export const useCancelSignup = () =>
  useSignupMutation((v: { id: string; reason: string }) =>
    api('cancelSignup', { params: { id: v.id }, body: { reason: v.reason } }),
  );
export const useAcceptOffer = () => useSignupMutation((id: string) => api('acceptOffer', { params: { id } }));
export const usePassOffer = () => useSignupMutation((id: string) => api('passOffer', { params: { id } }));
export const useApprove = () => useSignupMutation((id: string) => api('approveSignup', { params: { id } }));
export const useDecline = () =>
  useSignupMutation((v: { id: string; reason: string }) =>
    api('declineSignup', { params: { id: v.id }, body: { reason: v.reason } }),
  );
export const useAttendance = () =>
  useSignupMutation((v: { id: string; status: 'attended' | 'no_show' }) =>
    api('markAttendance', { params: { id: v.id }, body: { status: v.status } }),
  );
/** Puts one of the centre's own people (from `useCandidates`) straight on the shift. */
export const useAssign = () =>
  useSignupMutation((v: { shiftId: string; userId: string }) =>
    api('assignVolunteer', { params: { id: v.shiftId }, body: { userId: v.userId } }),
  );
/** Invites anyone by e-mail: the answer is the same whether the address has an account or not. */
export const useInvite = () =>
  useSignupMutation((v: { shiftId: string; email: string }) =>
    api('inviteVolunteer', { params: { id: v.shiftId }, body: { email: v.email } }),
  );
export const useWithdrawInvitation = () =>
  useSignupMutation((id: string) => api('withdrawInvitation', { params: { id } }));
export const useAcceptInvitation = () =>
  useSignupMutation((id: string) => api('acceptInvitation', { params: { id } }));
export const useDeclineInvitation = () =>
  useSignupMutation((id: string) => api('declineInvitation', { params: { id } }));
/** The centre's own people matching `q` (an earlier signup there, a member of its squad). */
export function useCandidates(shiftId: string, q: string) {
  return useQuery({
    queryKey: signupKeys.candidates(shiftId, q),
    queryFn: ({ signal }) => api('shiftCandidates', { params: { id: shiftId }, query: { q }, signal }),
    enabled: q.trim().length >= 2,
  });
}
export const useMessageShift = () =>
  useSignupMutation((v: { shiftId: string; text: string }) =>
    api('messageShift', { params: { id: v.shiftId }, body: { text: v.text } }),
  );
export const useOfferSwap = () =>
  useSignupMutation((v: { id: string; email: string }) =>
    api('offerSwap', { params: { id: v.id }, body: { email: v.email } }),
  );
export const useAcceptSwap = () => useSignupMutation((id: string) => api('acceptSwap', { params: { id } }));
export const useDeclineSwap = () => useSignupMutation((id: string) => api('declineSwap', { params: { id } }));

const ROSTER_FILES = { csv: 'shiftRosterCsv', xlsx: 'shiftRosterXlsx', pdf: 'shiftRosterPdf' } as const;
/** The sign-in sheet's download address in one of its formats. */
export const rosterExportUrl = (shiftId: string, format: keyof typeof ROSTER_FILES) =>
  fileUrl(ROSTER_FILES[format], { id: shiftId });
