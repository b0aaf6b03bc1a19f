/** Queries of the centres pages (keys: api/centers-queries.ts). */
import { useQuery } from '@tanstack/react-query';
import { centerKeys } from '../../api/centers-queries';
import { api, type QueryOf } from '../../api/client';

export { centerKeys };

export function useServiceKinds() {
  return useQuery({
    queryKey: centerKeys.serviceKinds,
    queryFn: ({ signal }) => api('serviceKinds', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useShapes() {
  return useQuery({
    queryKey: centerKeys.shapes,
    queryFn: ({ signal }) => api('municipalityShapes', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useMunicipalitiesOn(on: string | null) {
  return useQuery({
    queryKey: centerKeys.municipalities(on),
    queryFn: ({ signal }) => api('municipalities', { signal, query: on ? { on } : {} }),
  });
}

export function useCenters(filter: QueryOf<'centers'>) {
  return useQuery({
    queryKey: centerKeys.centers(filter),
    queryFn: ({ signal }) => api('centers', { signal, query: filter }),
    placeholderData: (previous) => previous,
  });
}
