/**
 * The operator's settings of the workflow: stages (rename, reorder, typical days, add or retire review
 * stages), the document checklist and the service kinds. Lists are readable by anyone (names only);
 * changes belong to the regional operator and are audited.
 */
import type { Kysely } from 'kysely';
import type { ApplicationStage, DocumentKind, ServiceKind } from '../../../shared/contracts/applications.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, holds, requireUser } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { IfMatch } from '../../platform/http/etag.js';
import type { ServiceKinds } from '../centers/index.js';
import type { NetworkService } from '../network/index.js';
import { stageKind } from './application-workflow.js';
import type { SettingsRepo } from './settings.repo.js';

type Db = Kysely<Database>;
type StageRow = Awaited<ReturnType<ReturnType<typeof createSettingsService>['stageRows']>>[number];

export const toStageView = (s: StageRow): ApplicationStage => ({
  code: s.code,
  nameRu: s.name_ru,
  nameEn: s.name_en,
  position: s.position,
  typicalDays: s.typical_days,
  isSystem: s.is_system,
  active: s.active,
  kind: stageKind(s.code),
  version: s.version,
});

type KindRow = Awaited<ReturnType<ReturnType<typeof createSettingsService>['documentKindRows']>>[number];
export const toDocumentKindView = (k: KindRow): DocumentKind => ({
  code: k.code,
  nameRu: k.name_ru,
  nameEn: k.name_en,
  description: k.description,
  required: k.required,
  neededByStage: k.needed_by_stage,
  position: k.position,
  active: k.active,
  version: k.version,
});

const toServiceKindView = (k: {
  code: string;
  name_ru: string;
  name_en: string;
  position: number;
  active: boolean;
  version: number;
}): ServiceKind => ({
  code: k.code,
  nameRu: k.name_ru,
  nameEn: k.name_en,
  position: k.position,
  active: k.active,
  version: k.version,
});

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';
const codeTaken = () =>
  conflict('code_taken', 'This code already exists.', [
    { field: 'code', code: 'code_taken', message: 'This code already exists.' },
  ]);

export function createSettingsService(deps: {
  db: Db;
  repo: SettingsRepo;
  network: NetworkService;
  audit: AuditWriter;
  /** The vocabulary of centre services, kept by the centers module. */
  serviceKinds: ServiceKinds;
}) {
  const { db, repo, network, audit, serviceKinds } = deps;

  async function requireOperator(actor: Actor) {
    const user = requireUser(actor);
    const region = await network.currentRegion();
    authorize(holds(actor, 'regional_admin', { regionId: region.id }));
    return user;
  }

  const stageRows = (trx: Db = db) => repo.stages(trx);
  const documentKindRows = (trx: Db = db) => repo.documentKinds(trx);

  /** A review stage's position must stand strictly between submitted and opened. */
  async function checkReviewPosition(position: number, trx: Db) {
    const rows = await stageRows(trx);
    const submitted = rows.find((s) => s.code === 'submitted')?.position ?? 0;
    const opened = rows.find((s) => s.code === 'opened')?.position ?? Number.MAX_SAFE_INTEGER;
    if (position <= submitted || position >= opened) {
      throw invalid('stage_position', 'A review stage must stand between submitted and opened.', [
        {
          field: 'position',
          code: 'stage_position',
          message: `Between ${submitted} and ${opened} (exclusive).`,
        },
      ]);
    }
  }

  async function checkNeededBy(code: string, trx: Db) {
    const stage = (await stageRows(trx)).find((s) => s.code === code);
    if (!stage || stageKind(stage.code) !== 'review' || !stage.active) {
      throw invalid('unknown_stage', 'No such review stage.', [
        { field: 'neededByStage', code: 'unknown_stage', message: 'No such review stage.' },
      ]);
    }
  }

  return {
    stageRows,
    documentKindRows,

    async stages(includeRetired = false) {
      const rows = await stageRows();
      return { items: rows.filter((s) => includeRetired || s.active).map(toStageView) };
    },

    async createStage(
      actor: Actor,
      body: { code: string; nameRu: string; nameEn: string; position: number; typicalDays: number },
    ) {
      const user = await requireOperator(actor);
      return db.transaction().execute(async (trx) => {
        await checkReviewPosition(body.position, trx);
        try {
          await repo.insertStage(
            {
              code: body.code,
              name_ru: body.nameRu.trim(),
              name_en: body.nameEn.trim(),
              position: body.position,
              typical_days: body.typicalDays,
              is_system: false,
            },
            trx,
          );
        } catch (error) {
          if (isUniqueViolation(error)) throw codeTaken();
          throw error;
        }
        await audit.record(trx, {
          actorId: user.userId,
          action: 'application_stage.created',
          target: 'application_stage',
          targetId: body.code,
          data: body,
        });
        const row = (await stageRows(trx)).find((s) => s.code === body.code) as StageRow;
        return { stage: toStageView(row) };
      });
    },

    async updateStage(
      actor: Actor,
      code: string,
      body: { nameRu?: string; nameEn?: string; position?: number; typicalDays?: number; active?: boolean },
      ifMatch?: IfMatch,
    ) {
      const user = await requireOperator(actor);
      return db.transaction().execute(async (trx) => {
        const row = await repo.lockStage(code, trx);
        if (!row) throw notFound('stage');
        await beginEdit(trx, 'application_stages', { column: 'code', value: code }, ifMatch, 'stage');
        const moving = body.position !== undefined && body.position !== row.position;
        if (row.is_system && (moving || body.active === false)) {
          throw conflict('system_stage', 'A system stage cannot be retired or moved.', [
            {
              field: moving ? 'position' : 'active',
              code: 'system_stage',
              message: 'A system stage cannot be retired or moved.',
            },
          ]);
        }
        if (moving) await checkReviewPosition(body.position as number, trx);
        if (body.active === false && row.active) {
          const inUse = await repo.openApplicationsAt(code, trx);
          if (inUse > 0) {
            throw conflict('stage_in_use', 'Applications are at this stage.', [
              { field: 'active', code: 'stage_in_use', message: `${inUse} application(s) at this stage.` },
            ]);
          }
        }
        await repo.updateStage(
          code,
          {
            ...(body.nameRu !== undefined ? { name_ru: body.nameRu.trim() } : {}),
            ...(body.nameEn !== undefined ? { name_en: body.nameEn.trim() } : {}),
            ...(body.position !== undefined ? { position: body.position } : {}),
            ...(body.typicalDays !== undefined ? { typical_days: body.typicalDays } : {}),
            ...(body.active !== undefined ? { active: body.active } : {}),
          },
          trx,
        );
        await audit.record(trx, {
          actorId: user.userId,
          action: 'application_stage.updated',
          target: 'application_stage',
          targetId: code,
          data: body,
        });
        const updated = (await stageRows(trx)).find((s) => s.code === code) as StageRow;
        return { stage: toStageView(updated) };
      });
    },

    async documentKinds(includeRetired = false) {
      const rows = await documentKindRows();
      return { items: rows.filter((k) => includeRetired || k.active).map(toDocumentKindView) };
    },

    async createDocumentKind(
      actor: Actor,
      body: {
        code: string;
        nameRu: string;
        nameEn: string;
        description?: string | null;
        required: boolean;
        neededByStage: string;
        position: number;
      },
    ) {
      const user = await requireOperator(actor);
      return db.transaction().execute(async (trx) => {
        await checkNeededBy(body.neededByStage, trx);
        try {
          await repo.insertDocumentKind(
            {
              code: body.code,
              name_ru: body.nameRu.trim(),
              name_en: body.nameEn.trim(),
              description: body.description?.trim() || null,
              required: body.required,
              needed_by_stage: body.neededByStage,
              position: body.position,
            },
            trx,
          );
        } catch (error) {
          if (isUniqueViolation(error)) throw codeTaken();
          throw error;
        }
        await audit.record(trx, {
          actorId: user.userId,
          action: 'document_kind.created',
          target: 'application_document_kind',
          targetId: body.code,
          data: body,
        });
        const row = (await documentKindRows(trx)).find((k) => k.code === body.code) as KindRow;
        return { documentKind: toDocumentKindView(row) };
      });
    },

    async updateDocumentKind(
      actor: Actor,
      code: string,
      body: {
        nameRu?: string;
        nameEn?: string;
        description?: string | null;
        required?: boolean;
        neededByStage?: string;
        position?: number;
        active?: boolean;
      },
      ifMatch?: IfMatch,
    ) {
      const user = await requireOperator(actor);
      return db.transaction().execute(async (trx) => {
        const row = (await documentKindRows(trx)).find((k) => k.code === code);
        if (!row) throw notFound('document kind');
        const where = { column: 'code', value: code } as const;
        await beginEdit(trx, 'application_document_kinds', where, ifMatch, 'document kind');
        if (body.neededByStage !== undefined) await checkNeededBy(body.neededByStage, trx);
        await repo.updateDocumentKind(
          code,
          {
            ...(body.nameRu !== undefined ? { name_ru: body.nameRu.trim() } : {}),
            ...(body.nameEn !== undefined ? { name_en: body.nameEn.trim() } : {}),
            ...(body.description !== undefined ? { description: body.description?.trim() || null } : {}),
            ...(body.required !== undefined ? { required: body.required } : {}),
            ...(body.neededByStage !== undefined ? { needed_by_stage: body.neededByStage } : {}),
            ...(body.position !== undefined ? { position: body.position } : {}),
            ...(body.active !== undefined ? { active: body.active } : {}),
          },
          trx,
        );
        await audit.record(trx, {
          actorId: user.userId,
          action: 'document_kind.updated',
          target: 'application_document_kind',
          targetId: code,
          data: body,
        });
        const updated = (await documentKindRows(trx)).find((k) => k.code === code) as KindRow;
        return { documentKind: toDocumentKindView(updated) };
      });
    },

    async serviceKinds(includeRetired = false) {
      return { items: (await serviceKinds.list(db, includeRetired)).map(toServiceKindView) };
    },

    async createServiceKind(
      actor: Actor,
      body: { code: string; nameRu: string; nameEn: string; position: number },
    ) {
      const user = await requireOperator(actor);
      return db.transaction().execute(async (trx) => {
        try {
          const row = await serviceKinds.create(trx, {
            code: body.code,
            nameRu: body.nameRu.trim(),
            nameEn: body.nameEn.trim(),
            position: body.position,
          });
          await audit.record(trx, {
            actorId: user.userId,
            action: 'service_kind.created',
            target: 'center_service_kind',
            targetId: body.code,
            data: body,
          });
          return { serviceKind: toServiceKindView(row) };
        } catch (error) {
          if (isUniqueViolation(error)) throw codeTaken();
          throw error;
        }
      });
    },

    async updateServiceKind(
      actor: Actor,
      code: string,
      body: { nameRu?: string; nameEn?: string; position?: number; active?: boolean },
      ifMatch?: IfMatch,
    ) {
      const user = await requireOperator(actor);
      return db.transaction().execute(async (trx) => {
        const row = await serviceKinds.update(
          trx,
          code,
          { ...body, nameRu: body.nameRu?.trim(), nameEn: body.nameEn?.trim() },
          ifMatch,
        );
        if (!row) throw notFound('service kind');
        await audit.record(trx, {
          actorId: user.userId,
          action: 'service_kind.updated',
          target: 'center_service_kind',
          targetId: code,
          data: body,
        });
        return { serviceKind: toServiceKindView(row) };
      });
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
