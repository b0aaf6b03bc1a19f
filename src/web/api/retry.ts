/**
 * Safe retries of writes (ADR 0017). Every POST carries a fresh `Idempotency-Key`; when the answer is lost
 * (network error) or the server cannot answer now (502/503/504, or 409 `idempotency_in_progress` while the
 * first attempt still runs), the same request is sent again with the same key, a few times with growing
 * pauses, honouring `Retry-After`. The server replays the first answer, so nothing is created twice.
 */

export const RETRY = { attempts: 3, baseDelayMs: 500, maxDelayMs: 5_000 } as const;

/** A random v4 UUID; crypto.randomUUID only exists on https and localhost, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The header value: a Structured Field string, as the IETF draft defines the field. */
export const idempotencyHeader = (key: string) => `"${key}"`;

const RETRY_STATUSES = new Set([502, 503, 504]);

/** Whether an answer means "the same request may succeed later". */
async function retryable(res: Response): Promise<boolean> {
  if (RETRY_STATUSES.has(res.status)) return true;
  if (res.status !== 409) return false;
  try {
    const body = (await res.clone().json()) as { code?: unknown };
    return body.code === 'idempotency_in_progress';
  } catch {
    return false;
  }
}

/** The pause before attempt `attempt + 1`: Retry-After (seconds or a date) when given, else exponential. */
export function retryDelay(attempt: number, retryAfter: string | null, now = Date.now()): number {
  let ms = RETRY.baseDelayMs * 2 ** attempt;
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const at = Number.isFinite(seconds) ? now + seconds * 1000 : Date.parse(retryAfter);
    if (Number.isFinite(at)) ms = Math.max(0, at - now);
  }
  return Math.min(ms, RETRY.maxDelayMs);
}

function pause(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * `fetch`, and when `retry` is set (a POST with an Idempotency-Key), up to RETRY.attempts more tries of the
 * same request after a lost or "not now" answer. An abort stops at once. The last failure is returned or
 * thrown as fetch would.
 */
export async function fetchWithRetry(url: string, init: RequestInit, retry: boolean): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const last = !retry || attempt >= RETRY.attempts;
    let res: Response;
    try {
      res = await fetch(url, init);
    } catch (error) {
      if (last || (error instanceof DOMException && error.name === 'AbortError')) throw error;
      await pause(retryDelay(attempt, null), init.signal);
      continue;
    }
    if (last || !(await retryable(res))) return res;
    await pause(retryDelay(attempt, res.headers.get('retry-after')), init.signal);
  }
}
