/**
 * Reading municipality boundaries from GeoJSON: strict structural validation (so a wrong file is refused
 * with a message that names the feature and the problem) and matching features to municipalities by
 * OKTMO, slug or name. Pure; the database side is in load-shapes.ts.
 */
import type { MunicipalityShape } from '../../platform/db/schema.js';

export class ShapesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShapesError';
  }
}

export type ShapeFeature = {
  index: number;
  properties: Record<string, unknown>;
  geometry: MunicipalityShape;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkRing(ring: unknown, where: string): number[][] {
  if (!Array.isArray(ring) || ring.length < 4) {
    throw new ShapesError(`${where}: a ring needs at least 4 positions (the first repeated at the end).`);
  }
  ring.forEach((p, i) => {
    if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      throw new ShapesError(`${where}, position ${i}: expected [longitude, latitude] numbers.`);
    }
    const [lon, lat] = p as number[];
    if (Math.abs(lon as number) > 180 || Math.abs(lat as number) > 90) {
      throw new ShapesError(`${where}, position ${i}: [${lon}, ${lat}] is not a WGS 84 longitude/latitude.`);
    }
  });
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new ShapesError(`${where}: the ring is not closed (the last position must equal the first).`);
  }
  return (ring as number[][]).map((p) => [p[0] as number, p[1] as number]);
}

function checkPolygon(rings: unknown, where: string): number[][][] {
  if (!Array.isArray(rings) || rings.length === 0) throw new ShapesError(`${where}: a polygon needs rings.`);
  return rings.map((r, i) => checkRing(r, `${where}, ring ${i}`));
}

/** A Polygon or MultiPolygon geometry, validated and stripped to two-dimensional positions. */
export function checkGeometry(geometry: unknown, where: string): MunicipalityShape {
  if (!isObject(geometry)) throw new ShapesError(`${where}: the geometry is missing.`);
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: checkPolygon(geometry.coordinates, where) };
  }
  if (geometry.type === 'MultiPolygon') {
    const polygons = geometry.coordinates;
    if (!Array.isArray(polygons) || polygons.length === 0) {
      throw new ShapesError(`${where}: a MultiPolygon needs polygons.`);
    }
    return {
      type: 'MultiPolygon',
      coordinates: polygons.map((p, i) => checkPolygon(p, `${where}, polygon ${i}`)),
    };
  }
  throw new ShapesError(
    `${where}: geometry type ${String(geometry.type)} is not supported (municipalities are Polygon or MultiPolygon).`,
  );
}

/** Parses GeoJSON text: a FeatureCollection (or a single Feature) of Polygon/MultiPolygon features. */
export function parseShapes(text: string): ShapeFeature[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ShapesError(`The file is not valid JSON: ${(error as Error).message}`);
  }
  return readShapes(doc);
}

/** Validates a parsed GeoJSON document (see parseShapes). */
export function readShapes(doc: unknown): ShapeFeature[] {
  if (!isObject(doc)) throw new ShapesError('The file is not a GeoJSON object.');
  const list = doc.type === 'Feature' ? [doc] : doc.type === 'FeatureCollection' ? doc.features : undefined;
  if (!Array.isArray(list)) {
    throw new ShapesError(
      `Expected a GeoJSON FeatureCollection or Feature, found ${JSON.stringify(doc.type ?? null)}.`,
    );
  }
  if (list.length === 0) throw new ShapesError('The FeatureCollection has no features.');
  return list.map((f, index) => {
    const where = `Feature ${index}${isObject(f) && isObject(f.properties) ? ` (${featureLabel(f.properties)})` : ''}`;
    if (!isObject(f) || f.type !== 'Feature') throw new ShapesError(`${where}: not a GeoJSON Feature.`);
    return {
      index,
      properties: isObject(f.properties) ? f.properties : {},
      geometry: checkGeometry(f.geometry, where),
    };
  });
}

const NAME_KEYS = ['name_ru', 'name:ru', 'name', 'NAME', 'Name', 'nameRu'];
const OKTMO_KEYS = ['oktmo', 'OKTMO', 'oktmo_code', 'OKTMO_CODE'];

const firstString = (props: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) {
    const v = props[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return null;
};

export const featureLabel = (props: Record<string, unknown>) =>
  firstString(props, [...NAME_KEYS, 'slug', ...OKTMO_KEYS]) ?? 'no name';

/** Names compare without case, «ё», quotes and extra spaces. */
export const normalizeName = (name: string) =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["«»“”']/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export type MatchableMunicipality = { id: string; slug: string; name_ru: string; oktmo: string | null };

/**
 * The municipality rows a feature describes: by OKTMO when the feature has one (digits compared, leading
 * part of a longer code accepted), else by slug, else by Russian name. Several rows can match (a
 * municipality kept over periods under the same name).
 */
export function matchFeature<M extends MatchableMunicipality>(
  feature: ShapeFeature,
  municipalities: M[],
): M[] {
  const props = feature.properties;
  const oktmo = firstString(props, OKTMO_KEYS)?.replace(/\D/g, '');
  if (oktmo) {
    const byCode = municipalities.filter((m) => {
      const own = m.oktmo?.replace(/\D/g, '');
      return own && (own === oktmo || oktmo.startsWith(own) || own.startsWith(oktmo));
    });
    if (byCode.length) return byCode;
  }
  const slug = typeof props.slug === 'string' ? props.slug : null;
  if (slug) {
    const bySlug = municipalities.filter((m) => m.slug === slug);
    if (bySlug.length) return bySlug;
  }
  const name = firstString(props, NAME_KEYS);
  if (!name) return [];
  const wanted = normalizeName(name);
  return municipalities.filter((m) => normalizeName(m.name_ru) === wanted);
}
