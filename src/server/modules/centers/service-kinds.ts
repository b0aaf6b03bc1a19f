/**
 * The vocabulary of centre services (`center_service_kinds`), for the module whose settings page edits it
 * (applications: the operator's workflow settings). Changes run inside the caller's transaction, which
 * also records the audit row; only the centers module writes the table.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import type { IfMatch } from '../../platform/http/etag.js';
import type { CentersRepo } from './centers.repo.js';

export type NewServiceKind = { code: string; nameRu: string; nameEn: string; position: number };
export type ServiceKindChange = { nameRu?: string; nameEn?: string; position?: number; active?: boolean };

export function createServiceKinds(repo: CentersRepo) {
  return {
    /** The kinds by position; retired ones only when asked. */
    list: (trx: Kysely<Database>, includeRetired: boolean) => repo.serviceKinds(includeRetired, trx),

    /** Adds a kind (a taken code fails with the database's unique violation, 23505). */
    create: (trx: Kysely<Database>, kind: NewServiceKind) =>
      repo.insertServiceKind(
        { code: kind.code, name_ru: kind.nameRu, name_en: kind.nameEn, position: kind.position },
        trx,
      ),

    /** Checks the version (If-Match) and writes the given fields; the row as it is now, or none. */
    async update(trx: Kysely<Database>, code: string, change: ServiceKindChange, ifMatch?: IfMatch) {
      await beginEdit(trx, 'center_service_kinds', { column: 'code', value: code }, ifMatch, 'service kind');
      return repo.updateServiceKind(
        code,
        {
          ...(change.nameRu !== undefined ? { name_ru: change.nameRu } : {}),
          ...(change.nameEn !== undefined ? { name_en: change.nameEn } : {}),
          ...(change.position !== undefined ? { position: change.position } : {}),
          ...(change.active !== undefined ? { active: change.active } : {}),
        },
        trx,
      );
    },
  };
}
export type ServiceKinds = ReturnType<typeof createServiceKinds>;
