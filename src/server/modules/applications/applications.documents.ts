/**
 * The document checklist of an application: the applicant uploads versions (never deleted), the operator
 * accepts or returns each document with a comment; both sides download any version.
 */
import { randomUUID } from 'node:crypto';
import type { ReviewDocumentBody } from '../../../shared/contracts/applications.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { safeFileName } from '../../platform/storage/uploads.js';
import { isFinal } from './application-workflow.js';
import type { ApplicationsContext } from './applications.context.js';
import { canReviewApplication, canUploadDocuments, isApplicant } from './applications.policy.js';
import { toDocument } from './applications.presenter.js';
import { toDocumentKindView } from './settings.service.js';
import { inspectUpload } from './uploads.js';

export function createDocumentUseCases(ctx: ApplicationsContext) {
  const { db, repo, settings, clock, store, mailer } = ctx;

  async function kindOf(code: string, activeOnly: boolean) {
    const kind = (await settings.documentKindRows()).find((k) => k.code === code);
    if (!kind || (activeOnly && !kind.active)) throw notFound('document kind');
    return kind;
  }

  async function documentView(applicationId: string, code: string) {
    const kind = await kindOf(code, false);
    const doc = (await repo.documents(applicationId)).find((d) => d.kind_code === code);
    const versions = doc ? await repo.versions([doc.id]) : [];
    return { document: toDocument(toDocumentKindView(kind), doc, versions) };
  }

  return {
    /** A new version of one checklist document (the applicant's representatives only). */
    async uploadDocument(actor: Actor, id: string, code: string, rawName: string, bytes: Buffer) {
      const user = requireUser(actor);
      const app = await ctx.loadVisible(actor, id);
      if (!isApplicant(actor, app)) throw forbidden('Only the applicant uploads documents.');
      if (!canUploadDocuments(actor, app)) {
        throw conflict('application_closed', 'The application is closed and cannot be changed.');
      }
      const kind = await kindOf(code, true);
      const file = await inspectUpload(bytes, ctx.uploadMaxBytes);
      // no bidi or invisible characters, and the extension of what the bytes are (never `.exe`)
      const fileName = safeFileName(rawName, file.contentType);
      // The bytes are stored first under a fresh key; a failed transaction leaves an unreferenced file
      // (harmless), never a version row without its file.
      const storageKey = `applications/${id}/${randomUUID()}`;
      await store.put(storageKey, bytes);
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lock(id, trx);
        if (!locked || isFinal(locked.stage)) {
          throw conflict('application_closed', 'The application is closed and cannot be changed.');
        }
        const now = clock.now();
        const doc =
          (await repo.lockDocument(id, code, trx)) ?? (await repo.insertDocument(id, code, now, trx));
        if (doc.status === 'accepted') {
          throw conflict('document_accepted', 'The document is already accepted.', [
            { field: 'file', code: 'document_accepted', message: 'The document is already accepted.' },
          ]);
        }
        const version = (await repo.maxVersion(doc.id, trx)) + 1;
        await repo.insertVersion(
          {
            document_id: doc.id,
            version,
            file_name: fileName,
            content_type: file.contentType,
            size_bytes: file.size,
            sha256: file.sha256,
            storage_key: storageKey,
            uploaded_by: user.userId,
            uploaded_at: now,
          },
          trx,
        );
        await repo.updateDocument(doc.id, { status: 'pending', updated_at: now }, trx);
        await repo.update(id, { updated_at: now }, trx);
        await ctx.audit(trx, user.userId, 'application.document_uploaded', id, {
          kind: code,
          version,
          sha256: file.sha256,
          size: file.size,
          contentType: file.contentType,
        });
        // The operator hears of uploads once the application is submitted (drafts are the applicant's).
        if (locked.stage !== 'draft')
          await ctx.notifyStep(trx, {
            event: 'document_uploaded',
            application: ctx.noticeApp(app),
            actorId: user.userId,
            audience: 'operator',
            mail: false,
            document: { code, nameRu: kind.name_ru, nameEn: kind.name_en },
          });
      });
      return documentView(id, code);
    },

    /** The operator accepts or returns (comment required) the latest version of a document. */
    async reviewDocument(actor: Actor, id: string, code: string, body: ReviewDocumentBody) {
      const user = requireUser(actor);
      const app = await ctx.loadVisible(actor, id);
      authorize(canReviewApplication(actor, app));
      const kind = await kindOf(code, false);
      const comment = body.comment?.normalize('NFC').trim() || null;
      if (body.decision === 'returned' && !comment) {
        throw invalid('return_comment_required', 'Say what to fix in the document.', [
          { field: 'comment', code: 'return_comment_required', message: 'Say what to fix in the document.' },
        ]);
      }
      const mailIds = await db.transaction().execute(async (trx) => {
        await repo.lock(id, trx);
        const doc = await repo.lockDocument(id, code, trx);
        if (!doc || (await repo.maxVersion(doc.id, trx)) === 0) {
          throw conflict('document_missing', 'The document is not uploaded.', [
            { field: 'kind', code: 'document_missing', message: 'Nothing to review yet.' },
          ]);
        }
        const now = clock.now();
        await repo.updateDocument(
          doc.id,
          {
            status: body.decision,
            review_comment: comment,
            reviewer_id: user.userId,
            reviewed_at: now,
            updated_at: now,
          },
          trx,
        );
        await repo.update(id, { updated_at: now }, trx);
        await ctx.audit(trx, user.userId, `application.document_${body.decision}`, id, {
          kind: code,
          comment,
        });
        return ctx.notifyStep(trx, {
          event: body.decision === 'accepted' ? 'document_accepted' : 'document_returned',
          application: ctx.noticeApp(app),
          actorId: user.userId,
          audience: 'applicant',
          mail: body.decision === 'returned',
          document: { code, nameRu: kind.name_ru, nameEn: kind.name_en },
          comment,
        });
      });
      await mailer.dispatch(mailIds);
      return documentView(id, code);
    },

    /** One stored version, for the applicant's representatives and the operator (others: 404). */
    async downloadVersion(actor: Actor, id: string, code: string, version: number) {
      await ctx.loadVisible(actor, id);
      const row = await repo.version(id, code, version);
      if (!row) throw notFound('document version');
      const body = await store.get(row.storage_key);
      if (!body) throw notFound('document file');
      return { body, fileName: safeFileName(row.file_name, row.content_type), contentType: row.content_type };
    },
  };
}
