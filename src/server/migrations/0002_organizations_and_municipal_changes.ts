import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organizations
      add column subkind text,
      add column inn text check (inn ~ '^([0-9]{10}|[0-9]{12})$'),
      add column ogrn text check (ogrn ~ '^([0-9]{13}|[0-9]{15})$'),
      add column address text,
      add column phone text,
      add column email text,
      add column website text,
      add column updated_at timestamptz not null default now();
    -- One organization per INN: duplicates are refused by the database, not only by the service.
    create unique index organizations_inn_key on organizations (inn) where inn is not null;
    create index organizations_name_idx on organizations (lower(name));

    -- A change of the municipal structure (conversion, merger, split, rename), recorded once by the operator.
    create table municipality_changes (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      kind text not null check (kind in ('conversion', 'merger', 'split', 'rename', 'abolition')),
      effective_on date not null,
      legal_basis text,
      comment text,
      actor_id uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    -- Which municipalities a change ended and which it started (a merger has several predecessors).
    create table municipality_lineage (
      change_id uuid not null references municipality_changes(id) on delete cascade,
      predecessor_id uuid not null references municipalities(id),
      successor_id uuid not null references municipalities(id),
      primary key (change_id, predecessor_id, successor_id),
      check (predecessor_id <> successor_id)
    );
    create index municipality_lineage_successor_idx on municipality_lineage (successor_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table municipality_lineage, municipality_changes;
    drop index organizations_inn_key;
    drop index organizations_name_idx;
    alter table organizations drop column subkind, drop column inn, drop column ogrn, drop column address,
      drop column phone, drop column email, drop column website, drop column updated_at;
  `.execute(db);
}
