/**
 * The OpenAPI document, finished so that a generated client works (ADR 0014):
 * - every operation has an `operationId`: the endpoint's name in the shared endpoint table (set by
 *   route.ts; downloads are file endpoints there too), or for the routes outside it (the uploads, whose
 *   request bodies are raw files) one made of method and path;
 * - every error response is `application/problem+json` with the one `Problem` schema;
 * - every write documents the required `X-Requested-With: dobroset` header (CSRF, ADR 0003) and every
 *   POST the optional `Idempotency-Key`;
 * - operations that need a signed-in user declare the `session` cookie scheme; the public ones (reference
 *   data, sign-up and login, health, the calendar feed whose token is its secret) declare none;
 * - request schemas state the platform's input rules: text without control characters, dates within
 *   the supported years, http(s) URLs only.
 */
import type { SwaggerTransformObject } from '@fastify/swagger';
import { Problem } from '../../../shared/contracts/common.js';
import { DATE_YEARS, SAFE_TEXT_PATTERN } from '../../../shared/contracts/formats.js';
import { SESSION_COOKIE } from '../auth/session-plugin.js';
import { CSRF_HEADER_VALUE } from './security.js';

/** Operations any caller may use; everything else under /api needs the session cookie. */
const PUBLIC_PREFIXES = ['/api/public/', '/api/auth/', '/api/calendar/'];
const PUBLIC_PATHS = new Set([
  '/api/health',
  '/api/ready',
  '/api/application-stages',
  '/api/application-document-kinds',
  '/api/center-service-kinds',
  '/api/volunteers/vocabulary',
]);

export const isPublicOperation = (path: string) =>
  PUBLIC_PATHS.has(path) || PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix));

const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = new Set(['get', 'head', 'options', ...WRITES]);
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

const RULES = `
Every error is \`application/problem+json\` (RFC 9457) with a stable \`code\` (the catalogue is in the
source, \`src/shared/problems\`), a \`detail\` in the language of \`Accept-Language\` (ru by default, en) and,
for invalid input, one entry per field in \`errors\`.

Rules that hold for every operation, whatever its schema says:
- text (any string in a body, query or path) never contains C0 control characters other than tab, line
  feed and carriage return, nor an unpaired UTF-16 surrogate (\`forbidden_characters\`);
- \`format: date\` is \`YYYY-MM-DD\` and \`format: date-time\` is RFC 3339 with a zone, both real calendar
  dates in the years ${DATE_YEARS.min}–${DATE_YEARS.max} (\`invalid_date\`, \`invalid_date_time\`);
- \`format: uri\` is an absolute http:// or https:// address (\`invalid_url\`);
- an integer without bounds of its own lies within −2147483648…2147483647.

Sessions: log in with \`POST /api/auth/login\`; the \`${SESSION_COOKIE}\` cookie it sets authenticates
the operations that declare the \`session\` scheme. Every write (POST, PUT, PATCH, DELETE) must carry
\`X-Requested-With: ${CSRF_HEADER_VALUE}\`; a POST may carry an \`Idempotency-Key\`.`.trim();

export const openApiInfo = {
  title: 'Dobroset API',
  version: '0.1.0',
  description: `Regional network of volunteer centres.\n\n${RULES}`,
};

export const openApiComponents = {
  securitySchemes: {
    session: {
      type: 'apiKey' as const,
      in: 'cookie',
      name: SESSION_COOKIE,
      description: 'The session cookie set by POST /api/auth/login (HttpOnly, SameSite=Lax).',
    },
  },
};

type Json = Record<string, unknown>;
type Operation = Json & {
  operationId?: string;
  parameters?: Json[];
  responses?: Record<string, Json>;
  requestBody?: { content?: Record<string, { schema?: Json }> };
  security?: Json[];
};

/** `GET /api/exports/centers.csv` → `getExportsCentersCsv`; `{id}` → `ById`. */
export function fallbackOperationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[^A-Za-z0-9{}]+/)
    .filter(Boolean)
    .map((w) => (w.startsWith('{') ? `by-${w.slice(1, -1)}` : w))
    .flatMap((w) => w.split('-'))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `${method.toLowerCase()}${words.join('')}`;
}

const isErrorStatus = (status: string) => /^[45]/.test(status);

function problemResponse(existing: Json | undefined): Json {
  return {
    description:
      typeof existing?.description === 'string' ? existing.description : 'Problem details (RFC 9457)',
    content: { 'application/problem+json': { schema: PROBLEM_REF } },
  };
}

/** Adds the text rule to free-text strings and the supported years to dates, in request schemas. */
function stateRules(schema: unknown): void {
  if (Array.isArray(schema)) {
    for (const item of schema) stateRules(item);
    return;
  }
  if (schema === null || typeof schema !== 'object') return;
  const node = schema as Json;
  if (node.type === 'string') {
    const format = node.format;
    if (format === 'date' || format === 'date-time') {
      node.description = [node.description, `Years ${DATE_YEARS.min}–${DATE_YEARS.max}.`]
        .filter(Boolean)
        .join(' ');
    } else if (format === 'uri') {
      node.description = [node.description, 'An http:// or https:// address.'].filter(Boolean).join(' ');
    } else if (node.pattern === undefined && node.enum === undefined && node.const === undefined && !format) {
      node.pattern = SAFE_TEXT_PATTERN;
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') stateRules(value);
  }
}

/** Finishes the document @fastify/swagger built from the routes (its `transformObject` hook). */
export function finishOpenApi(built: unknown): Json {
  const doc = JSON.parse(JSON.stringify(built)) as Json & {
    paths?: Record<string, Record<string, Operation>>;
    components?: Json & { schemas?: Json };
  };
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, Problem } };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      operation.operationId ??= fallbackOperationId(method, path);
      const responses = operation.responses ?? {};
      for (const status of Object.keys(responses)) {
        if (isErrorStatus(status)) responses[status] = problemResponse(responses[status]);
      }
      if (!Object.keys(responses).some((s) => s.startsWith('4')))
        responses['4XX'] = problemResponse(undefined);
      if (!Object.keys(responses).some((s) => s.startsWith('5')))
        responses['5XX'] = problemResponse(undefined);
      operation.responses = responses;
      const parameters = operation.parameters ?? [];
      if (WRITES.has(method)) {
        parameters.push({
          name: 'X-Requested-With',
          in: 'header',
          required: true,
          description: 'Cross-site request forgery protection: every write must carry it (ADR 0003).',
          schema: { type: 'string', enum: [CSRF_HEADER_VALUE] },
        });
      }
      if (method === 'post') {
        parameters.push({
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Retrying with the same key replays the first answer instead of acting twice (ADR 0017).',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        });
      }
      if (method === 'patch' || method === 'put') {
        parameters.push({
          name: 'If-Match',
          in: 'header',
          required: false,
          description:
            'The record\'s `version` as a strong entity tag (`"3"`, or `*`), from its ETag: the edit applies only ' +
            'to that version, otherwise 412 edit_conflict (ADR 0017). Without it the edit applies to any version.',
          schema: { type: 'string', maxLength: 1000 },
        });
        responses['412'] ??= problemResponse({ description: 'The record changed since that version' });
      }
      for (const parameter of parameters) stateRules(parameter.schema);
      if (parameters.length > 0) operation.parameters = parameters;
      for (const media of Object.values(operation.requestBody?.content ?? {})) stateRules(media.schema);
      operation.security = isPublicOperation(path) ? [] : [{ session: [] }];
    }
  }
  return doc;
}

/** @fastify/swagger's `transformObject` option. */
export const transformOpenApi: SwaggerTransformObject = (built) =>
  finishOpenApi(
    'openapiObject' in built ? built.openapiObject : built.swaggerObject,
  ) as ReturnType<SwaggerTransformObject>;
