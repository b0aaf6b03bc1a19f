/** Typed SQL for the workflow settings: stages and the document checklist (service kinds: centers). */
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ApplicationDocumentKindsTable, ApplicationStagesTable } from './applications.tables.js';

type Db = Kysely<Database>;

export function createSettingsRepo(db: Db) {
  return {
    stages: (trx: Db = db) =>
      trx.selectFrom('application_stages').selectAll().orderBy('position').orderBy('code').execute(),

    lockStage: (code: string, trx: Db) =>
      trx
        .selectFrom('application_stages')
        .selectAll()
        .where('code', '=', code)
        .forUpdate()
        .executeTakeFirst(),

    insertStage: (stage: Insertable<ApplicationStagesTable>, trx: Db) =>
      trx.insertInto('application_stages').values(stage).execute(),

    updateStage: (code: string, patch: Updateable<ApplicationStagesTable>, trx: Db) =>
      trx.updateTable('application_stages').set(patch).where('code', '=', code).execute(),

    /** Applications still under way at the stage (or returned from it). */
    openApplicationsAt: async (code: string, trx: Db = db) =>
      (
        await trx
          .selectFrom('center_applications')
          .select(sql<number>`count(*)::int`.as('n'))
          .where((eb) => eb.or([eb('stage', '=', code), eb('returned_from_stage', '=', code)]))
          .where('stage', 'not in', ['opened', 'rejected', 'withdrawn'])
          .executeTakeFirstOrThrow()
      ).n,

    documentKinds: (trx: Db = db) =>
      trx.selectFrom('application_document_kinds').selectAll().orderBy('position').orderBy('code').execute(),

    insertDocumentKind: (kind: Insertable<ApplicationDocumentKindsTable>, trx: Db) =>
      trx.insertInto('application_document_kinds').values(kind).execute(),

    updateDocumentKind: (code: string, patch: Updateable<ApplicationDocumentKindsTable>, trx: Db) =>
      trx.updateTable('application_document_kinds').set(patch).where('code', '=', code).execute(),
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
