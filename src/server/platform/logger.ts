/**
 * JSON logs (one line per event) carrying the request id. What never reaches the log: passwords,
 * cookies, tokens of any kind (password reset, e-mail verification, calendar feeds, QR check-in — in a
 * path or a query), e-mail addresses and other personal data. Request lines carry the method, the
 * redacted URL, the route, the status and the time; error lines carry the error with its text scrubbed.
 */
import { type FastifyRequest, LogController } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

const REDACTED = '[redacted]';

/** Route parameters and query keys whose values are secrets or personal data, whatever they look like. */
const SECRET_NAME =
  /^(t|token|.*token|code|key|secret|sig|signature|password|email|e-?mail|q|search|name|phone|contact)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /[^\s@/?&=<>"']+@[^\s@/?&=<>"']+\.[^\s@/?&=<>"']+/g;
/** Base64url/hex runs long enough to be a token or a signature (UUIDs are ids, not secrets). */
const TOKENISH = /[A-Za-z0-9_-]{24,}(?:\.[A-Za-z0-9_-]{8,})*/g;

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** A path segment or query value that must not be logged as it is. */
function looksSecret(raw: string): boolean {
  const value = decode(raw);
  if (value.includes('@')) return true;
  if (UUID.test(value)) return false;
  if (/^[A-Za-z0-9_.~-]{20,}$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value)) return true;
  if (/^[A-Za-z0-9_.~-]{32,}$/.test(value)) return true;
  // anything that is not a plain ASCII word, number, date or id (e.g. a name typed into a filter)
  return !/^[\w.:,+~-]{0,64}$/.test(value);
}

/**
 * The URL as it may be logged: route parameters named like secrets and any token-like path segment
 * become `[redacted]`; every query value is dropped unless it is a plain, harmless word, number or date.
 */
export function redactUrl(url: string, routePattern?: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  const pattern = routePattern?.split('/') ?? [];
  const segments = path.split('/').map((segment, i) => {
    const param = pattern[i]?.startsWith(':') ? pattern[i]?.slice(1) : undefined;
    if (param && SECRET_NAME.test(param)) return REDACTED;
    return segment && looksSecret(segment) ? REDACTED : segment;
  });
  const safePath = segments.join('/');
  if (!query) return safePath;
  const pairs = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (eq < 0) return looksSecret(key) ? REDACTED : key;
    const value = pair.slice(eq + 1);
    const safeKey = looksSecret(key) ? REDACTED : key;
    return `${safeKey}=${SECRET_NAME.test(decode(key)) || looksSecret(value) ? REDACTED : value}`;
  });
  return `${safePath}?${pairs.join('&')}`;
}

/** Free text (an error message, a stack) without e-mail addresses or token-like strings. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, '[email]').replace(TOKENISH, (run) => (UUID.test(run) ? run : '[token]'));
}

type RequestLike = {
  method?: string;
  url?: string;
  ip?: string;
  routeOptions?: { url?: string };
};

/** What a request line says about the request (Fastify passes its request object). */
export function serializeRequest(req: RequestLike) {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url, req.routeOptions?.url),
    route: req.routeOptions?.url,
    remoteAddress: req.ip,
  };
}

/** Database and library errors can carry the values of a statement (`detail`, `parameters`): drop them. */
export function serializeError(error: unknown) {
  const base = pino.stdSerializers.err(error as Error) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) {
    if (['detail', 'parameters', 'where', 'internalQuery', 'query', 'params', 'body'].includes(key)) continue;
    out[key] = typeof value === 'string' ? scrubText(value) : value;
  }
  return out;
}

export function createLogger(level: Config['logLevel'], destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'dobroset' },
      serializers: { req: serializeRequest, err: serializeError },
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          '*.password',
          '*.token',
          '*.email',
          '*.to_address',
          'res.headers["set-cookie"]',
        ],
        remove: true,
      },
    },
    destination,
  );
}

/** The same serializers on any logger the app is given (tests and embedders pass their own pino). */
export const withRedaction = (log: Logger): Logger =>
  log.child({}, { serializers: { req: serializeRequest, err: serializeError } });

/** Fastify's request log lines, with the one line that prints a raw URL (route not found) redacted. */
export class RedactingLogController extends LogController {
  override routeNotFound(request: FastifyRequest) {
    if (this.isLogDisabled(request)) return;
    const { method, url } = request.raw;
    request.log.info({ req: request }, `Route ${method}:${redactUrl(url ?? '')} not found`);
  }
}
