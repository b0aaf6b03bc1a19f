/** Stores municipality shapes: the schematic Kuzbass set at seeding, or real boundaries from a file. */
import type { Kysely } from 'kysely';
import { createAuditWriter } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { featureLabel, matchFeature, parseShapes, type ShapeFeature, ShapesError } from './geojson.js';

type Db = Kysely<Database>;

export type ShapesReport = {
  matched: { feature: number; label: string; municipalities: string[] }[];
  unmatched: { feature: number; label: string }[];
  /** Municipalities in force today that still have no shape of their own. */
  withoutShape: string[];
};

/**
 * Matches the features to the region's municipalities (any period) and, unless `dryRun`, writes the shapes
 * in one transaction with an audit row. A file in which nothing matches is refused and nothing is written.
 */
export async function loadShapes(
  db: Db,
  features: ShapeFeature[],
  options: {
    source: 'schematic' | 'loaded';
    today: string;
    now: Date;
    dryRun?: boolean;
    onlyMissing?: boolean;
  },
): Promise<ShapesReport> {
  const inTransaction = <T>(fn: (trx: Db) => Promise<T>) =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);
  return inTransaction(async (trx) => {
    const region = await trx
      .selectFrom('regions')
      .select('id')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (!region) throw new ShapesError('There is no region yet: run `dobroset seed` first.');
    const municipalities = await trx
      .selectFrom('municipalities')
      .select(['id', 'slug', 'name_ru', 'oktmo', 'shape_source', 'effective_from', 'effective_to'])
      .where('region_id', '=', region.id)
      .execute();
    const report: ShapesReport = { matched: [], unmatched: [], withoutShape: [] };
    const writes = new Map<string, ShapeFeature>();
    for (const f of features) {
      const found = matchFeature(f, municipalities);
      const label = featureLabel(f.properties);
      if (found.length === 0) {
        report.unmatched.push({ feature: f.index, label });
        continue;
      }
      report.matched.push({ feature: f.index, label, municipalities: found.map((m) => m.name_ru) });
      for (const m of found) {
        if (options.onlyMissing && m.shape_source !== null) continue;
        writes.set(m.id, f);
      }
    }
    if (report.matched.length === 0) {
      throw new ShapesError(
        `No feature matched a municipality of the region (by OKTMO, slug or name): ${report.unmatched
          .slice(0, 5)
          .map((u) => `«${u.label}»`)
          .join(', ')}${report.unmatched.length > 5 ? ', …' : ''}. Nothing was loaded.`,
      );
    }
    for (const m of municipalities) {
      const inForce =
        m.effective_from <= options.today && (!m.effective_to || m.effective_to > options.today);
      if (inForce && m.shape_source === null && !writes.has(m.id)) report.withoutShape.push(m.name_ru);
    }
    if (options.dryRun) return report;
    for (const [id, f] of writes) {
      await trx
        .updateTable('municipalities')
        .set({
          shape: JSON.stringify(f.geometry),
          shape_source: options.source,
          shape_updated_at: options.now,
        })
        .where('id', '=', id)
        .execute();
    }
    if (options.source === 'loaded') {
      await createAuditWriter({ clock: { now: () => options.now } }).record(trx, {
        actorId: null,
        action: 'municipality.shapes_loaded',
        target: 'region',
        targetId: region.id,
        data: {
          municipalities: writes.size,
          unmatchedFeatures: report.unmatched.map((u) => u.label),
        },
      });
    }
    return report;
  });
}

/** Parses and loads GeoJSON text (the `dobroset shapes load` path). */
export const loadShapesFromText = (
  db: Db,
  text: string,
  options: { today: string; now: Date; dryRun?: boolean },
) => loadShapes(db, parseShapes(text), { ...options, source: 'loaded' });
