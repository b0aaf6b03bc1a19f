import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, api, type ResponseOf } from './client';

export type User = ResponseOf<'me'>['user'];

export const queryKeys = {
  me: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  config: ['public', 'config'] as const,
  summary: ['public', 'summary'] as const,
  region: ['public', 'region'] as const,
  municipalities: ['public', 'municipalities'] as const,
  centers: ['public', 'centers'] as const,
};

/** The signed-in user, or null when logged out (the server answers 401). */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async ({ signal }): Promise<User | null> => {
      try {
        return (await api('me', { signal })).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useConfig() {
  return useQuery({
    queryKey: queryKeys.config,
    queryFn: ({ signal }) => api('config', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Stores a freshly signed-in user and forgets everything cached for the previous one. */
export function setSignedIn(queryClient: QueryClient, user: User): void {
  queryClient.removeQueries({ queryKey: queryKeys.sessions });
  queryClient.setQueryData(queryKeys.me, user);
}

export function setSignedOut(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: queryKeys.sessions });
  queryClient.setQueryData(queryKeys.me, null);
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api('logout'),
    onSuccess: () => {
      setSignedOut(queryClient);
      void navigate('/');
    },
    // E.g. the session had already expired: ask the server who we are now.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
