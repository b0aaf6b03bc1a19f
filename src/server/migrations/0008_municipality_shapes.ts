import { type Kysely, sql } from 'kysely';

/**
 * Municipality shapes: one GeoJSON geometry (Polygon or MultiPolygon, WGS 84 lon/lat) per municipality row.
 * A row is a municipality over a period (effective dates), so a shape follows the lineage without a table
 * of its own: a successor created by a recorded change has no shape until one is loaded, and is drawn from
 * its predecessors' shapes meanwhile (see modules/network/shapes.ts). `shape_source` tells real boundaries
 * (`loaded`, from `dobroset shapes load`) from the generated schematic ones the seed ships.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table municipalities
      add column shape jsonb,
      add column shape_source text check (shape_source in ('schematic', 'loaded')),
      add column shape_updated_at timestamptz,
      add constraint municipalities_shape_pair_check check ((shape is null) = (shape_source is null));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table municipalities
      drop constraint municipalities_shape_pair_check,
      drop column shape_updated_at,
      drop column shape_source,
      drop column shape;
  `.execute(db);
}
