import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { readStored, writeStored } from '../app/storage';
import { setDisplayTimeZone } from '../components/format';
import { ApiError, api, type ResponseOf } from './client';

export type User = ResponseOf<'me'>['user'];

export const queryKeys = {
  me: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  /** Everything public (the region, its figures, municipalities, centres): refreshed after a status change. */
  public: ['public'] as const,
  config: ['public', 'config'] as const,
  summary: ['public', 'summary'] as const,
  region: ['public', 'region'] as const,
  municipalities: ['public', 'municipalities'] as const,
  /** The municipalities in force on a day (today when null). */
  municipalitiesOn: (on?: string | null) => ['public', 'municipalities', 'on', on ?? 'today'] as const,
  centers: ['public', 'centers'] as const,
  /** The answer to a verification link (asked once per token). */
  verifyEmail: (token: string) => ['verify-email', token] as const,
  /** Everything about organizations the signed-in user may see (lists, single organizations, INN checks). */
  organizations: ['organizations'] as const,
};

/**
 * A non-secret hint in localStorage that this browser signed in. The session cookie itself is not readable
 * by scripts; without the hint, anonymous visitors would ask GET /api/me on every page only to get a 401.
 */
const SESSION_HINT = 'dobroset.signedIn';
export const sessionHint = {
  get: (): boolean => readStored(SESSION_HINT) === '1',
  set: (signedIn: boolean): void => writeStored(SESSION_HINT, signedIn ? '1' : null),
};

/** The signed-in user, or null when logged out (no session hint, or the server answers 401). */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async ({ signal }): Promise<User | null> => {
      if (!sessionHint.get()) return null;
      try {
        return (await api('me', { signal })).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          sessionHint.set(false);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useConfig() {
  return useQuery({
    queryKey: queryKeys.config,
    queryFn: async ({ signal }) => {
      const config = await api('config', { signal });
      setDisplayTimeZone(config.timeZone);
      return config;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Stores a freshly signed-in user and forgets everything cached for the previous one. */
export function setSignedIn(queryClient: QueryClient, user: User): void {
  sessionHint.set(true);
  queryClient.removeQueries({ queryKey: queryKeys.sessions });
  queryClient.removeQueries({ queryKey: queryKeys.organizations });
  queryClient.setQueryData(queryKeys.me, user);
}

export function setSignedOut(queryClient: QueryClient): void {
  sessionHint.set(false);
  queryClient.removeQueries({ queryKey: queryKeys.sessions });
  queryClient.removeQueries({ queryKey: queryKeys.organizations });
  queryClient.setQueryData(queryKeys.me, null);
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api('logout'),
    onSuccess: () => {
      void navigate('/');
      setSignedOut(queryClient);
    },
    // E.g. the session had already expired: ask the server who we are now.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
