import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchWithRetry, newIdempotencyKey, RETRY, retryDelay } from './retry.js';

type Call = { url: string; init: RequestInit };
const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'x', status, code }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

let calls: Call[];
function answer(...results: (Response | Error)[]) {
  calls = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = results[calls.length - 1] ?? results[results.length - 1];
    if (next instanceof Error) throw next;
    return next;
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const init = () => ({ method: 'POST', headers: { 'Idempotency-Key': '"k-1"' }, body: '{}' });

describe('retries of keyed writes', () => {
  it('after a lost answer the same request (same key, same body) is sent again, and its answer returned', async () => {
    answer(new TypeError('Failed to fetch'), new Response('{"ok":true}', { status: 201 }));
    const pending = fetchWithRetry('/api/x', init(), true);
    await vi.advanceTimersByTimeAsync(RETRY.baseDelayMs);
    const res = await pending;
    expect(res.status).toBe(201);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.init).toEqual(calls[0]?.init);
  });

  it('409 in progress waits for Retry-After, then asks again', async () => {
    answer(
      problem(409, 'idempotency_in_progress', { 'retry-after': '2' }),
      new Response('{}', { status: 201 }),
    );
    const pending = fetchWithRetry('/api/x', init(), true);
    await vi.advanceTimersByTimeAsync(1_900);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect((await pending).status).toBe(201);
    expect(calls).toHaveLength(2);
  });

  it('gives up after a few attempts and returns the last answer', async () => {
    answer(problem(503, 'not_ready'));
    const pending = fetchWithRetry('/api/x', init(), true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await pending).status).toBe(503);
    expect(calls).toHaveLength(RETRY.attempts + 1);
  });

  it('does not retry a refusal (4xx) or a write without a key', async () => {
    answer(problem(409, 'email_taken'));
    expect((await fetchWithRetry('/api/x', init(), true)).status).toBe(409);
    expect(calls).toHaveLength(1);
    answer(problem(503, 'not_ready'));
    expect((await fetchWithRetry('/api/x', { method: 'PATCH' }, false)).status).toBe(503);
    expect(calls).toHaveLength(1);
  });

  it('an abort stops the waiting at once', async () => {
    answer(new TypeError('Failed to fetch'));
    const controller = new AbortController();
    const pending = fetchWithRetry('/api/x', { ...init(), signal: controller.signal }, true);
    const outcome = pending.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await outcome).toBeInstanceOf(DOMException);
    expect(calls).toHaveLength(1);
  });
});

describe('delays and keys', () => {
  it('backs off exponentially, honours Retry-After in seconds or as a date, never beyond the cap', () => {
    expect(retryDelay(0, null)).toBe(RETRY.baseDelayMs);
    expect(retryDelay(2, null)).toBe(RETRY.baseDelayMs * 4);
    expect(retryDelay(0, '1')).toBe(1_000);
    expect(retryDelay(0, new Date(10_000 + 3_000).toUTCString(), 10_000)).toBe(3_000);
    expect(retryDelay(0, '3600')).toBe(RETRY.maxDelayMs);
  });

  it('a key is a v4 UUID, also where crypto.randomUUID is missing (plain http)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(uuid);
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    vi.unstubAllGlobals();
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(uuid);
  });
});
