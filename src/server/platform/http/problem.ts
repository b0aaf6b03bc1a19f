/**
 * Every error leaves as application/problem+json (RFC 9457) with a stable `code` from the catalogue
 * (src/shared/problems), a message in the request's language and, for validation, one entry per field.
 * 5xx bodies never carry internals. Three paths lead here: the route error handler, Fastify's framework
 * errors raised before routing (`frameworkErrors`: bad URL encoding, a path parameter over
 * `maxParamLength`) and the HTTP parser's client errors before Fastify sees a request
 * (`clientErrorHandler`: headers too large, malformed requests), which get a raw problem+json response.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../shared/limits.js';
import type { ProblemCode } from '../../../shared/problems/index.js';
import { databaseFault } from '../db/faults.js';
import { AppError, type FieldIssue } from '../errors.js';
import { requestLocale } from './locale.js';
import { errorMessage, validationMessage } from './messages.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId: string;
  errors?: FieldIssue[];
};

function problemBody(
  status: number,
  code: ProblemCode,
  detail: string,
  requestId: string,
  instance?: string,
  errors?: FieldIssue[],
): ProblemBody {
  return {
    type: `https://dobroset.org/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(instance !== undefined ? { instance } : {}),
    requestId,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function problem(
  request: FastifyRequest,
  status: number,
  code: ProblemCode,
  detail: string,
  errors?: FieldIssue[],
): ProblemBody {
  return problemBody(status, code, detail, String(request.id), request.url.split('?')[0], errors);
}

export function sendProblem(reply: FastifyReply, body: ProblemBody) {
  return reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

function fieldPath(instancePath: string, context: string | undefined, missing?: unknown, extra?: unknown) {
  const parts = instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (typeof missing === 'string') parts.push(missing);
  if (typeof extra === 'string') parts.push(extra);
  const path = parts.join('.');
  if (context && context !== 'body') return path ? `${context}.${path}` : context;
  return path || '(body)';
}

function validationProblem(request: FastifyRequest, error: FastifyError, locale: Locale) {
  const seen = new Set<string>();
  const errors: FieldIssue[] = [];
  for (const issue of error.validation ?? []) {
    const params = issue.params as Record<string, unknown>;
    // A union (anyOf) repeats the same field once per branch; keep the first message per field.
    if (issue.keyword === 'anyOf') continue;
    const field = fieldPath(
      issue.instancePath,
      error.validationContext,
      params.missingProperty,
      params.additionalProperty,
    );
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({
      field,
      ...validationMessage({ keyword: issue.keyword, params, message: issue.message }, locale),
    });
  }
  return problem(request, 400, 'validation_failed', errorMessage('validation_failed', locale), errors);
}

/** The catalogue code for a Fastify (or Node) error that is not an AppError. */
function frameworkCode(error: FastifyError, status: number): { status: number; code: ProblemCode } {
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { status: 413, code: 'body_too_large' };
  if (status === 415) return { status, code: 'unsupported_media_type' };
  if (status === 429) return { status, code: 'rate_limited' };
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_INVALID_URL')
    return { status: 400, code: 'bad_url' };
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH' || status === 414)
    return { status: 414, code: 'uri_too_long' };
  if (status === 431) return { status, code: 'headers_too_large' };
  if (status === 400 && (error instanceof SyntaxError || error.code?.startsWith('FST_ERR_CTP'))) {
    return { status, code: 'malformed_json' };
  }
  if (status === 404) return { status, code: 'not_found' };
  if (status === 405) return { status, code: 'method_not_allowed' };
  if (status === 406) return { status, code: 'not_acceptable' };
  if (status === 408) return { status, code: 'request_timeout' };
  return { status, code: 'bad_request' };
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  if (error instanceof AppError) {
    const fieldErrors = error.fieldErrors?.map(({ params, ...f }) => ({
      ...f,
      message: errorMessage(f.code, locale, f.message, params),
    }));
    if (error.status >= 500) request.log.error({ err: error }, 'service error');
    return sendProblem(
      reply,
      problem(
        request,
        error.status,
        error.code,
        errorMessage(error.code, locale, error.message, error.fieldErrors?.[0]?.params),
        fieldErrors,
      ),
    );
  }
  if (error.validation) return sendProblem(reply, validationProblem(request, error, locale));
  const status = error.statusCode ?? 500;
  if (status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
  if (status >= 400 && status < 500) {
    const mapped = frameworkCode(error, status);
    const detail = errorMessage(mapped.code, locale);
    const fieldErrors: FieldIssue[] | undefined =
      mapped.code === 'malformed_json'
        ? [{ field: '(body)', code: 'malformed_json', message: detail }]
        : undefined;
    return sendProblem(reply, problem(request, mapped.status, mapped.code, detail, fieldErrors));
  }
  // The database cannot serve right now (down, restarting, hung, or a statement/lock timeout): a
  // retryable 503, not a 500 (platform/db/faults.ts decides which errors these are).
  const fault = databaseFault(error);
  if (fault) {
    request.log.warn({ err: error }, `database ${fault}`);
    const code = fault === 'busy' ? 'database_busy' : 'database_unavailable';
    reply.header('retry-after', fault === 'busy' ? '2' : '5');
    return sendProblem(reply, problem(request, 503, code, errorMessage(code, locale)));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, problem(request, 500, 'internal', errorMessage('internal', locale)));
}

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler(handleError);
}

/**
 * Fastify's `frameworkErrors` option: errors raised while routing, before any hook (a malformed
 * percent-encoding in the path, a path parameter longer than `maxParamLength`).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('x-request-id', request.id);
  return handleError(error, request, reply);
}

/**
 * The HTTP server's `clientError` handler (Fastify's `clientErrorHandler` option): Node's parser refused
 * the request (headers over `maxHeaderSize` → 431, a malformed request line → 400, a timeout → 408), so
 * there is no request object; the answer is written to the socket by hand, in Russian (the headers,
 * Accept-Language among them, were not read).
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ProblemCode] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large']
      : error.code === 'HPE_URI_TOO_LONG'
        ? [414, 'uri_too_long']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request_timeout']
          : [400, 'bad_request'];
  const requestId = randomUUID();
  const body = JSON.stringify(problemBody(status, code, errorMessage(code, 'ru'), requestId));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${TITLES[status] ?? STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

export function apiNotFound(request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  return sendProblem(
    reply,
    problem(request, 404, 'route_not_found', errorMessage('route_not_found', locale)),
  );
}
