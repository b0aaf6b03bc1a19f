// contract: ready
/**
 * Endpoints of the applications feature («Добро.Центр» status applications, their settings and in-app
 * notifications); spread into the shared endpoint table (endpoints.ts). Schemas: ./applications.ts.
 *
 * The upload is outside this table because its request body is a file:
 *
 * Upload a document (a new version of one checklist kind; the applicant's representatives only):
 *   POST /api/applications/:id/documents/:kind?name=<original file name, URL-encoded UTF-8>
 *   headers: X-Requested-With: dobroset   (required: the CSRF defence, ADR 0003)
 *            Accept-Language: ru | en      (language of problem messages)
 *            Content-Type: application/octet-stream (any value is accepted and ignored)
 *   body:    the raw file bytes (e.g. `fetch(url, { method: 'POST', headers, body: file })` with a File)
 *   → 201 `ApplicationDocumentEnvelope` (JSON): the document with all its versions, newest first.
 *   The type is decided by sniffing the bytes only (never by the name or the declared type): PDF, JPEG,
 *   PNG or DOCX (a ZIP holding word/document.xml). Refusals are problem+json with `errors[{field:'file'}]`:
 *   415 `unsupported_file_type` (anything else: GIF, text, an executable renamed to .pdf, a ZIP that is
 *   not a DOCX), 413 `file_too_large` (over UPLOAD_MAX_MB, default 10 MB), 400 `file_empty`; `name` is
 *   required (400 `validation_failed`, field `query.name`). Uploading to an accepted document is refused
 *   (409 `document_accepted`); to a returned one it adds a version and puts it back to review.
 *
 * Download one version (the applicant's representatives and the region's operator; others get 404) is the
 * file endpoint `applicationDocumentVersion` below: the bytes, with the sniffed Content-Type,
 * `Content-Disposition: attachment; filename="…"; filename*=UTF-8''<original name>` (RFC 6266, Cyrillic
 * kept), `X-Content-Type-Options: nosniff`. The web links to it with `fileUrl` (the session cookie
 * authenticates a GET).
 *
 * Illegal transitions answer 409 `illegal_transition` with `errors[{field:'to', code:'illegal_transition'}]`
 * whose message lists the allowed targets; `allowedTransitions` in `ApplicationDetail` is the same list.
 */
import { Type } from 'typebox';
import * as P from './applications.js';
import { Uuid } from './common.js';
import { MEDIA } from './files.js';

const NoContent = Type.Null();
const DocumentVersionParams = Type.Object({
  id: Uuid,
  kind: P.Code,
  version: Type.Integer({ minimum: 1, maximum: 100_000 }),
});

export const applicationsEndpoints = {
  // ——— Applications ———
  applications: {
    method: 'GET',
    path: '/api/applications',
    query: P.ApplicationListQuery,
    response: P.ApplicationList,
  },
  myApplications: {
    method: 'GET',
    path: '/api/applications/mine',
    query: P.ApplicationListQuery,
    response: P.ApplicationList,
  },
  createApplication: {
    method: 'POST',
    path: '/api/applications',
    body: P.CreateApplicationBody,
    response: P.ApplicationDetail,
  },
  application: {
    method: 'GET',
    path: '/api/applications/:id',
    params: P.ApplicationIdParams,
    response: P.ApplicationDetail,
  },
  updateApplication: {
    method: 'PATCH',
    path: '/api/applications/:id',
    params: P.ApplicationIdParams,
    body: P.UpdateApplicationBody,
    response: P.ApplicationDetail,
  },
  manageApplication: {
    method: 'PATCH',
    path: '/api/applications/:id/management',
    params: P.ApplicationIdParams,
    body: P.ManageApplicationBody,
    response: P.ApplicationDetail,
  },
  transitionApplication: {
    method: 'POST',
    path: '/api/applications/:id/transitions',
    params: P.ApplicationIdParams,
    body: P.TransitionBody,
    response: P.ApplicationDetail,
  },
  reviewApplicationDocument: {
    method: 'POST',
    path: '/api/applications/:id/documents/:kind/review',
    params: P.ApplicationDocumentParams,
    body: P.ReviewDocumentBody,
    response: P.ApplicationDocumentEnvelope,
  },
  applicationStageOwners: {
    method: 'GET',
    path: '/api/applications/stage-owners',
    response: P.StageOwnerList,
  },

  // ——— Settings (list: anyone; create/update: the regional operator) ———
  applicationStages: {
    method: 'GET',
    path: '/api/application-stages',
    query: P.ApplicationStageListQuery,
    response: P.ApplicationStageList,
  },
  createApplicationStage: {
    method: 'POST',
    path: '/api/admin/application-stages',
    body: P.CreateApplicationStageBody,
    response: P.ApplicationStageEnvelope,
  },
  updateApplicationStage: {
    method: 'PATCH',
    path: '/api/admin/application-stages/:code',
    params: P.CodeParams,
    body: P.UpdateApplicationStageBody,
    response: P.ApplicationStageEnvelope,
  },
  applicationDocumentKinds: {
    method: 'GET',
    path: '/api/application-document-kinds',
    query: P.DocumentKindListQuery,
    response: P.DocumentKindList,
  },
  createApplicationDocumentKind: {
    method: 'POST',
    path: '/api/admin/application-document-kinds',
    body: P.CreateDocumentKindBody,
    response: P.DocumentKindEnvelope,
  },
  updateApplicationDocumentKind: {
    method: 'PATCH',
    path: '/api/admin/application-document-kinds/:code',
    params: P.CodeParams,
    body: P.UpdateDocumentKindBody,
    response: P.DocumentKindEnvelope,
  },
  centerServiceKinds: {
    method: 'GET',
    path: '/api/center-service-kinds',
    query: P.ApplicationStageListQuery,
    response: P.ServiceKindList,
  },
  createCenterServiceKind: {
    method: 'POST',
    path: '/api/admin/center-service-kinds',
    body: P.CreateServiceKindBody,
    response: P.ServiceKindEnvelope,
  },
  updateCenterServiceKind: {
    method: 'PATCH',
    path: '/api/admin/center-service-kinds/:code',
    params: P.CodeParams,
    body: P.UpdateServiceKindBody,
    response: P.ServiceKindEnvelope,
  },

  // ——— In-app notifications (the signed-in user's own) ———
  notifications: {
    method: 'GET',
    path: '/api/me/notifications',
    query: P.NotificationListQuery,
    response: P.NotificationList,
  },
  unreadNotifications: {
    method: 'GET',
    path: '/api/me/notifications/unread-count',
    response: P.UnreadCount,
  },
  markNotificationRead: {
    method: 'POST',
    path: '/api/me/notifications/:id/read',
    params: P.NotificationIdParams,
    response: NoContent,
  },
  markAllNotificationsRead: {
    method: 'POST',
    path: '/api/me/notifications/read-all',
    response: P.UnreadCount,
  },
  applicationDocumentVersion: {
    method: 'GET',
    path: '/api/applications/:id/documents/:kind/versions/:version',
    params: DocumentVersionParams,
    file: {
      types: [MEDIA.pdf, MEDIA.jpeg, MEDIA.png, MEDIA.docx],
      description: 'The file as uploaded (its type decided by its bytes)',
      disposition: 'attachment',
      names: 'uploaded',
      cache: 'private, no-store',
    },
  },
} as const;
