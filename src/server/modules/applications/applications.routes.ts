import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import { registerApplicationFileRoutes } from './applications.files.routes.js';
import type { ApplicationsService } from './applications.service.js';
import type { SettingsService } from './settings.service.js';

export function registerApplicationRoutes(
  app: FastifyInstance,
  deps: {
    applications: ApplicationsService & { uploadMaxBytes: number };
    applicationSettings: SettingsService;
  },
) {
  const { applications, applicationSettings: settings } = deps;
  const tags = ['applications'];
  route(app, ep.applications, {
    summary: "The operator's queue (the region's applications, no drafts); a representative's own ones",
    tags,
    handler: ({ query }, request) => applications.list(request.actor, query),
  });
  route(app, ep.myApplications, {
    summary: 'Applications of the organizations I represent',
    tags,
    handler: ({ query }, request) => applications.mine(request.actor, query),
  });
  route(app, ep.createApplication, {
    summary: 'Start an application (a draft) for an organization I represent',
    tags,
    status: 201,
    handler: ({ body }, request) => applications.create(request.actor, body),
  });
  route(app, ep.applicationStageOwners, {
    summary: 'Operators of the region a stage can be assigned to (operator only)',
    tags,
    handler: (_input, request) => applications.stageOwners(request.actor),
  });
  route(app, ep.application, {
    summary: 'One application with its documents, timeline and what I may do (applicant or operator)',
    tags,
    handler: ({ params }, request) => applications.detail(request.actor, params.id),
    etag: (r) => r.application.version,
  });
  route(app, ep.updateApplication, {
    summary: 'Edit a draft or an application returned for changes (applicant)',
    tags,
    handler: ({ params, body, ifMatch }, request) =>
      applications.update(request.actor, params.id, body, ifMatch),
    etag: (r) => r.application.version,
  });
  route(app, ep.manageApplication, {
    summary: 'Set the stage owner and the expected opening date (operator)',
    tags,
    handler: ({ params, body, ifMatch }, request) =>
      applications.manage(request.actor, params.id, body, ifMatch),
    etag: (r) => r.application.version,
  });
  route(app, ep.transitionApplication, {
    summary:
      'Move the application: submit, resubmit, withdraw (applicant); advance, request changes, reject, open (operator)',
    tags,
    handler: ({ params, body }, request) => applications.transition(request.actor, params.id, body),
  });
  route(app, ep.reviewApplicationDocument, {
    summary: 'Accept or return (comment required) the latest version of a document (operator)',
    tags,
    handler: ({ params, body }, request) =>
      applications.reviewDocument(request.actor, params.id, params.kind, body),
  });

  const settingsTags = ['application settings'];
  route(app, ep.applicationStages, {
    summary: 'Stages of the workflow in order (retired ones with includeRetired)',
    tags: settingsTags,
    handler: ({ query }) => settings.stages(query.includeRetired),
  });
  route(app, ep.createApplicationStage, {
    summary: 'Add a review stage between submitted and opened (operator)',
    tags: settingsTags,
    status: 201,
    handler: ({ body }, request) => settings.createStage(request.actor, body),
  });
  route(app, ep.updateApplicationStage, {
    summary: 'Rename, reorder, set typical days, retire a review stage (operator)',
    tags: settingsTags,
    handler: ({ params, body, ifMatch }, request) =>
      settings.updateStage(request.actor, params.code, body, ifMatch),
    etag: (r) => r.stage.version,
  });
  route(app, ep.applicationDocumentKinds, {
    summary: 'The document checklist',
    tags: settingsTags,
    handler: ({ query }) => settings.documentKinds(query.includeRetired),
  });
  route(app, ep.createApplicationDocumentKind, {
    summary: 'Add a document kind to the checklist (operator)',
    tags: settingsTags,
    status: 201,
    handler: ({ body }, request) => settings.createDocumentKind(request.actor, body),
  });
  route(app, ep.updateApplicationDocumentKind, {
    summary: 'Change or retire a document kind (operator)',
    tags: settingsTags,
    handler: ({ params, body, ifMatch }, request) =>
      settings.updateDocumentKind(request.actor, params.code, body, ifMatch),
    etag: (r) => r.documentKind.version,
  });
  route(app, ep.centerServiceKinds, {
    summary: 'Services a centre can offer',
    tags: settingsTags,
    handler: ({ query }) => settings.serviceKinds(query.includeRetired),
  });
  route(app, ep.createCenterServiceKind, {
    summary: 'Add a service kind (operator)',
    tags: settingsTags,
    status: 201,
    handler: ({ body }, request) => settings.createServiceKind(request.actor, body),
  });
  route(app, ep.updateCenterServiceKind, {
    summary: 'Rename, reorder or retire a service kind (operator)',
    tags: settingsTags,
    handler: ({ params, body, ifMatch }, request) =>
      settings.updateServiceKind(request.actor, params.code, body, ifMatch),
    etag: (r) => r.serviceKind.version,
  });

  registerApplicationFileRoutes(app, { applications, uploadMaxBytes: applications.uploadMaxBytes });
}
