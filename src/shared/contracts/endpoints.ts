/**
 * The API surface as data: method, path and schemas. The server registers routes with these schemas and
 * the web client derives its types from them, so no type is copied by hand.
 */
import { Type } from 'typebox';
import * as A from './accounts.js';
import { applicationsEndpoints } from './applications.endpoints.js';
import * as C from './centers.js';
import { checkinEndpoints } from './checkin.endpoints.js';
import { exportsEndpoints } from './exports.endpoints.js';
import { EXPORT_FILE, MEDIA } from './files.js';
import { mapEndpoints } from './map.endpoints.js';
import { monitoringEndpoints } from './monitoring.endpoints.js';
import * as MC from './municipal-changes.js';
import * as N from './network.js';
import { opportunitiesEndpoints } from './opportunities.endpoints.js';
import { organizationsEndpoints } from './organizations.endpoints.js';
import * as O from './organizations.js';
import { planEndpoints } from './plan.endpoints.js';
import { scheduleEndpoints } from './schedule.endpoints.js';
import { signupsEndpoints } from './signups.endpoints.js';
import * as S from './system.js';
import { volunteersEndpoints } from './volunteers.endpoints.js';

const NoContent = Type.Null();

export const endpoints = {
  health: { method: 'GET', path: '/api/health', response: S.Health },
  ready: { method: 'GET', path: '/api/ready', response: S.Ready },
  config: { method: 'GET', path: '/api/public/config', response: S.PublicConfig },

  register: { method: 'POST', path: '/api/auth/register', body: A.RegisterBody, response: A.Accepted },
  verifyEmail: {
    method: 'POST',
    path: '/api/auth/verify-email',
    body: A.VerifyEmailBody,
    response: A.UserEnvelope,
  },
  resendVerification: {
    method: 'POST',
    path: '/api/auth/resend-verification',
    body: A.EmailOnlyBody,
    response: A.Accepted,
  },
  login: { method: 'POST', path: '/api/auth/login', body: A.LoginBody, response: A.UserEnvelope },
  logout: { method: 'POST', path: '/api/auth/logout', response: NoContent },
  requestPasswordReset: {
    method: 'POST',
    path: '/api/auth/password-reset/request',
    body: A.EmailOnlyBody,
    response: A.Accepted,
  },
  confirmPasswordReset: {
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    body: A.ResetConfirmBody,
    response: A.Accepted,
  },

  me: { method: 'GET', path: '/api/me', response: A.UserEnvelope },
  updateMe: { method: 'PATCH', path: '/api/me', body: A.UpdateMeBody, response: A.UserEnvelope },
  changePassword: {
    method: 'POST',
    path: '/api/me/password',
    body: A.ChangePasswordBody,
    response: A.Accepted,
  },
  mySessions: { method: 'GET', path: '/api/me/sessions', response: A.SessionList },
  endSession: {
    method: 'DELETE',
    path: '/api/me/sessions/:id',
    params: A.SessionIdParams,
    response: NoContent,
  },
  endAllSessions: { method: 'POST', path: '/api/me/sessions/end-all', response: NoContent },

  region: { method: 'GET', path: '/api/public/region', response: N.Region },
  summary: { method: 'GET', path: '/api/public/summary', response: N.PublicSummary },
  municipalities: {
    method: 'GET',
    path: '/api/public/municipalities',
    query: MC.MunicipalityListQuery,
    response: N.MunicipalityList,
  },
  centers: { method: 'GET', path: '/api/public/centers', query: N.CenterListQuery, response: N.CenterList },
  publicCenter: {
    method: 'GET',
    path: '/api/public/centers/:id',
    params: C.CenterIdParams,
    response: C.CenterEnvelope,
  },
  centerHistory: {
    method: 'GET',
    path: '/api/centers/:id/history',
    params: C.CenterIdParams,
    response: C.CenterHistory,
  },
  changeCenterStatus: {
    method: 'POST',
    path: '/api/centers/:id/status',
    params: C.CenterIdParams,
    body: C.ChangeCenterStatusBody,
    response: C.CenterHistory,
  },

  organizations: {
    method: 'GET',
    path: '/api/organizations',
    query: O.OrganizationListQuery,
    response: O.OrganizationList,
  },
  createOrganization: {
    method: 'POST',
    path: '/api/organizations',
    body: O.CreateOrganizationBody,
    response: O.OrganizationEnvelope,
  },
  checkInn: {
    method: 'GET',
    path: '/api/organizations/check-inn',
    query: O.InnCheckQuery,
    response: O.InnCheck,
  },
  organization: {
    method: 'GET',
    path: '/api/organizations/:id',
    params: O.OrganizationIdParams,
    response: O.OrganizationEnvelope,
  },
  updateOrganization: {
    method: 'PATCH',
    path: '/api/organizations/:id',
    params: O.OrganizationIdParams,
    body: O.UpdateOrganizationBody,
    response: O.OrganizationEnvelope,
  },
  addRepresentative: {
    method: 'POST',
    path: '/api/organizations/:id/representatives',
    params: O.OrganizationIdParams,
    body: O.AddRepresentativeBody,
    response: O.OrganizationEnvelope,
  },
  removeRepresentative: {
    method: 'DELETE',
    path: '/api/organizations/:id/representatives/:userId',
    params: O.RepresentativeParams,
    response: O.OrganizationEnvelope,
  },

  recordMunicipalChange: {
    method: 'POST',
    path: '/api/admin/municipal-changes',
    body: MC.RecordMunicipalChangeBody,
    response: MC.MunicipalChangeEnvelope,
  },
  municipalChanges: {
    method: 'GET',
    path: '/api/public/municipal-changes',
    response: MC.MunicipalChangeList,
  },
  downloadBackup: {
    method: 'GET',
    path: '/api/admin/backup',
    file: { ...EXPORT_FILE, types: [MEDIA.gzip], description: 'gzip JSON lines (see docs/adr/0005)' },
  },

  ...applicationsEndpoints,
  ...monitoringEndpoints,
  ...planEndpoints,
  ...mapEndpoints,
  ...volunteersEndpoints,
  ...organizationsEndpoints,
  ...opportunitiesEndpoints,
  ...signupsEndpoints,
  ...checkinEndpoints,
  ...scheduleEndpoints,
  ...exportsEndpoints,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
/** The downloads: endpoints answering with a file (`file` in place of `response`, see files.ts). */
export type FileEndpointName = {
  [K in EndpointName]: Endpoints[K] extends { file: object } ? K : never;
}[EndpointName];
/** The endpoints answering with JSON (or nothing). */
export type JsonEndpointName = Exclude<EndpointName, FileEndpointName>;
