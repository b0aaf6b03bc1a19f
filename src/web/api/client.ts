/**
 * Typed API client. Every request and response type is derived from the shared contracts
 * (src/shared/contracts/endpoints.ts); only type information is imported, so no schema code is bundled.
 */
import type { Static, TSchema } from 'typebox';
import type { Problem } from '../../shared/contracts/common';
import type {
  EndpointName,
  Endpoints,
  FileEndpointName,
  JsonEndpointName,
} from '../../shared/contracts/endpoints';
import type { ProblemCode } from '../../shared/problems';
import { currentLocale } from '../i18n';
import { fetchWithRetry, idempotencyHeader, newIdempotencyKey } from './retry';
import type { Route, RouteTable } from './route-table';
import { applicationsRoutes } from './routes/applications';
import { checkinRoutes } from './routes/checkin';
import { exportsRoutes } from './routes/exports';
import { mapRoutes } from './routes/map';
import { monitoringRoutes } from './routes/monitoring';
import { opportunitiesRoutes } from './routes/opportunities';
import { organizationsRoutes } from './routes/organizations';
import { planRoutes } from './routes/plan';
import { scheduleRoutes } from './routes/schedule';
import { signupsRoutes } from './routes/signups';
import { volunteersRoutes } from './routes/volunteers';

type Def<N extends EndpointName> = Endpoints[N];
type Part<N extends EndpointName, K extends string> =
  Def<N> extends { [P in K]: infer S extends TSchema } ? Static<S> : undefined;

export type ResponseOf<N extends EndpointName> = Part<N, 'response'>;
export type BodyOf<N extends EndpointName> = Part<N, 'body'>;
export type ParamsOf<N extends EndpointName> = Part<N, 'params'>;
export type QueryOf<N extends EndpointName> = Part<N, 'query'>;
export type { Problem };
export type FieldError = NonNullable<Problem['errors']>[number];

type Field<K extends string, T> = [T] extends [undefined] ? { [P in K]?: never } : { [P in K]: T };
type OptionalField<K extends string, T> = [T] extends [undefined] ? { [P in K]?: never } : { [P in K]?: T };

export type RequestOptions<N extends EndpointName> = Field<'body', BodyOf<N>> &
  Field<'params', ParamsOf<N>> &
  OptionalField<'query', QueryOf<N>> & {
    signal?: AbortSignal;
    /** The version of the record the edit started from: sent as `If-Match` (412 when it changed). */
    ifMatch?: number;
  };

type NeedsOptions<N extends EndpointName> = [BodyOf<N>] extends [undefined]
  ? [ParamsOf<N>] extends [undefined]
    ? false
    : true
  : true;
type Args<N extends EndpointName> = NeedsOptions<N> extends true ? [RequestOptions<N>] : [RequestOptions<N>?];

/**
 * Method and path of each endpoint. The type makes the compiler check every entry against the contract
 * (same literal method and path, no endpoint missing), without bundling the contract's schemas.
 */
const routes: RouteTable<EndpointName> = {
  ...applicationsRoutes,
  ...monitoringRoutes,
  ...planRoutes,
  ...mapRoutes,
  ...volunteersRoutes,
  ...organizationsRoutes,
  ...opportunitiesRoutes,
  ...signupsRoutes,
  ...checkinRoutes,
  ...scheduleRoutes,
  ...exportsRoutes,
  health: { method: 'GET', path: '/api/health' },
  ready: { method: 'GET', path: '/api/ready' },
  config: { method: 'GET', path: '/api/public/config' },
  register: { method: 'POST', path: '/api/auth/register' },
  verifyEmail: { method: 'POST', path: '/api/auth/verify-email' },
  resendVerification: { method: 'POST', path: '/api/auth/resend-verification' },
  login: { method: 'POST', path: '/api/auth/login' },
  logout: { method: 'POST', path: '/api/auth/logout' },
  requestPasswordReset: { method: 'POST', path: '/api/auth/password-reset/request' },
  confirmPasswordReset: { method: 'POST', path: '/api/auth/password-reset/confirm' },
  me: { method: 'GET', path: '/api/me' },
  updateMe: { method: 'PATCH', path: '/api/me' },
  changePassword: { method: 'POST', path: '/api/me/password' },
  mySessions: { method: 'GET', path: '/api/me/sessions' },
  endSession: { method: 'DELETE', path: '/api/me/sessions/:id' },
  endAllSessions: { method: 'POST', path: '/api/me/sessions/end-all' },
  region: { method: 'GET', path: '/api/public/region' },
  summary: { method: 'GET', path: '/api/public/summary' },
  municipalities: { method: 'GET', path: '/api/public/municipalities' },
  centers: { method: 'GET', path: '/api/public/centers' },
  publicCenter: { method: 'GET', path: '/api/public/centers/:id' },
  centerHistory: { method: 'GET', path: '/api/centers/:id/history' },
  changeCenterStatus: { method: 'POST', path: '/api/centers/:id/status' },
  organizations: { method: 'GET', path: '/api/organizations' },
  createOrganization: { method: 'POST', path: '/api/organizations' },
  checkInn: { method: 'GET', path: '/api/organizations/check-inn' },
  organization: { method: 'GET', path: '/api/organizations/:id' },
  updateOrganization: { method: 'PATCH', path: '/api/organizations/:id' },
  addRepresentative: { method: 'POST', path: '/api/organizations/:id/representatives' },
  removeRepresentative: { method: 'DELETE', path: '/api/organizations/:id/representatives/:userId' },
  recordMunicipalChange: { method: 'POST', path: '/api/admin/municipal-changes' },
  municipalChanges: { method: 'GET', path: '/api/public/municipal-changes' },
  downloadBackup: { method: 'GET', path: '/api/admin/backup' },
};

/** An RFC 9457 problem returned by the server (or synthesised for network and non-JSON failures). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** A code from the shared catalogue (src/shared/problems), or one the client made up itself. */
  get code(): ClientProblemCode {
    return this.problem.code as ClientProblemCode;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export const NETWORK_ERROR = 'network_error';
/**
 * The codes the web may compare against: the server's catalogue (type only — its texts stay out of the
 * bundle; the server's `detail` is already in the UI language), a network failure, or `http_<status>`
 * for an answer that was not problem+json (a proxy's error page).
 */
export type ClientProblemCode = ProblemCode | typeof NETWORK_ERROR | `http_${number}`;

function buildUrl(path: string, params: unknown, query: unknown): string {
  const values = (params ?? {}) as Record<string, string | number>;
  let url = path.replace(/:([A-Za-z0-9_]+)/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`Missing path parameter "${key}" for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  if (qs) url += `?${qs}`;
  return url;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.title === 'string';
}

async function toApiError(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // Not JSON (e.g. a proxy error page): fall back to the HTTP status below.
  }
  if (isProblem(payload)) {
    return new ApiError({
      ...payload,
      type: payload.type ?? 'about:blank',
      code: payload.code ?? `http_${res.status}`,
    });
  }
  return new ApiError({
    type: 'about:blank',
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    code: `http_${res.status}`,
  });
}

/** Calls an endpoint by its contract name, e.g. `api('login', { body: { email, password } })`. */
export async function api<N extends JsonEndpointName>(name: N, ...args: Args<N>): Promise<ResponseOf<N>> {
  const options = (args[0] ?? {}) as {
    body?: unknown;
    params?: unknown;
    query?: unknown;
    signal?: AbortSignal;
    ifMatch?: number;
  };
  const route: Route<EndpointName> = routes[name];
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLocale(),
    'X-Requested-With': 'dobroset',
  };
  const init: RequestInit = {
    method: route.method,
    headers,
    credentials: 'same-origin',
    signal: options.signal,
  };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  // Every POST gets its own key, kept across the retries of this one call (ADR 0017).
  const retry = route.method === 'POST';
  if (retry) headers['Idempotency-Key'] = idempotencyHeader(newIdempotencyKey());

  let res: Response;
  try {
    res = await fetchWithRetry(buildUrl(route.path, options.params, options.query), init, retry);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: NETWORK_ERROR });
  }

  if (!res.ok) throw await toApiError(res);
  if (res.status === 204 || res.headers.get('Content-Length') === '0') return null as ResponseOf<N>;
  return (await res.json()) as ResponseOf<N>;
}

type FileUrlArgs<N extends FileEndpointName> = [ParamsOf<N>] extends [undefined]
  ? [params?: undefined, query?: QueryOf<N>]
  : [params: ParamsOf<N>, query?: QueryOf<N>];

/**
 * The address of a file endpoint (a download link's `href`, an image's `src`), from the same table as
 * `api()`: `fileUrl('shiftRosterPdf', { id })`, `fileUrl('volunteerPhoto', { userId }, { v })`. The
 * session cookie authenticates the GET.
 */
export function fileUrl<N extends FileEndpointName>(name: N, ...args: FileUrlArgs<N>): string {
  const [params, query] = args;
  return buildUrl(routes[name].path, params, query);
}

export function isApiError(error: unknown, status?: number, code?: ClientProblemCode): error is ApiError {
  return (
    error instanceof ApiError &&
    (status === undefined || error.status === status) &&
    (code === undefined || error.code === code)
  );
}
