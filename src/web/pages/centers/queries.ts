/** Queries of the centres pages. Keys start with the shared `public` keys, so invalidating those refreshes these. */
import { useQuery } from '@tanstack/react-query';
import { api, type QueryOf } from '../../api/client';
import { queryKeys } from '../../api/queries';

export const centerKeys = {
  municipalities: (on: string | null) => [...queryKeys.municipalities, on ?? 'today'] as const,
  shapes: ['public', 'municipality-shapes'] as const,
  serviceKinds: ['public', 'service-kinds'] as const,
  centers: (filter: QueryOf<'centers'>) => [...queryKeys.centers, filter] as const,
  center: (id: string) => ['center', id] as const,
};

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
