import type { MunicipalChange, MunicipalityRef } from '../../../shared/contracts/municipal-changes.js';
import type { MunicipalChangesRepo, MunicipalityRefRow } from './municipal-changes.repo.js';

type ChangeRow = Awaited<ReturnType<MunicipalChangesRepo['changes']>>[number];
type LineageRow = Awaited<ReturnType<MunicipalChangesRepo['lineageOf']>>[number];
type AbolishedRow = Awaited<ReturnType<MunicipalChangesRepo['abolishedBy']>>[number];

const ref = (m: MunicipalityRefRow): MunicipalityRef => ({
  id: m.id,
  slug: m.slug,
  nameRu: m.name_ru,
  nameEn: m.name_en,
});

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** Changes with their predecessors and successor, from the rows of a fixed number of queries. */
export function toMunicipalChangeViews(
  changes: ChangeRow[],
  lineage: LineageRow[],
  abolished: AbolishedRow[],
): MunicipalChange[] {
  const linksOf = groupBy(lineage, (l) => l.change_id);
  const abolishedOf = groupBy(abolished, (a) => a.change_id);
  return changes.map((c) => {
    const links = linksOf.get(c.id) ?? [];
    const predecessors = new Map<string, MunicipalityRef>();
    for (const l of links) {
      predecessors.set(
        l.p_id,
        ref({ id: l.p_id, slug: l.p_slug, name_ru: l.p_name_ru, name_en: l.p_name_en }),
      );
    }
    for (const a of abolishedOf.get(c.id) ?? []) predecessors.set(a.id, ref(a));
    const s = links[0];
    return {
      id: c.id,
      kind: c.kind,
      effectiveOn: c.effective_on,
      legalBasis: c.legal_basis,
      comment: c.comment,
      predecessors: [...predecessors.values()],
      successor: s ? ref({ id: s.s_id, slug: s.s_slug, name_ru: s.s_name_ru, name_en: s.s_name_en }) : null,
      recordedAt: c.created_at.toISOString(),
    };
  });
}
