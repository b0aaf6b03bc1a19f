/** Query keys of the centres feature. Keys start with the shared `public` keys, so invalidating those refreshes these. */
import type { QueryOf } from './client';
import { queryKeys } from './queries';

export const centerKeys = {
  municipalities: (on: string | null) => [...queryKeys.municipalities, on ?? 'today'] as const,
  shapes: [...queryKeys.public, 'municipality-shapes'] as const,
  serviceKinds: [...queryKeys.public, 'service-kinds'] as const,
  centers: (filter: QueryOf<'centers'>) => [...queryKeys.centers, filter] as const,
  center: (id: string) => ['center', id] as const,
  /** One centre as its managers see it (with contacts and status history) or as the public does. */
  centerView: (id: string, managed: boolean) => ['center', id, managed ? 'managed' : 'public'] as const,
};
