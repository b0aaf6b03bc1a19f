// Bounded load: autocannon with a fixed duration (or amount) and connection count against 127.0.0.1, every
// response's latency kept so p50/p95/p99 are exact; and one-off streamed downloads that count rows.
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';

export const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;

function assertLocal(url) {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`the benchmark only targets 127.0.0.1, not ${hostname}`);
}

/**
 * One autocannon run. `request`: { path, method, headers, body } or `requests` (autocannon's sequence);
 * `duration` seconds or `amount` requests. Returns latency percentiles (ms), req/s and the statuses.
 */
export async function load({ baseUrl, request, requests, connections, duration, amount, timeout = 30 }) {
  assertLocal(baseUrl);
  const latencies = [];
  const statuses = {};
  const started = performance.now();
  const instance = autocannon({
    url: `${baseUrl}${request?.path ?? ''}`,
    method: request?.method ?? 'GET',
    headers: request?.headers ?? {},
    ...(request?.body !== undefined ? { body: request.body } : {}),
    ...(requests ? { requests } : {}),
    connections,
    ...(amount ? { amount } : { duration }),
    timeout,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  // Requests still in the server when the run ends would slow down the next run: one more request of the
  // same kind waits for them (the server serves its queue in order; on PGlite one statement at a time).
  let drainMs = null;
  if (request && (request.method ?? 'GET') === 'GET') {
    const t = performance.now();
    await fetch(`${baseUrl}${request.path}`, {
      headers: request.headers ?? {},
      signal: AbortSignal.timeout(300_000),
    })
      .then((res) => res.arrayBuffer())
      .catch(() => undefined);
    drainMs = Math.round(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  const ok = Object.entries(statuses)
    .filter(([s]) => s >= 200 && s < 300)
    .reduce((n, [, c]) => n + c, 0);
  return {
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    requests: latencies.length,
    ok,
    reqPerSec: latencies.length / Math.min(seconds, result.duration || seconds),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    drainMs,
  };
}

/**
 * Downloads `url` once, streaming: counts bytes and rows (CSV: lines after the header; XLSX: rows of the
 * first sheet after the header, parsed with exceljs; gzip JSON lines: lines; otherwise null).
 */
export async function download(url, headers) {
  assertLocal(url);
  const started = performance.now();
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  const type = res.headers.get('content-type') ?? '';
  let bytes = 0;
  let rows = null;
  const body = Readable.fromWeb(res.body);
  body.on('data', (chunk) => {
    bytes += chunk.length;
  });
  if (type.startsWith('text/csv')) {
    let lines = 0;
    let last = 10;
    for await (const chunk of body) {
      for (const b of chunk) if (b === 10) lines++;
      last = chunk[chunk.length - 1];
    }
    if (last !== 10) lines++;
    rows = Math.max(0, lines - 1);
  } else if (type.includes('spreadsheetml')) {
    const chunks = [];
    for await (const chunk of body) chunks.push(chunk);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks));
    rows = Math.max(0, (book.worksheets[0]?.actualRowCount ?? 1) - 1);
  } else if (type.includes('gzip')) {
    let lines = 0;
    for await (const chunk of body.pipe(createGunzip())) for (const b of chunk) if (b === 10) lines++;
    rows = lines;
  } else {
    for await (const _ of body);
  }
  return { seconds: (performance.now() - started) / 1000, bytes, rows, type };
}
