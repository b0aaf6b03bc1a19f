/** Query keys of the organizations feature: everything under `queryKeys.organizations`, forgotten on sign-out. */
import type { QueryOf } from './client';
import { queryKeys } from './queries';

export type OrganizationListQuery = NonNullable<QueryOf<'organizations'>>;

export const orgKeys = {
  all: queryKeys.organizations,
  lists: [...queryKeys.organizations, 'list'] as const,
  list: (query: OrganizationListQuery) => [...queryKeys.organizations, 'list', query] as const,
  one: (id: string) => [...queryKeys.organizations, 'one', id] as const,
  checkInn: (inn: string) => [...queryKeys.organizations, 'check-inn', inn] as const,
  myInvitations: [...queryKeys.organizations, 'my-invitations'] as const,
};
