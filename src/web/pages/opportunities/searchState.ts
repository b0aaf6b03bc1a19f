/** The catalogue's search state, kept in the address bar so a search can be shared and reloaded. */
import type { QueryOf } from '../../api/client';

export type SearchState = {
  q: string;
  municipalityId: string;
  category: string;
  from: string;
  to: string;
  freeOnly: boolean;
  lat: string;
  lon: string;
  sort: '' | 'start' | 'distance' | 'relevance';
  page: number;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;
const NUM = /^-?\d+(\.\d+)?$/;

export function stateFromParams(p: URLSearchParams): SearchState {
  const sort = p.get('sort');
  const page = Number(p.get('page') ?? '1');
  return {
    q: p.get('q') ?? '',
    municipalityId: UUID.test(p.get('municipalityId') ?? '') ? (p.get('municipalityId') as string) : '',
    category: p.get('category') ?? '',
    from: DAY.test(p.get('from') ?? '') ? (p.get('from') as string) : '',
    to: DAY.test(p.get('to') ?? '') ? (p.get('to') as string) : '',
    freeOnly: p.get('freeOnly') === 'true',
    lat: NUM.test(p.get('lat') ?? '') ? (p.get('lat') as string) : '',
    lon: NUM.test(p.get('lon') ?? '') ? (p.get('lon') as string) : '',
    sort: sort === 'start' || sort === 'distance' || sort === 'relevance' ? sort : '',
    page: Number.isInteger(page) && page > 0 && page < 5000 ? page : 1,
  };
}

export function searchQuery(s: SearchState, pageSize: number): QueryOf<'searchOpportunities'> {
  const hasPoint = s.lat !== '' && s.lon !== '';
  const sort = s.sort === 'distance' && !hasPoint ? undefined : s.sort || undefined;
  return {
    ...(s.q.trim() ? { q: s.q.trim() } : {}),
    ...(s.municipalityId ? { municipalityId: s.municipalityId } : {}),
    ...(s.category ? { category: s.category } : {}),
    ...(s.from ? { from: s.from } : {}),
    ...(s.to ? { to: s.to } : {}),
    ...(s.freeOnly ? { freeOnly: true } : {}),
    ...(hasPoint ? { lat: Number(s.lat), lon: Number(s.lon) } : {}),
    ...(sort ? { sort } : {}),
    limit: pageSize,
    offset: (s.page - 1) * pageSize,
  };
}
