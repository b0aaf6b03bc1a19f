import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client';
import { type OrganizationListQuery, orgKeys } from '../../api/organizations-queries';
import { queryKeys, type User } from '../../api/queries';
import { localName } from '../../components/format';
import type { Organization } from './organizationForm';

export const PAGE_SIZE = 50;

export type ListQuery = OrganizationListQuery;

export { orgKeys };

export function useOrganizationList(query: ListQuery) {
  return useQuery({
    queryKey: orgKeys.list(query),
    queryFn: ({ signal }) => api('organizations', { query, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useOrganization(id: string) {
  return useQuery({
    queryKey: orgKeys.one(id),
    queryFn: async ({ signal }) => (await api('organization', { params: { id }, signal })).organization,
  });
}

/** After a change: show the new state of one organization and refetch lists (names, counts) later. */
export function storeOrganization(queryClient: QueryClient, organization: Organization): void {
  queryClient.setQueryData(orgKeys.one(organization.id), organization);
  void queryClient.invalidateQueries({ queryKey: orgKeys.lists });
}

/** Municipalities in force, sorted by their name in the UI language (Russian by default). */
export function useMunicipalityOptions() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  const municipalities = useQuery({
    queryKey: queryKeys.municipalities,
    queryFn: ({ signal }) => api('municipalities', { signal }),
  });
  const options = useMemo(
    () =>
      (municipalities.data?.items ?? [])
        .map((m) => ({ value: m.id, label: localName(m, lng) }))
        .sort((a, b) => a.label.localeCompare(b.label, lng)),
    [municipalities.data, lng],
  );
  return { query: municipalities, options };
}

/** A 401 means the session ended meanwhile: re-check who we are (the page then sends the user to log in). */
export function useSessionExpiry(...errors: unknown[]): void {
  const queryClient = useQueryClient();
  const expired = errors.some((error) => isApiError(error, 401));
  useEffect(() => {
    if (expired) void queryClient.invalidateQueries({ queryKey: queryKeys.me });
  }, [expired, queryClient]);
}

/** The regional operator sees and manages the whole registry. */
export const isOperator = (user: User): boolean => user.roles.some((r) => r.role === 'regional_admin');
