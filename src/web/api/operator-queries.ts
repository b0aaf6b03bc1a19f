/** Queries of the operator's pages that are not about applications: municipal changes over time. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type ResponseOf } from './client';
import { queryKeys } from './queries';

export type MunicipalChange = ResponseOf<'municipalChanges'>['items'][number];
export type RecordMunicipalChangeBody = BodyOf<'recordMunicipalChange'>;

export const operatorKeys = {
  municipalChanges: ['public', 'municipal-changes'] as const,
};

export function useMunicipalChanges() {
  return useQuery({
    queryKey: operatorKeys.municipalChanges,
    queryFn: ({ signal }) => api('municipalChanges', { signal }),
  });
}

/** Records a change; the municipal structure, coverage and the centre list may all differ afterwards. */
export function useRecordMunicipalChange(onError?: (error: Error) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RecordMunicipalChangeBody) =>
      (await api('recordMunicipalChange', { body })).change,
    onSuccess: () => {
      for (const key of [
        operatorKeys.municipalChanges,
        queryKeys.municipalities,
        queryKeys.summary,
        queryKeys.centers,
        queryKeys.region,
      ]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
    onError,
  });
}
