/**
 * Which shape to draw for each municipality record. A record has its own shape (schematic or loaded), or
 * one is derived through the lineage: a successor without a shape (a merger, a new okrug) is drawn as the
 * pieces of its predecessors' shapes; a predecessor without one (a district converted into an okrug) takes
 * its successor's. Pure; no geometry library: pieces are kept side by side in one MultiPolygon.
 */
import type { MunicipalityShape as ShapeView } from '../../../shared/contracts/network.js';
import type { MunicipalityShape } from '../../platform/db/schema.js';

export type ShapeRow = {
  id: string;
  shape: MunicipalityShape | null;
  shape_source: 'schematic' | 'loaded' | null;
};
type Link = { predecessor_id: string; successor_id: string };
type Resolved = { geometry: MunicipalityShape; schematic: boolean; derived: boolean };

const polygonsOf = (g: MunicipalityShape): number[][][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

function combine(parts: Resolved[]): Resolved {
  const polygons = parts.flatMap((p) => polygonsOf(p.geometry));
  return {
    geometry:
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] as number[][][] }
        : { type: 'MultiPolygon', coordinates: polygons },
    schematic: parts.some((p) => p.schematic),
    derived: true,
  };
}

export function resolveShapes(rows: ShapeRow[], lineage: Link[]): ShapeView[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const predecessors = new Map<string, string[]>();
  const successors = new Map<string, string[]>();
  for (const l of lineage) {
    predecessors.set(l.successor_id, [...(predecessors.get(l.successor_id) ?? []), l.predecessor_id]);
    successors.set(l.predecessor_id, [...(successors.get(l.predecessor_id) ?? []), l.successor_id]);
  }

  const own = (id: string): Resolved | null => {
    const r = byId.get(id);
    return r?.shape ? { geometry: r.shape, schematic: r.shape_source !== 'loaded', derived: false } : null;
  };
  /** Own shape, else the union of the predecessors' (walking back), never revisiting a record. */
  const back = (id: string, seen: Set<string>): Resolved | null => {
    const mine = own(id);
    if (mine) return mine;
    const parts = (predecessors.get(id) ?? [])
      .filter((p) => !seen.has(p))
      .map((p) => back(p, new Set([...seen, p])))
      .filter((p): p is Resolved => p !== null);
    return parts.length ? combine(parts) : null;
  };
  /** Own shape, else the first successor's (walking forward). */
  const forward = (id: string, seen: Set<string>): Resolved | null => {
    const mine = own(id);
    if (mine) return mine;
    for (const s of successors.get(id) ?? []) {
      if (seen.has(s)) continue;
      const found = forward(s, new Set([...seen, s]));
      if (found) return { ...found, derived: true };
    }
    return null;
  };

  const out: ShapeView[] = [];
  for (const r of rows) {
    const resolved = back(r.id, new Set([r.id])) ?? forward(r.id, new Set([r.id]));
    if (!resolved) continue;
    out.push({
      municipalityId: r.id,
      source: resolved.derived ? 'derived' : (r.shape_source ?? 'schematic'),
      schematic: resolved.schematic,
      geometry: resolved.geometry,
    });
  }
  return out;
}
