/**
 * The hand-written row types against the migrated schema. The compiler holds test/support/schema-columns.ts
 * to the types (schema.ts and the modules' `*.tables.ts`); this test holds it to information_schema of a
 * database migrated with every migration: tables, column names, nullability and the kind of value.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_COLUMNS } from '../../../../test/support/schema-columns.js';
import { openTestDatabase } from '../../../../test/support/template.js';
import type { DatabaseHandle } from './database.js';

/** What each column type reaches the code as (database.ts normalises int8 → number, numeric/date → string). */
const KINDS: Record<string, readonly string[]> = {
  text: ['string'],
  'character varying': ['string'],
  uuid: ['string'],
  date: ['string'],
  numeric: ['string'],
  'time without time zone': ['string'],
  tsvector: ['string'],
  smallint: ['number'],
  integer: ['number'],
  bigint: ['number'],
  'double precision': ['number'],
  boolean: ['boolean'],
  'timestamp with time zone': ['instant'],
  ARRAY: ['array'],
  jsonb: ['json', 'array'],
  json: ['json', 'array'],
};

/** Tables no row type describes: the migrator's own. */
const UNTYPED = new Set(['kysely_migration', 'kysely_migration_lock']);

type CatalogueColumn = { table_name: string; column_name: string; data_type: string; is_nullable: string };

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe('the row types', () => {
  it('describe every table and column of the migrated schema, with its nullability and kind', async () => {
    const { rows } = await sql<CatalogueColumn>`
      select c.table_name, c.column_name, c.data_type, c.is_nullable
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position
    `.execute(handle.db);
    const typed: Record<string, Record<string, string>> = DATABASE_COLUMNS;
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const c of rows.filter((r) => !UNTYPED.has(r.table_name))) {
      const name = `${c.table_name}.${c.column_name}`;
      seen.add(name);
      const tag = typed[c.table_name]?.[c.column_name];
      if (!tag) {
        problems.push(`${name} (${c.data_type}) is in the database but not in the row types`);
        continue;
      }
      const [kind, nullable] = [tag.replace(' | null', ''), tag.endsWith(' | null')];
      const kinds = KINDS[c.data_type];
      if (!kinds) problems.push(`${name}: no kind known for ${c.data_type} (add it to KINDS)`);
      else if (!kinds.includes(kind))
        problems.push(`${name}: ${c.data_type} in the database, ${kind} in the types`);
      if (nullable !== (c.is_nullable === 'YES')) {
        problems.push(
          `${name}: ${nullable ? 'not ' : ''}null in the database, ${nullable ? '' : 'not '}null in the types`,
        );
      }
    }
    for (const [table, columns] of Object.entries(typed)) {
      for (const column of Object.keys(columns)) {
        if (!seen.has(`${table}.${column}`))
          problems.push(`${table}.${column} is in the row types but not in the database`);
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(400);
  });
});
