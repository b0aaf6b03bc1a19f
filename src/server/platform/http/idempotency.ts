/**
 * `Idempotency-Key` on every POST under /api (IETF draft-ietf-httpapi-idempotency-key-header, with
 * Stripe's semantics; ADR 0017). The first request with a key claims it in the database (one atomic
 * insert), runs, and its answer is stored; a retry with the same key — on any instance — gets that answer
 * again, marked `Idempotency-Replayed: true`, and nothing runs twice.
 *
 * - The key is the caller's: users by id, anonymous callers by a hash of their session cookie or address.
 * - The same key with a different request (method, URL or body) → 422 `idempotency_key_mismatch`.
 * - While the first request runs, a twin → 409 `idempotency_in_progress` with `Retry-After`.
 * - Kept: every answer below 500 except 408/429 (the client should retry those), and not one that sets a
 *   cookie (a session cookie is a credential, never stored; replaying a login without it would be a lie):
 *   such keys are released and a retry runs afresh. Answers over 1 MiB or not text are not kept either.
 * - An answer lives 24 hours; expired keys are deleted by an hourly scheduled job (`idempotency-sweep`,
 *   one for the cluster) and, at most hourly per instance, on a keyed request.
 * - A crash between the work's commit and storing the answer leaves the key `in_progress`: twins get 409
 *   for the lease (60 s), after which the same request runs again (as it would without a key).
 * - A key whose request failed while the database was away cannot be released then: it is remembered and
 *   released as soon as the database answers again (every second, and before the next keyed request), so
 *   the retry that the 503 invites runs once the outage ends instead of waiting out the lease.
 * Requests without the header cost one header lookup.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Jobs } from '../jobs/jobs.js';
import {
  type Claim,
  createIdempotencyStore,
  type IdempotencyStore,
  type IdempotencyTables,
} from './idempotency.store.js';
import { requestLocale } from './locale.js';
import { errorMessage } from './messages.js';
import { problem, sendProblem } from './problem.js';

export const IDEMPOTENCY = {
  header: 'idempotency-key',
  replayedHeader: 'idempotency-replayed',
  /** How long an answer is kept (and a key cannot be reused for something else). */
  ttlMs: 24 * 3_600_000,
  /** How long a claimed key counts as in progress when its request never finishes (a crash). */
  leaseMs: 60_000,
  retryAfterSeconds: 1,
  maxStoredChars: 1_048_576,
  sweepEveryMs: 3_600_000,
} as const;

/** Headers of the first answer that a replay repeats (never Set-Cookie). */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag', 'content-disposition'] as const;
const NOT_KEPT = new Set([408, 429]);

declare module 'fastify' {
  interface FastifyRequest {
    /** The key this request holds, until its answer is stored or the key released. */
    idempotency: Claim | null;
  }
}

const VISIBLE_ASCII = /^[\x21-\x7e]{1,255}$/;
const SF_STRING = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/;

/**
 * The key from the header: a Structured Field string (`"…"`, as the draft defines it) or a bare token
 * (as most clients send it). 1–255 visible ASCII characters. undefined: absent; null: malformed.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) return null;
  const value = header.trim();
  const quoted = SF_STRING.exec(value);
  const key = quoted ? (quoted[1] as string).replace(/\\(["\\])/g, '$1') : value;
  if (!quoted && value.startsWith('"')) return null;
  return VISIBLE_ASCII.test(key) ? key : null;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The caller a key belongs to. */
function ownerOf(request: FastifyRequest): string {
  if (request.actor.kind === 'user') return `user:${request.actor.userId}`;
  return `anon:${sha256(request.sessionToken ? `session:${request.sessionToken}` : `ip:${request.ip}`)}`;
}

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same": method, URL (with query) and body (as sent, before defaults). */
function fingerprintOf(request: FastifyRequest): string {
  const hash = createHash('sha256').update(`${request.method} ${request.url}\n`);
  const body = request.body;
  if (Buffer.isBuffer(body)) hash.update(body);
  else if (body !== undefined && body !== null) hash.update(canonical(body));
  return hash.digest('hex');
}

function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: 'idempotency_key_invalid' | 'idempotency_in_progress' | 'idempotency_key_mismatch',
) {
  const detail = errorMessage(code, requestLocale(request));
  if (status === 409) reply.header('retry-after', String(IDEMPOTENCY.retryAfterSeconds));
  return sendProblem(reply, problem(request, status, code, detail));
}

function keptAnswer(
  reply: FastifyReply,
  payload: unknown,
): { headers: Record<string, string>; body: string | null } | null {
  const status = reply.statusCode;
  if (status >= 500 || NOT_KEPT.has(status) || reply.hasHeader('set-cookie')) return null;
  if (payload !== undefined && payload !== null && typeof payload !== 'string') return null;
  if (typeof payload === 'string' && payload.length > IDEMPOTENCY.maxStoredChars) return null;
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return { headers, body: typeof payload === 'string' ? payload : null };
}

export function registerIdempotency(
  app: FastifyInstance,
  deps: { db: Kysely<IdempotencyTables>; clock: Clock; store?: IdempotencyStore },
) {
  const store = deps.store ?? createIdempotencyStore(deps.db);
  let lastSweep = 0;
  app.decorateRequest('idempotency', null);

  /** Keys that could not be released (the database was away), released as soon as it is back. */
  const unreleased = new Map<string, Claim>();
  let retryTimer: NodeJS.Timeout | null = null;
  async function releaseLater() {
    for (const [id, claim] of unreleased) {
      try {
        await store.release(claim);
        unreleased.delete(id);
      } catch {
        return; // still away: the next tick tries again
      }
    }
  }
  function scheduleRetry() {
    if (retryTimer || unreleased.size === 0) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void releaseLater().finally(scheduleRetry);
    }, 1_000);
    retryTimer.unref();
  }
  async function release(request: FastifyRequest, claim: Claim) {
    try {
      await store.release(claim);
    } catch (error) {
      request.log.warn({ err: error }, 'idempotency key not released yet; retrying');
      unreleased.set(claim.claim, claim);
      scheduleRetry();
    }
  }
  app.addHook('onClose', async () => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  });

  // After the body is parsed (the fingerprint needs it) and before it is validated, so validation's
  // defaults do not change the fingerprint and a refused body is answered the same way again.
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST' || !request.url.startsWith('/api/')) return;
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY.header]);
    if (key === undefined) return;
    if (key === null) return refuse(request, reply, 400, 'idempotency_key_invalid');

    if (unreleased.size > 0) await releaseLater();
    const now = deps.clock.now();
    const claim: Claim = { owner: ownerOf(request), key, claim: randomUUID() };
    const fingerprint = fingerprintOf(request);
    if (now.getTime() - lastSweep >= IDEMPOTENCY.sweepEveryMs) {
      lastSweep = now.getTime();
      // Housekeeping only: a failed sweep must not fail the request (the hourly job sweeps too).
      await store.sweep(now).catch((error: unknown) => {
        request.log.warn({ err: error }, 'expired idempotency keys not swept');
      });
    }
    if (await store.claim({ ...claim, fingerprint }, now, IDEMPOTENCY)) {
      request.idempotency = claim;
      return;
    }
    const existing = await store.find(claim.owner, key, now);
    if (!existing) return refuse(request, reply, 409, 'idempotency_in_progress'); // taken over meanwhile
    if (existing.fingerprint !== fingerprint) return refuse(request, reply, 422, 'idempotency_key_mismatch');
    if (existing.state !== 'done' || existing.response_status === null)
      return refuse(request, reply, 409, 'idempotency_in_progress');
    reply.status(existing.response_status);
    for (const [name, value] of Object.entries(existing.response_headers ?? {})) reply.header(name, value);
    reply.header(IDEMPOTENCY.replayedHeader, 'true');
    return reply.send(existing.response_body ?? undefined);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    const answer = keptAnswer(reply, payload);
    if (!answer) {
      await release(request, claim);
      return payload;
    }
    try {
      await store.complete(claim, { status: reply.statusCode, ...answer }, deps.clock.now());
    } catch (error) {
      // The answer still goes out; the key stays in progress until its lease ends.
      request.log.error({ err: error }, 'idempotency key not settled');
    }
    return payload;
  });

  // An answer that never went through onSend (a hijacked reply): let the key go.
  app.addHook('onResponse', async (request) => {
    const claim = request.idempotency;
    if (!claim) return;
    request.idempotency = null;
    await release(request, claim);
  });
}

export const SWEEP_QUEUE = 'idempotency-sweep';

/** The hourly deletion of expired keys (their stored answers may hold personal data). */
export function defineIdempotencySweep(
  jobs: Jobs,
  deps: { db: Kysely<IdempotencyTables>; clock: Clock; log: { info(o: object, m: string): void } },
) {
  const store = createIdempotencyStore(deps.db);
  jobs.define<Record<string, never>>(
    SWEEP_QUEUE,
    { retryLimit: 2, retryDelaySeconds: 60, retryBackoff: false, pollSeconds: 30 },
    async () => {
      const deleted = await store.sweep(deps.clock.now());
      if (deleted > 0) deps.log.info({ deleted }, 'expired idempotency keys deleted');
    },
  );
  jobs.schedule(SWEEP_QUEUE, '17 * * * *');
}
