/** Queries and mutations of the rollout plan and the operator's dashboard. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type ResponseOf } from './client';
import { queryKeys } from './queries';

export type DashboardData = ResponseOf<'dashboard'>;
export type DashboardTarget = DashboardData['targets'][number];
export type SeriesPoint = DashboardData['series'][number];
export type PipelineItem = DashboardData['pipeline'][number];
export type PlanTarget = ResponseOf<'planTargets'>['items'][number];
export type PlanRevision = ResponseOf<'planHistory'>['items'][number];

export const planKeys = {
  all: ['plan'] as const,
  targets: ['plan', 'targets'] as const,
  history: ['plan', 'history'] as const,
  historyOf: (targetId: string | undefined) => ['plan', 'history', targetId ?? 'all'] as const,
  dashboard: ['plan', 'dashboard'] as const,
};

export function useDashboard() {
  return useQuery({ queryKey: planKeys.dashboard, queryFn: ({ signal }) => api('dashboard', { signal }) });
}

export function usePlanTargets() {
  return useQuery({ queryKey: planKeys.targets, queryFn: ({ signal }) => api('planTargets', { signal }) });
}

/** The plan's revisions, newest first: all of them, or those of one target. */
export function usePlanHistory(targetId?: string) {
  return useQuery({
    queryKey: planKeys.historyOf(targetId),
    queryFn: ({ signal }) => api('planHistory', { query: { limit: 200, targetId }, signal }),
    placeholderData: (previous) => previous,
  });
}

/** After any change of the plan: refetch the plan, its history, the dashboard and the public region. */
function useInvalidatePlan() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: planKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.region });
  };
}

export function useCreateTarget() {
  const invalidate = useInvalidatePlan();
  return useMutation({
    mutationFn: (body: BodyOf<'createPlanTarget'>) => api('createPlanTarget', { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateTarget() {
  const invalidate = useInvalidatePlan();
  return useMutation({
    mutationFn: (input: { id: string; body: BodyOf<'updatePlanTarget'>; ifMatch?: number }) =>
      api('updatePlanTarget', { params: { id: input.id }, body: input.body, ifMatch: input.ifMatch }),
    onSuccess: invalidate,
  });
}

export function useRemoveTarget() {
  const invalidate = useInvalidatePlan();
  return useMutation({
    mutationFn: (input: { id: string; comment: string; ifMatch?: number }) =>
      api('removePlanTarget', {
        params: { id: input.id },
        body: { comment: input.comment },
        ifMatch: input.ifMatch,
      }),
    onSuccess: invalidate,
  });
}
