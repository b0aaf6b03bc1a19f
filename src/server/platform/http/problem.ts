/**
 * Every error leaves as application/problem+json (RFC 9457) with a stable `code`, a message in the
 * request's language and, for validation, one entry per field. 5xx bodies never carry internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../shared/limits.js';
import { AppError, type FieldIssue } from '../errors.js';
import { requestLocale } from './locale.js';
import { errorMessage, validationMessage } from './messages.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
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

export function problem(
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors?: FieldIssue[],
): ProblemBody {
  return {
    type: `https://dobroset.org/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody) {
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

function fieldPath(instancePath: string, context: string | undefined, missing?: unknown, extra?: unknown) {
  const parts = instancePath.split('/').filter(Boolean);
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
  return problem(
    request,
    400,
    'validation_failed',
    errorMessage('validation_failed', locale, 'Invalid input.'),
    errors,
  );
}

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
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
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(
        reply,
        problem(request, 413, 'body_too_large', errorMessage('body_too_large', locale, '')),
      );
    }
    if (status === 415) {
      return sendProblem(
        reply,
        problem(request, 415, 'unsupported_media_type', errorMessage('unsupported_media_type', locale, '')),
      );
    }
    if (status === 429) {
      reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
      return sendProblem(
        reply,
        problem(request, 429, 'rate_limited', errorMessage('rate_limited', locale, '')),
      );
    }
    if (status === 400 && (error instanceof SyntaxError || error.code?.startsWith('FST_ERR_CTP'))) {
      return sendProblem(
        reply,
        problem(request, 400, 'malformed_json', errorMessage('malformed_json', locale, ''), [
          { field: '(body)', code: 'malformed_json', message: errorMessage('malformed_json', locale, '') },
        ]),
      );
    }
    if (status >= 400 && status < 500) {
      const code = status === 404 ? 'not_found' : 'bad_request';
      return sendProblem(
        reply,
        problem(request, status, code, errorMessage(code, locale, 'The request was rejected.')),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      problem(request, 500, 'internal', errorMessage('internal', locale, 'Internal error.')),
    );
  });
}

export function apiNotFound(request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  return sendProblem(
    reply,
    problem(request, 404, 'route_not_found', errorMessage('route_not_found', locale, '')),
  );
}
