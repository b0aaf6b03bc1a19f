/**
 * Queries and mutations of the applications feature: lists, one application, transitions, document review
 * and upload, the operator's settings. Keys start with the signed-in user's id, so nothing cached for one
 * person is shown to the next one who signs in on the same browser.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, fileUrl, type QueryOf, type ResponseOf } from './client';
import { queryKeys, useMe } from './queries';
import { uploadFile } from './upload';

export type ApplicationList = ResponseOf<'applications'>;
export type ApplicationSummary = ApplicationList['items'][number];
export type ApplicationDetail = ResponseOf<'application'>;
export type Application = ApplicationDetail['application'];
export type ApplicationDocument = ApplicationDetail['documents'][number];
export type ApplicationEvent = ApplicationDetail['events'][number];
export type ApplicationListQuery = NonNullable<QueryOf<'applications'>>;
export type Stage = ResponseOf<'applicationStages'>['items'][number];
export type DocumentKind = ResponseOf<'applicationDocumentKinds'>['items'][number];
export type ServiceKind = ResponseOf<'centerServiceKinds'>['items'][number];
export type Notification = ResponseOf<'notifications'>['items'][number];
export type CreateApplicationBody = BodyOf<'createApplication'>;
export type UpdateApplicationBody = BodyOf<'updateApplication'>;
export type TransitionBody = BodyOf<'transitionApplication'>;
export type ManageBody = BodyOf<'manageApplication'>;
export type ReviewBody = BodyOf<'reviewApplicationDocument'>;

const ROOT = 'applications';

export const appKeys = {
  all: (userId: string) => [ROOT, userId] as const,
  list: (userId: string, mine: boolean, query: ApplicationListQuery) =>
    [ROOT, userId, 'list', mine ? 'mine' : 'queue', query] as const,
  one: (userId: string, id: string) => [ROOT, userId, 'one', id] as const,
  lists: (userId: string) => [ROOT, userId, 'list'] as const,
  owners: (userId: string) => [ROOT, userId, 'owners'] as const,
  notifications: (userId: string) => ['notifications', userId] as const,
  unread: (userId: string) => ['notifications', userId, 'unread'] as const,
  notificationList: (userId: string, limit: number) => ['notifications', userId, 'list', limit] as const,
  /** Settings vocabularies are public (and the same for everyone). */
  settings: () => ['settings'] as const,
  stages: (includeRetired: boolean) => ['settings', 'stages', includeRetired] as const,
  documentKinds: (includeRetired: boolean) => ['settings', 'document-kinds', includeRetired] as const,
  serviceKinds: (includeRetired: boolean) => ['settings', 'service-kinds', includeRetired] as const,
};

const useUserId = (): string => useMe().data?.id ?? 'anonymous';

export function useApplicationList(mine: boolean, query: ApplicationListQuery) {
  const userId = useUserId();
  return useQuery({
    queryKey: appKeys.list(userId, mine, query),
    queryFn: ({ signal }) => api(mine ? 'myApplications' : 'applications', { query, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useApplication(id: string) {
  const userId = useUserId();
  return useQuery({
    queryKey: appKeys.one(userId, id),
    queryFn: ({ signal }) => api('application', { params: { id }, signal }),
  });
}

export function useStageOwners(enabled: boolean) {
  const userId = useUserId();
  return useQuery({
    queryKey: appKeys.owners(userId),
    queryFn: ({ signal }) => api('applicationStageOwners', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useStages(includeRetired = false) {
  return useQuery({
    queryKey: appKeys.stages(includeRetired),
    queryFn: ({ signal }) =>
      api('applicationStages', { query: includeRetired ? { includeRetired } : {}, signal }),
    staleTime: 60_000,
  });
}

export function useDocumentKinds(includeRetired = false) {
  return useQuery({
    queryKey: appKeys.documentKinds(includeRetired),
    queryFn: ({ signal }) =>
      api('applicationDocumentKinds', { query: includeRetired ? { includeRetired } : {}, signal }),
    staleTime: 60_000,
  });
}

export function useServiceKinds(includeRetired = false) {
  return useQuery({
    queryKey: appKeys.serviceKinds(includeRetired),
    queryFn: ({ signal }) =>
      api('centerServiceKinds', { query: includeRetired ? { includeRetired } : {}, signal }),
    staleTime: 60_000,
  });
}

/** After any change to an application: store the new detail, refresh the lists and the public figures. */
export function storeApplication(queryClient: QueryClient, userId: string, detail: ApplicationDetail): void {
  queryClient.setQueryData(appKeys.one(userId, detail.application.id), detail);
  void queryClient.invalidateQueries({ queryKey: appKeys.lists(userId) });
  void queryClient.invalidateQueries({ queryKey: appKeys.notifications(userId) });
  for (const key of [queryKeys.summary, queryKeys.municipalities, queryKeys.centers]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

/** A mutation whose answer is the application's new detail. */
export function useApplicationMutation<V>(id: string, send: (vars: V) => Promise<ApplicationDetail>) {
  const queryClient = useQueryClient();
  const userId = useUserId();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => storeApplication(queryClient, userId, detail),
    onError: () => void queryClient.invalidateQueries({ queryKey: appKeys.one(userId, id) }),
  });
}

export const applicationUrls = {
  upload: (id: string, kind: string) =>
    `/api/applications/${encodeURIComponent(id)}/documents/${encodeURIComponent(kind)}`,
  download: (id: string, kind: string, version: number) =>
    fileUrl('applicationDocumentVersion', { id, kind, version }),
};

/** Uploads a new version of one checklist document (raw body; the name travels in `?name=`). */
export function useUploadDocument(id: string) {
  const queryClient = useQueryClient();
  const userId = useUserId();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: string; file: File }) =>
      uploadFile<ResponseOf<'reviewApplicationDocument'>>(applicationUrls.upload(id, kind), file, {
        mode: 'binary',
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: appKeys.one(userId, id) });
      void queryClient.invalidateQueries({ queryKey: appKeys.lists(userId) });
    },
  });
}

/** Accept or return one document; the detail (statuses, allowed transitions) is re-read afterwards. */
export function useReviewDocument(id: string) {
  const queryClient = useQueryClient();
  const userId = useUserId();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: string; body: ReviewBody }) =>
      api('reviewApplicationDocument', { params: { id, kind }, body }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: appKeys.one(userId, id) });
      void queryClient.invalidateQueries({ queryKey: appKeys.lists(userId) });
    },
  });
}

// ——— Notifications ———

export function useUnreadCount(enabled: boolean) {
  const userId = useUserId();
  return useQuery({
    queryKey: appKeys.unread(userId),
    queryFn: async ({ signal }) => (await api('unreadNotifications', { signal })).unread,
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications(limit: number) {
  const userId = useUserId();
  return useQuery({
    queryKey: appKeys.notificationList(userId, limit),
    queryFn: ({ signal }) => api('notifications', { query: { limit }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  const userId = useUserId();
  return useMutation({
    mutationFn: async (id: string | 'all') => {
      if (id === 'all') await api('markAllNotificationsRead');
      else await api('markNotificationRead', { params: { id } });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: appKeys.notifications(userId) }),
  });
}
