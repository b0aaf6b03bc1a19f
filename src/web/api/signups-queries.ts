/** Queries and mutations of the signups pages (types from the shared contract). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from './client';

export type MySignups = ResponseOf<'mySignups'>;
export type MySignup = MySignups['items'][number];
export type SwapOffer = MySignups['swaps'][number];
export type Roster = ResponseOf<'shiftRoster'>;
export type RosterEntry = Roster['entries'][number];

export const signupKeys = {
  all: ['signups'] as const,
  mine: ['signups', 'mine'] as const,
  roster: (shiftId: string) => ['signups', 'roster', shiftId] as const,
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
        queryClient.invalidateQueries({ queryKey: ['opportunities'] }),
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
export const useAssign = () =>
  useSignupMutation((v: { shiftId: string; email: string }) =>
    api('assignVolunteer', { params: { id: v.shiftId }, body: { email: v.email } }),
  );
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

export const rosterExportUrl = (shiftId: string, format: 'csv' | 'xlsx' | 'pdf') =>
  `/api/shifts/${encodeURIComponent(shiftId)}/roster.${format}`;
