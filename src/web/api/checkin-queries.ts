/** Queries and mutations of the check-in pages (types from the shared contract). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type ResponseOf } from './client';
import { signupKeys } from './signups-queries';

export type CheckinCode = ResponseOf<'checkinCode'>;
export type CheckInResult = ResponseOf<'checkIn'>;
export type Desk = ResponseOf<'checkinDesk'>;
export type DeskEntry = Desk['entries'][number];
export type WalkIn = Desk['walkIns'][number];
export type DeskAction = BodyOf<'deskAction'>['action'];

export const checkinKeys = {
  all: ['checkin'] as const,
  code: (shiftId: string) => ['checkin', 'code', shiftId] as const,
  desk: (shiftId: string, q: string) => ['checkin', 'desk', shiftId, q] as const,
};

export function useCheckinCode(shiftId: string) {
  return useQuery({
    queryKey: checkinKeys.code(shiftId),
    queryFn: ({ signal }) => api('checkinCode', { params: { id: shiftId }, signal }),
    retry: false,
  });
}

export function useRotateCode(shiftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('rotateCheckinCode', { params: { id: shiftId } }),
    onSuccess: (data) => queryClient.setQueryData(checkinKeys.code(shiftId), data),
  });
}

export function useDesk(shiftId: string, q: string) {
  return useQuery({
    queryKey: checkinKeys.desk(shiftId, q),
    queryFn: ({ signal }) => api('checkinDesk', { params: { id: shiftId }, query: { q }, signal }),
    retry: false,
    placeholderData: (previous) => previous,
  });
}

/** Every check-in mutation refreshes the desk and the signup lists. */
function useCheckinMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: checkinKeys.all });
      await queryClient.invalidateQueries({ queryKey: signupKeys.all });
    },
  });
}

export const useCheckIn = () => useCheckinMutation((body: BodyOf<'checkIn'>) => api('checkIn', { body }));
export const useDeskAction = () =>
  useCheckinMutation((v: { id: string; action: DeskAction }) =>
    api('deskAction', { params: { id: v.id }, body: { action: v.action } }),
  );
export const useWalkUp = () =>
  useCheckinMutation((v: { shiftId: string; body: BodyOf<'addWalkUp'> }) =>
    api('addWalkUp', { params: { id: v.shiftId }, body: v.body }),
  );
export const useCheckOutWalkIn = () =>
  useCheckinMutation((id: string) => api('checkOutWalkIn', { params: { id } }));
export const useRemoveWalkIn = () =>
  useCheckinMutation((v: { id: string; reason: string }) =>
    api('removeWalkIn', { params: { id: v.id }, body: { reason: v.reason } }),
  );

/** The token of a check-in URL (`…/check-in?t=…`) found in a scanned text, if it is one. */
export function tokenFromScan(text: string): string | null {
  try {
    const url = new URL(text.trim(), window.location.origin);
    if (!/\/check-in\/?$/.test(url.pathname)) return null;
    return url.searchParams.get('t');
  } catch {
    return null;
  }
}
