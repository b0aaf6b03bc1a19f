// Generates the SCHEMATIC municipality shapes of Kuzbass shipped with the seed (kuzbass-schematic.json).
// Real boundaries could not be shipped (no openly licensed data set was at hand), so these are drawn from
// the seeded facts only: Voronoi cells of the municipal okrugs' administrative centres, clipped to a rough
// outline of the region, with each urban okrug as a disc around its city (area grows with population) cut
// out of the cells. They show where a municipality is, not its border. Load real ones with
// `dobroset shapes load <file.geojson>`.
//
// Run once, offline, from the repository root (dev dependencies d3-delaunay and polygon-clipping):
//   node src/server/seed/shapes/generate-schematic.mjs
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Delaunay } from 'd3-delaunay';
import polygonClipping from 'polygon-clipping';

const here = new URL('.', import.meta.url);
const csv = fs.readFileSync(new URL('../kuzbass/municipalities.csv', here), 'utf8');
const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true });

/** A rough outline of Kemerovo Oblast (lat, lon), drawn by hand; enough to frame a schematic map. */
const OUTLINE_LATLON = [
  [56.85, 86.05],
  [56.65, 86.9],
  [56.6, 87.8],
  [56.45, 88.6],
  [56.25, 89.2],
  [55.8, 89.4],
  [55.35, 89.0],
  [54.9, 88.7],
  [54.4, 88.85],
  [53.9, 88.75],
  [53.5, 88.95],
  [53.05, 89.1],
  [52.6, 88.7],
  [52.15, 88.2],
  [52.3, 87.7],
  [52.55, 87.3],
  [52.85, 87.0],
  [53.2, 86.7],
  [53.6, 86.2],
  [53.95, 85.6],
  [54.3, 85.15],
  [54.6, 84.95],
  [55.0, 84.75],
  [55.45, 84.55],
  [55.8, 84.45],
  [56.1, 84.7],
  [56.35, 85.3],
  [56.6, 85.65],
];

// Work in a plane where a degree of longitude is as long as at the region's middle latitude.
const K = Math.cos((54.5 * Math.PI) / 180);
const KM_PER_DEG_LAT = 111.2;
const toXY = ([lat, lon]) => [lon * K, lat];
const toLonLat = ([x, y]) => [round(x / K), round(y)];
const round = (v) => Math.round(v * 10000) / 10000;

const outlineRing = OUTLINE_LATLON.map(toXY);
outlineRing.push(outlineRing[0]);
const outline = [[outlineRing]];

/** A disc of `radiusKm` around (lat, lon) as a 40-gon. */
function disc(lat, lon, radiusKm) {
  const r = radiusKm / KM_PER_DEG_LAT;
  const [cx, cy] = toXY([lat, lon]);
  const ring = [];
  for (let i = 0; i < 40; i += 1) {
    const a = (2 * Math.PI * i) / 40;
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return [[ring]];
}

const cities = rows
  .filter((r) => r.kind === 'urban_okrug')
  .sort((a, b) => Number(b.population || 0) - Number(a.population || 0));
const okrugs = rows.filter((r) => r.kind !== 'urban_okrug');

// Urban okrugs: discs, larger cities first; a smaller disc gives way where it would overlap a larger one.
const cityShapes = new Map();
let taken = [];
for (const c of cities) {
  const radiusKm = 3 + Math.sqrt(Number(c.population || 10000)) / 45;
  let shape = polygonClipping.intersection(disc(Number(c.lat), Number(c.lon), radiusKm), outline);
  if (taken.length) shape = polygonClipping.difference(shape, taken);
  cityShapes.set(c.slug, shape);
  taken = polygonClipping.union(taken, shape);
}

// Municipal okrugs and districts: Voronoi cells of their admin centres, clipped, minus the city discs.
const sites = okrugs.map((r) => toXY([Number(r.lat), Number(r.lon)]));
const xs = outlineRing.map((p) => p[0]);
const ys = outlineRing.map((p) => p[1]);
const voronoi = Delaunay.from(sites).voronoi([
  Math.min(...xs) - 1,
  Math.min(...ys) - 1,
  Math.max(...xs) + 1,
  Math.max(...ys) + 1,
]);
const okrugShapes = new Map();
okrugs.forEach((r, i) => {
  const cell = voronoi.cellPolygon(i);
  const clipped = polygonClipping.intersection([[cell]], outline);
  okrugShapes.set(r.slug, polygonClipping.difference(clipped, taken));
});

const toGeometry = (multi) => {
  const coordinates = multi.map((polygon) => polygon.map((ring) => ring.map(toLonLat)));
  return coordinates.length === 1
    ? { type: 'Polygon', coordinates: coordinates[0] }
    : { type: 'MultiPolygon', coordinates };
};

const features = rows.map((r) => {
  const shape = cityShapes.get(r.slug) ?? okrugShapes.get(r.slug);
  if (!shape?.length) throw new Error(`no shape for ${r.slug}`);
  return {
    type: 'Feature',
    properties: { slug: r.slug, name_ru: r.name_ru, schematic: true },
    geometry: toGeometry(shape),
  };
});

const collection = {
  type: 'FeatureCollection',
  // Not a GeoJSON member: a note for whoever opens the file.
  note: 'SCHEMATIC shapes generated from admin centres and population (generate-schematic.mjs), not real boundaries. Replace with `dobroset shapes load <file.geojson>`.',
  features,
};
fs.writeFileSync(new URL('kuzbass-schematic.json', here), `${JSON.stringify(collection)}\n`);
console.log(`wrote ${features.length} schematic shapes`);
